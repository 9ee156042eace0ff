// Every route, every kind of caller: a viewer, an approver and an admin (each logged in through an invite), the
// owner's admin token and an agent token call each contract in lib/contracts, and get 403 exactly where their
// role (or credential) is not enough. A new route is in allContracts, so it is checked here the day it ships.
import { beforeAll, describe, expect, it } from "vitest";
import { allContracts } from "@/lib/contracts";
import type { Contract } from "@/lib/contracts/define";
import { PERSON_ROLES, roleAtLeast, type PersonRole } from "@/lib/schemas/person";
import { adminToken, agentToken, baseUrl } from "./context";
import { loggedInPerson } from "../support/person";

type Caller = { label: string; headers: Record<string, string>; forbidden: (contract: Contract & { role: PersonRole }) => boolean; problemType: RegExp };

// Values no route will find: every probe is refused before it changes anything, or finds nothing (404) or bad input (4xx).
const PROBE_PARAMS: Record<string, string> = { key: "role-probe", phase: "probe", id: "999999", name: "role-probe-nobody" };

function probePath(contract: Contract): string {
  return contract.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = PROBE_PARAMS[name];
    if (value === undefined) throw new Error(`${contract.operationId}: no probe value for path parameter {${name}}; add one to PROBE_PARAMS`);
    return value;
  });
}

/** The status a caller gets; an event stream is hung up on as soon as its headers arrive. */
async function status(contract: Contract, caller: Caller): Promise<{ status: number; type?: string }> {
  const unsafe = contract.method !== "GET";
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}${probePath(contract)}`, {
    method: contract.method,
    headers: { ...caller.headers, ...(unsafe && { "content-type": "application/json" }) },
    body: unsafe ? "{}" : undefined,
    redirect: "manual",
    signal: abort.signal,
  });
  if (response.status !== 403) {
    abort.abort();
    return { status: response.status };
  }
  const problem = (await response.json()) as { type: string };
  return { status: 403, type: problem.type };
}

const callers: Caller[] = [];

beforeAll(async () => {
  for (const role of PERSON_ROLES) {
    const person = await loggedInPerson(baseUrl, adminToken, { role });
    callers.push({
      label: `a logged-in ${role}`,
      headers: { cookie: person.cookie, origin: baseUrl },
      forbidden: (contract) => !roleAtLeast(role, contract.role),
      problemType: /role-required$/,
    });
  }
  callers.push({
    label: "the admin token (the owner)",
    headers: { authorization: `Bearer ${adminToken}` },
    forbidden: (contract) => contract.auth === "session",
    problemType: /forbidden$/,
  });
  callers.push({
    label: "an agent token",
    headers: { authorization: `Bearer ${agentToken}` },
    forbidden: (contract) => contract.auth === "session" || contract.auth === "person",
    problemType: /forbidden$/,
  });
});

const authenticated = allContracts.filter((contract): contract is Contract & { role: PersonRole } => contract.auth !== "public");

describe("roles on every route", () => {
  it("has a role decision in every authenticated contract, and none on public ones", () => {
    for (const contract of allContracts) {
      if (contract.auth === "public") expect(contract.role, `${contract.operationId} is public`).toBeUndefined();
      else expect(PERSON_ROLES, `${contract.operationId} must declare the role a person needs`).toContain(contract.role);
    }
    expect(authenticated.length).toBeGreaterThan(40);
  });

  it("gives each route the role SPEC's People and roles section asks for", () => {
    // viewer reads everything; approver also decides approvals and answers questions; admin also manages
    // people, tokens and webhooks, and makes every other write (an agent's writes, lowering gates).
    const adminAreas = ["/api/v1/people", "/api/v1/tokens", "/api/v1/webhooks"];
    const expected = (contract: Contract): PersonRole => {
      if (contract.operationId === "getMe") return "viewer";
      if (adminAreas.some((area) => contract.path.startsWith(area))) return "admin";
      if (contract.operationId === "decideApproval" || contract.operationId === "answerQuestion") return "approver";
      return contract.method === "GET" ? "viewer" : "admin";
    };
    const wrong = authenticated.filter((contract) => contract.role !== expected(contract)).map((c) => `${c.operationId}: ${c.role}, expected ${expected(c)}`);
    expect(wrong).toEqual([]);
  });

  it.each(authenticated.map((contract) => [`${contract.method} ${contract.path}`, contract] as const))(
    "%s answers 403 exactly to the callers whose role or credential is not enough",
    async (_, contract) => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const caller of callers) {
        const answer = await status(contract, caller);
        const forbidden = caller.forbidden(contract);
        wanted.push(`${caller.label}: ${forbidden ? "403" : "not 403"}`);
        seen.push(`${caller.label}: ${answer.status === 403 ? "403" : "not 403"}${answer.status === 403 && forbidden && !caller.problemType.test(answer.type ?? "") ? ` (type ${answer.type})` : ""}`);
        if (!forbidden) expect(answer.status, `${caller.label}`).not.toBe(401);
      }
      expect(seen).toEqual(wanted);
    },
  );

  it("leaves each role something it may do and something it may not", () => {
    for (const role of PERSON_ROLES) {
      const allowed = authenticated.filter((contract) => roleAtLeast(role, contract.role));
      expect(allowed.length, role).toBeGreaterThan(0);
      if (role !== "admin") expect(allowed.length, role).toBeLessThan(authenticated.length);
    }
  });
});
