// `npm run db:copy -- --from file:./data/baton.db --to postgresql://…`: moves a Baton from SQLite to an empty
// PostgreSQL database (lib/server/db/copy-database.ts). Stop Baton first: rows written during the copy are not copied.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { redactedDatabaseUrl } from "@/lib/server/config";
import { copySqliteToPostgres } from "@/lib/server/db/copy-database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const program = new Command()
  .name("npm run db:copy --")
  .description("Copy every table of a SQLite Baton into an empty PostgreSQL database (migrated first).")
  .requiredOption("--from <url>", "the SQLite database: file:./data/baton.db or a path")
  .requiredOption("--to <url>", "the PostgreSQL database: postgresql://user:password@host:5432/baton")
  .action(async ({ from, to }: { from: string; to: string }) => {
    const result = await copySqliteToPostgres(from, to, root);
    const width = Math.max(...result.tables.map(({ table }) => table.length));
    for (const { table, rows } of result.tables) console.log(`${table.padEnd(width)}  ${rows} rows`);
    console.log(`\nCopied into ${redactedDatabaseUrl(to)}. Start Baton with DATABASE_URL set to it.`);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
