/** The PostgreSQL twin of prisma/schema.prisma's text (see postgresql-schema.mjs). */
export function postgresqlSchema(sqliteSchema: string): string;
