// For the Prisma CLI (`prisma migrate deploy`/`migrate status` with a real schema engine): DATABASE_URL picks
// the provider's schema and migrations folder, the same choice Baton makes at start (lib/server/config.ts).
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/baton.db";
const postgresql = /^postgres(ql)?:\/\//i.test(url);

export default defineConfig(
  postgresql
    ? { schema: "generated/postgresql/schema.prisma", migrations: { path: "prisma/postgresql/migrations" }, datasource: { url } }
    : { schema: "prisma/schema.prisma", migrations: { path: "prisma/migrations" }, datasource: { url } },
);
