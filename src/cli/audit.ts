// `npm run audit:verify [-- --since T] [--until T]`: checks the audit log's hash chain,
// whole or for a time range, prints the result and exits 1 when a record fails (2 when the
// command itself cannot run). It also lists intents without an outcome and outcomes
// without an intent among the records checked (reported, not failed).
// `npm run audit:prune -- --before T | --older-than DAYS`: retention; deletes the records
// recorded before the cut-off (keeping the newest), anchors the rest, verifies the result.
// The database is the gateway's (GATEWAY_CONFIG's `database`, DATABASE_URL, else the
// embedded PGlite in $GATEWAY_DATA_DIR/pglite, which only one process can open: with an
// embedded database, stop the gateway first or use the `auditVerify` query).
import { parseArgs } from 'node:util';
import { pruneAuditLog, PruneRefusedError } from '../audit/prune.ts';
import { describePairing, describeVerification, verifyAuditLog } from '../audit/verify-db.ts';
import { loadDatabaseSettings } from '../config/config.ts';
import { createDatabase, databaseConfigOf, type Database } from '../db/client.ts';
import { runCommand, UsageError, wholeDays } from './run-command.ts';

const USAGE = `usage: npm run audit:verify [-- --since <RFC 3339>] [--until <RFC 3339>]
       npm run audit:prune -- (--before <RFC 3339> | --older-than <days>)`;

function instant(name: string, text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--${name} must be an instant such as 2026-01-31T12:00:00Z, got "${text}"`);
  return date;
}

async function verify(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { since: { type: 'string' }, until: { type: 'string' } }, strict: true });
  const result = await verifyAuditLog(db.prisma, { since: instant('since', values.since), until: instant('until', values.until) });
  for (const line of describePairing(result.pairing)) console.log(`audit:verify: ${line}`);
  if (result.ok) {
    console.log(`audit:verify: OK: ${describeVerification(result)}`);
    return 0;
  }
  console.error(`audit:verify: FAILED at record ${result.failedId} (seq ${result.failedSeq}): ${result.reason}`);
  console.error(`  ${result.message}`);
  console.error(`  ${result.count} records before it verified`);
  return 1;
}

async function prune(db: Database, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { before: { type: 'string' }, 'older-than': { type: 'string' } }, strict: true });
  let before = instant('before', values.before);
  const days = values['older-than'];
  if ((before === undefined) === (days === undefined)) throw new UsageError('give exactly one of --before and --older-than');
  if (days !== undefined) before = new Date(Date.now() - wholeDays('--older-than', days) * 86_400_000);
  let result;
  try {
    result = await pruneAuditLog(db.prisma, { before: before!, principal: 'system:audit-prune-cli' });
  } catch (err) {
    if (!(err instanceof PruneRefusedError)) throw err;
    console.error(`audit:prune: ${err.message}`);
    return 1;
  }
  if ('reason' in result) console.log(`audit:prune: nothing pruned: ${result.reason}`);
  else console.log(`audit:prune: pruned ${result.pruned} records (seq ${result.firstPrunedSeq} to ${result.lastPrunedSeq}); anchor ${result.anchorId}`);
  const check = await verifyAuditLog(db.prisma);
  console.log(`audit:prune: the chain ${check.ok ? 'verifies' : 'FAILS'}: ${describeVerification(check)}`);
  return check.ok ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const run = command === 'verify' ? verify : command === 'prune' ? prune : undefined;
  if (!run) throw new UsageError(`unknown command "${command ?? ''}"`);
  const db = await createDatabase(databaseConfigOf(loadDatabaseSettings(process.env)));
  try {
    return await run(db, args);
  } finally {
    await db.close();
  }
}

// Any failure of the command itself is 2, apart from 1 for a chain that does not verify.
await runCommand({ name: 'audit', usage: USAGE, failureStatus: 2 }, () => main(process.argv.slice(2)));
