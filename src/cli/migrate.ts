// `npm run db:migrate`: applies prisma/migrations to the gateway's database: DATABASE_URL (or
// GATEWAY_CONFIG's `database.url`), or the embedded PGlite database in
// $GATEWAY_DATA_DIR/pglite (default .data/pglite) when no URL is set.
import { loadDatabaseSettings } from '../config/config.ts';
import { databaseConfigOf, openPglite } from '../db/client.ts';
import { migrate, MigrationError } from '../db/migrate.ts';
import { connectPostgresExecutor, pgliteExecutor } from '../db/sql-executor.ts';
import { runCommand } from './run-command.ts';

async function main(): Promise<number> {
  const config = databaseConfigOf(loadDatabaseSettings(process.env));
  if (config.url) {
    const sql = await connectPostgresExecutor(config.url);
    try {
      report(await migrate(sql), 'PostgreSQL (DATABASE_URL)');
    } finally {
      await sql.close();
    }
  } else {
    const db = await openPglite(config.dataDir);
    try {
      report(await migrate(pgliteExecutor(db)), `PGlite in ${config.dataDir}`);
    } finally {
      await db.close();
    }
  }
  return 0;
}

function report(result: { applied: string[] }, where: string): void {
  if (result.applied.length === 0) console.log(`db:migrate: ${where} is up to date`);
  else console.log(`db:migrate: applied to ${where}: ${result.applied.join(', ')}`);
}

await runCommand({ name: 'db:migrate', failureStatus: 1, isExpectedFailure: (err) => err instanceof MigrationError }, main);
