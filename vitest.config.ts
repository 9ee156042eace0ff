import "./tests/support/node20-polyfills";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The API suite runs twice: on SQLite, and with BATON_TEST_DATABASE=postgresql on a throwaway PostgreSQL cluster
 * (scripts/test-all.mjs). These files stay out of the PostgreSQL pass, each for the reason given.
 */
const NOT_IN_POSTGRESQL_PASS: Record<string, string> = {
  "tests/api/database-copy.test.ts": "chooses both databases itself (a SQLite source, a PostgreSQL target): identical in either pass",
  "tests/api/instances.test.ts": "starts two instances on a PostgreSQL database of its own: identical in either pass",
  "tests/api/instances-outbox.test.ts": "starts two instances on a PostgreSQL database of its own: identical in either pass",
};
const onPostgres = process.env.BATON_TEST_DATABASE === "postgresql";

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        resolve: { alias: { "@": root } },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", pool: "forks" },
      },
      {
        resolve: { alias: { "@": root } },
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...(onPostgres ? Object.keys(NOT_IN_POSTGRESQL_PASS) : [])],
          environment: "node",
          globalSetup: ["tests/api/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
