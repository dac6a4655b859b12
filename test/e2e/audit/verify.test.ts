// Tamper evidence, on PostgreSQL and on PGlite: `auditVerify` and `npm run audit:verify`
// pass a valid chain with counts; a record changed or removed with plain SQL is named by
// ID and seq; a time range checks only that range; retention pruning leaves an anchor that
// keeps the rest verifiable, and tampering after pruning is still caught.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashRecord } from '../../../src/audit/hash-chain.ts';
import { pruneAuditLog, PruneRefusedError } from '../../../src/audit/prune.ts';
import type { AuditRecordData } from '../../../src/audit/record.ts';
import { append, fields, forEachBackend, minute, type AuditBackend } from '../../support/audit-backends.ts';
import { expectData } from '../../support/gateway.ts';

const VERIFY = `query($since: DateTime, $until: DateTime) {
  auditVerify(since: $since, until: $until) { ok checkedRecords firstSeq lastSeq failedRecordId failedSeq reason message }
}`;

async function verify(b: AuditBackend, range: { since?: Date; until?: Date } = {}) {
  const data: any = expectData(await b.gw().gql(VERIFY, { since: range.since?.toISOString(), until: range.until?.toISOString() }));
  return data.auditVerify as Record<string, any>;
}

const passed = (checked: number, first: number, last: number) => ({ ok: true, checkedRecords: checked, firstSeq: String(first), lastSeq: String(last), failedRecordId: null, failedSeq: null, reason: null });
const failedAt = (rec: AuditRecordData, reason: string) => ({ ok: false, failedRecordId: rec.id, failedSeq: rec.seq.toString(), reason });
const pick = (v: Record<string, any>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, v[k]]));

forEachBackend('audit verify', (b) => {
  let chain: AuditRecordData[] = [];
  const bySeq = (seq: number) => chain[seq - 1]!;

  test('a valid chain verifies whole, with counts (GraphQL and npm run audit:verify)', async () => {
    chain = await append(b.db(), Array.from({ length: 12 }, (_, k) => fields(k + 1, { target: `svc-${k + 1}` })));
    const v = await verify(b);
    assert.deepEqual(pick(v, Object.keys(passed(0, 0, 0))), passed(12, 1, 12));
    assert.match(v.message, /12 records verified, seq 1 to 12/);

    const cli = await b.npm('audit:verify');
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /OK: 12 records verified, seq 1 to 12/);
  });

  test('a time range verifies only the records recorded in it', async () => {
    // Records 4..8 (recorded at minutes 4..8); 9 is at `until`, outside.
    assert.deepEqual(pick(await verify(b, { since: minute(4), until: minute(9) }), Object.keys(passed(0, 0, 0))), passed(5, 4, 8));
    assert.deepEqual(pick(await verify(b, { since: minute(10) }), Object.keys(passed(0, 0, 0))), passed(3, 10, 12));
    assert.deepEqual(pick(await verify(b, { until: minute(3) }), Object.keys(passed(0, 0, 0))), passed(2, 1, 2));
    const none = await verify(b, { since: minute(100) });
    assert.equal(none.ok, true);
    assert.equal(none.checkedRecords, 0);
    const cli = await b.npm('audit:verify', ['--since', minute(4).toISOString(), '--until', minute(9).toISOString()]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /5 records verified, seq 4 to 8/);
  });

  test('a record changed with plain SQL is named by ID and seq; ranges without it still pass', async () => {
    await b.sql(`UPDATE audit_records SET target = 'svc-evil' WHERE seq = 5`);
    const v = await verify(b);
    assert.deepEqual(pick(v, ['ok', 'failedRecordId', 'failedSeq', 'reason']), failedAt(bySeq(5), 'HASH_MISMATCH'));
    assert.equal(v.checkedRecords, 4, 'records 1-4 passed before it');
    assert.ok(v.message.includes(bySeq(5).id));

    const cli = await b.npm('audit:verify');
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, new RegExp(`FAILED at record ${bySeq(5).id} \\(seq 5\\): hash_mismatch`));

    assert.equal((await verify(b, { since: minute(6) })).ok, true, 'a range after the change does not include it');
    assert.deepEqual(pick(await verify(b, { since: minute(3), until: minute(7) }), ['ok', 'failedSeq', 'reason']), { ok: false, failedSeq: '5', reason: 'HASH_MISMATCH' });
    const cliRange = await b.npm('audit:verify', ['--since', minute(3).toISOString()]);
    assert.equal(cliRange.code, 1);
    assert.match(cliRange.stderr, new RegExp(bySeq(5).id));

    // Putting the value back restores the chain: the hash covers content, nothing else.
    await b.sql(`UPDATE audit_records SET target = 'svc-5' WHERE seq = 5`);
    assert.equal((await verify(b)).ok, true);
  });

  test('a deleted middle record fails at the next one; a forged replacement fails its link', async () => {
    const [saved] = await b.sql<Record<string, unknown>>('SELECT * FROM audit_records WHERE seq = 7');
    await b.sql('DELETE FROM audit_records WHERE seq = 7');
    assert.deepEqual(pick(await verify(b), ['ok', 'failedRecordId', 'failedSeq', 'reason']), failedAt(bySeq(8), 'SEQ_GAP'));
    assert.deepEqual(pick(await verify(b, { since: minute(6), until: minute(10) }), ['ok', 'failedRecordId', 'reason']), { ok: false, failedRecordId: bySeq(8).id, reason: 'SEQ_GAP' });

    // A forger who refills the hole with a self-consistent record (its own hash right, linked
    // to record 6) still cannot make record 8 link to it.
    const forged = { ...bySeq(7), target: 'svc-forged' };
    forged.hash = hashRecord(forged, forged.prevHash);
    await insertRow(b, forged);
    assert.deepEqual(pick(await verify(b), ['ok', 'failedRecordId', 'failedSeq', 'reason']), failedAt(bySeq(8), 'PREV_HASH_MISMATCH'));
    const cli = await b.npm('audit:verify');
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, new RegExp(`FAILED at record ${bySeq(8).id} \\(seq 8\\): prev_hash_mismatch`));

    await b.sql('DELETE FROM audit_records WHERE seq = 7');
    const cols = Object.keys(saved!);
    await b.sql(`INSERT INTO audit_records (${cols.join(',')}) VALUES (${cols.map((_, k) => `$${k + 1}`).join(',')})`, cols.map((c) => jsonParam(saved![c])));
    assert.equal((await verify(b)).ok, true, 'the original row put back verifies');
  });

  test('pruning refuses to destroy a broken chain', async () => {
    await b.sql(`UPDATE audit_records SET principal = 'mallory' WHERE seq = 2`);
    await assert.rejects(pruneAuditLog(b.db().prisma, { before: minute(6) }), (err: unknown) => err instanceof PruneRefusedError && /record 2 /.test(err.message));
    const [{ n }] = (await b.sql<{ n: string }>('SELECT count(*)::text AS n FROM audit_records')) as [{ n: string }];
    assert.equal(n, '12', 'nothing was deleted');
    await b.sql(`UPDATE audit_records SET principal = 'anonymous' WHERE seq = 2`);
  });

  test('after pruning the oldest records the chain verifies from an anchor that auditRecords shows', async () => {
    const cli = await b.npm('audit:prune', ['--before', minute(6).toISOString()]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, /pruned 5 records \(seq 1 to 5\)/);
    assert.match(cli.stdout, /the chain verifies/);

    const rows = await b.sql<{ seq: string; kind: string }>('SELECT seq::text AS seq, kind FROM audit_records ORDER BY audit_records.seq');
    assert.deepEqual(rows.map((r) => `${r.seq}:${r.kind}`), ['5:anchor', ...[6, 7, 8, 9, 10, 11, 12].map((s) => `${s}:intent`)]);
    const v = await verify(b);
    assert.deepEqual(pick(v, Object.keys(passed(0, 0, 0))), passed(8, 5, 12));
    assert.match(v.message, /records 1 to 5 were pruned/);

    const data: any = expectData(await b.gw().gql('{ auditRecords(filter: { kind: ANCHOR }) { nodes { seq kind operation principal input prevHash } } }'));
    assert.equal(data.auditRecords.nodes.length, 1);
    const anchor = data.auditRecords.nodes[0];
    assert.deepEqual(
      { ...anchor, input: JSON.parse(anchor.input) },
      { seq: '5', kind: 'ANCHOR', operation: 'auditPrune', principal: 'system:audit-prune-cli', prevHash: '0'.repeat(64), input: { firstPrunedSeq: '1', lastPrunedSeq: '5', lastPrunedHash: bySeq(5).hash } },
    );

    // Records appended after the prune link on as before.
    chain.push(...(await append(b.db(), [fields(13, { target: 'svc-13' }), fields(14, { target: 'svc-14' })])));
    assert.deepEqual(pick(await verify(b), Object.keys(passed(0, 0, 0))), passed(10, 5, 14));
    assert.equal((await verify(b, { since: minute(7), until: minute(9) })).ok, true, 'a range after the anchor');
  });

  test('tampering after pruning is still detected, in the records and in the anchor', async () => {
    await b.sql(`UPDATE audit_records SET operation = 'nothingHappened' WHERE seq = 9`);
    assert.deepEqual(pick(await verify(b), ['ok', 'failedRecordId', 'failedSeq', 'reason']), failedAt(bySeq(9), 'HASH_MISMATCH'));
    const cli = await b.npm('audit:verify');
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, new RegExp(`${bySeq(9).id} \\(seq 9\\)`));
    await b.sql(`UPDATE audit_records SET operation = 'networkCreate' WHERE seq = 9`);
    assert.equal((await verify(b)).ok, true);

    // Deleting the first kept record: the anchor now points at nothing that follows it.
    const [saved] = await b.sql<Record<string, unknown>>('SELECT * FROM audit_records WHERE seq = 6');
    await b.sql('DELETE FROM audit_records WHERE seq = 6');
    assert.deepEqual(pick(await verify(b), ['ok', 'failedSeq', 'reason']), { ok: false, failedSeq: '7', reason: 'SEQ_GAP' });
    const cols = Object.keys(saved!);
    await b.sql(`INSERT INTO audit_records (${cols.join(',')}) VALUES (${cols.map((_, k) => `$${k + 1}`).join(',')})`, cols.map((c) => jsonParam(saved![c])));

    // Rewriting the anchor to hide the prune is a change to the anchor's own hash.
    const anchorId = (await b.sql<{ id: string }>('SELECT id::text AS id FROM audit_records WHERE seq = 5'))[0]!.id;
    await b.sql(`UPDATE audit_records SET input = jsonb_set(input, '{firstPrunedSeq}', '"3"') WHERE seq = 5`);
    assert.deepEqual(pick(await verify(b), ['ok', 'failedRecordId', 'failedSeq', 'reason']), { ok: false, failedRecordId: anchorId, failedSeq: '5', reason: 'HASH_MISMATCH' });
  });

  test('pruning up to a future cut-off keeps the newest record; the chain still verifies', async () => {
    await b.sql(`UPDATE audit_records SET input = jsonb_set(input, '{firstPrunedSeq}', '"1"') WHERE seq = 5`);
    assert.equal((await verify(b)).ok, true, 'the anchor put back verifies');
    const result = await pruneAuditLog(b.db().prisma, { before: new Date('2100-01-01T00:00:00Z') });
    assert.deepEqual(pick(result, ['pruned', 'firstPrunedSeq', 'lastPrunedSeq']), { pruned: 9, firstPrunedSeq: 1n, lastPrunedSeq: 13n });
    const rows = await b.sql<{ seq: string; kind: string }>('SELECT seq::text AS seq, kind FROM audit_records ORDER BY audit_records.seq');
    assert.deepEqual(rows.map((r) => `${r.seq}:${r.kind}`), ['13:anchor', '14:intent']);
    assert.deepEqual(pick(await verify(b), Object.keys(passed(0, 0, 0))), passed(2, 13, 14));
    const again = await pruneAuditLog(b.db().prisma, { before: new Date('2100-01-01T00:00:00Z') });
    assert.equal(again.pruned, 0, 'an anchor and the newest record: nothing more can go');
  });
});

/** PGlite and pg give jsonb back as objects; pass them back as JSON text. */
function jsonParam(v: unknown): unknown {
  return v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v;
}

async function insertRow(b: AuditBackend, r: AuditRecordData): Promise<void> {
  await b.sql(
    `INSERT INTO audit_records (seq, id, kind, recorded_at, request_id, principal, client_address, user_agent, cluster, operation, target, input,
       intent_id, outcome, error_code, object_ids, duration_ms, decision, prev_hash, hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)`,
    [r.seq.toString(), r.id, r.kind, r.recordedAt, r.requestId, r.principal, r.clientAddress, r.userAgent, r.cluster, r.operation, r.target,
      r.input === null ? null : JSON.stringify(r.input), r.intentId, r.outcome, r.errorCode, r.objectIds, r.durationMs,
      r.decision === null ? null : JSON.stringify(r.decision), r.prevHash, r.hash],
  );
}
