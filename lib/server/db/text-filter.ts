// Substring filters that ignore letter case on both databases, as people expect of a search box. SQLite's LIKE
// already ignores it (ASCII letters); PostgreSQL needs ILIKE, which is Prisma's `mode: "insensitive"`, an option
// only the PostgreSQL client has (hence the cast: the code is typed with the SQLite client).
import { provider } from "@/lib/server/db/client";

export function containsIgnoringCase(term: string): { contains: string } {
  return provider() === "postgresql" ? ({ contains: term, mode: "insensitive" } as { contains: string }) : { contains: term };
}
