// The PostgreSQL twin of prisma/schema.prisma: the same models, only the datasource provider and the
// generated client's folder differ. Used by scripts/generate-prisma.mjs and checked by the schema drift test.

/** @param {string} sqliteSchema the text of prisma/schema.prisma */
export function postgresqlSchema(sqliteSchema) {
  const swapped = sqliteSchema
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/generated\/prisma"/, '$1"../prisma-postgresql"');
  if (!swapped.includes('provider = "postgresql"') || !swapped.includes('"../prisma-postgresql"')) {
    throw new Error("prisma/schema.prisma: expected a `sqlite` datasource and a client output of ../generated/prisma");
  }
  return `// GENERATED from prisma/schema.prisma by scripts/generate-prisma.mjs: edit that file, not this one.\n${swapped}`;
}
