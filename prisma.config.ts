// Prisma CLI configuration (Prisma 7 reads the connection URL from here, not from the
// schema). Only `prisma generate` runs on our machines (scripts/prisma-generate.sh); the
// migrations folder is kept in Prisma's format so `prisma migrate deploy` on a machine with
// the schema engine sees the same history our own runner (src/db/migrate.ts) applies.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Generate needs no database; migrate/db commands need DATABASE_URL.
  ...(process.env['DATABASE_URL'] ? { datasource: { url: process.env['DATABASE_URL'] } } : {}),
});
