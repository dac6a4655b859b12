// The token commands' changes in the audit log, as the gateway records its mutations: an
// intent before the change (none recorded: no change) and its outcome after, by the
// principal `cli` (whoever can run the command can reach the database directly). It lives
// with the commands, so the token library (src/auth) needs nothing of the audit log.
import { randomUUID } from 'node:crypto';
import { appendRecord } from '../audit/chain-append.ts';
import { blankRecordFields, type JsonValue } from '../audit/record.ts';
import type { Database } from '../db/client.ts';

export const CLI_PRINCIPAL = 'cli';

export async function auditedChange<T>(
  database: Database,
  spec: { operation: string; target: string; input: JsonValue },
  change: () => Promise<{ result: T; objectIds: string[] }>,
): Promise<T> {
  const intentId = randomUUID();
  const base = { principal: CLI_PRINCIPAL, operation: spec.operation, target: spec.target, userAgent: 'npm run token:*' };
  await appendRecord(
    database.prisma,
    blankRecordFields({ ...base, id: intentId, kind: 'intent', recordedAt: new Date(), input: spec.input, decision: { allowed: true, via: 'command line' } }),
    { stampTime: true },
  );
  const started = performance.now();
  const outcome = (status: 'succeeded' | 'failed', objectIds: string[], errorCode: string | null) =>
    appendRecord(
      database.prisma,
      blankRecordFields({ ...base, id: randomUUID(), kind: 'outcome', recordedAt: new Date(), intentId, outcome: status, objectIds, errorCode, durationMs: Math.round(performance.now() - started) }),
      { stampTime: true },
    );
  let done: { result: T; objectIds: string[] };
  try {
    done = await change();
  } catch (err) {
    await outcome('failed', [], 'INTERNAL').catch(() => undefined);
    throw err;
  }
  await outcome('succeeded', done.objectIds, null);
  return done.result;
}
