// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded PGlite
// database in $GATEWAY_DATA_DIR/pglite (default .data/pglite) when no URL is set.
import { databaseConfigFromEnv, openPglite } from './client.ts';
import { migrate, MigrationError } from './migrate.ts';
import { connectPostgresExecutor, pgliteExecutor } from './sql-executor.ts';

const config = databaseConfigFromEnv();
try {
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
} catch (err) {
  console.error(`db:migrate: ${err instanceof MigrationError ? err.message : (err as Error).stack}`);
  process.exitCode = 1;
}

function report(result: { applied: string[] }, where: string): void {
  if (result.applied.length === 0) console.log(`db:migrate: ${where} is up to date`);
  else console.log(`db:migrate: applied to ${where}: ${result.applied.join(', ')}`);
}
