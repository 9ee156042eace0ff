// Contracts of a person's dashboard session: log in from the link or the form, log out.
import { defineContract } from "@/lib/contracts/define";
import { loginSchema } from "@/lib/schemas/session";

const REDIRECT = {
  description: "Back to the dashboard; `Set-Cookie` carries the session (or clears it).",
  headers: { Location: "The dashboard (`/?login=invalid` when the token was refused).", "Set-Cookie": "The `baton_session` cookie." },
};

export const logInWithLink = defineContract({
  method: "GET",
  path: "/login",
  operationId: "logInWithLink",
  summary: "The one-click login link `npm start` prints",
  tags: ["session"],
  auth: "public",
  query: loginSchema,
  responses: { 303: REDIRECT },
});

export const logIn = defineContract({
  method: "POST",
  path: "/login",
  operationId: "logIn",
  summary: "The login form",
  tags: ["session"],
  auth: "public",
  body: {
    schema: loginSchema,
    optional: true,
    textContentTypes: { "application/x-www-form-urlencoded": "`token=<admin token>`, as the login form posts it." },
  },
  // A login form holds one token; a larger body is refused before more of it is read.
  maxBodyBytes: 4 * 1024,
  responses: { 303: REDIRECT },
  // The answer sets a cookie, which a replay could not repeat.
  idempotent: false,
});

export const logOut = defineContract({
  method: "POST",
  path: "/logout",
  operationId: "logOut",
  summary: "End the person's session (from the dashboard's own pages only)",
  tags: ["session"],
  auth: "public",
  sameOrigin: true,
  responses: { 303: REDIRECT },
  idempotent: false,
});
