// zod validation that throws a 422 AppError listing every failing path.
import type { z } from "zod";
import { AppError, type FieldError } from "@/lib/server/errors";

export function validate<S extends z.ZodType>(schema: S, input: unknown, where: "body" | "query" | "path" = "body"): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
  const summary = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
  throw new AppError("validation-failed", `The ${where} is invalid: ${summary}`.slice(0, 2000), { errors });
}
