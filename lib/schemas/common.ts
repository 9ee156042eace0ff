// Building blocks shared by every resource schema (browser-safe).
import { z } from "zod";

export const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export const keySchema = z
  .string()
  .regex(KEY_PATTERN, "must be a slug: lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, at most 100 characters");

export const shortText = (max = 300) => z.string().trim().min(1, "must not be empty").max(max);
export const longText = (max = 100_000) => z.string().max(max);
export const stringList = (maxItems = 200, maxLength = 2000) => z.array(z.string().max(maxLength)).max(maxItems);

export const agentName = z.string().trim().min(1).max(100);

/** An agent name a client claims; `person:` names are reserved for people who log in (the audit log's actor). */
export const claimedAgentName = agentName.refine((name) => !/^person:/i.test(name), {
  message: "must not start with \"person:\": that prefix names a logged-in person, and the audit log records who authenticated",
});

export const progressSchema = z
  .object({
    current: z.number().finite().min(0),
    total: z.number().finite().positive().optional(),
    unit: z.string().trim().max(50).optional(),
  })
  .refine((p) => p.total === undefined || p.current <= p.total, { message: "current must not exceed total", path: ["current"] });

export type Progress = z.infer<typeof progressSchema>;

export const pageLimit = (defaultLimit: number, max: number) => z.coerce.number().int().min(1).max(max).default(defaultLimit);

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/**
 * A schema's type as the server produces it from rows: SQLite has no enums, so enum columns are
 * plain strings; the schema documents which values occur.
 */
export type Widened<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer E)[]
        ? readonly Widened<E>[]
        : T extends object
          ? { [K in keyof T]: Widened<T[K]> }
          : T;

/** Timestamps travel as ISO 8601 strings. */
export const isoDateTime = z.string().describe("ISO 8601 date-time");

/** `{items}`: a list response. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
