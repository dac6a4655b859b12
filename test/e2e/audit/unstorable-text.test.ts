// Text PostgreSQL cannot hold (U+0000, lone UTF-16 surrogates) in what a request sends
// must never make the audit write fail: on a real PostgreSQL and on embedded PGlite, the
// writer stores such a character escaped as the six characters `\uXXXX` (record.ts,
// storableText) in every text column and inside the JSON input, and the chain verifies
// against what was stored. Through the HTTP API (no engine: the cluster points at
// nothing), a mutation whose target holds a NUL is audited (intent and outcome, whatever
// the answer), never refused AUDIT_UNAVAILABLE, and the chain verifies.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import type { AuditIntent } from '../../../src/audit/audit-writer.ts';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { recordFromRow } from '../../../src/audit/audit-query.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import { forEachBackend, noEngineConfig } from '../../support/audit-backends.ts';
import { startGateway } from '../../support/gateway.ts';

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udfff';

const intentOf = (target: string, input: unknown): AuditIntent => ({
  requestId: `req${NUL}1`,
  principal: { id: `anonymous`, clientAddress: '127.0.0.9' },
  cluster: 'nowhere',
  operation: 'networkRemove',
  target,
  input,
  userAgent: `agent${LONE_LOW}`,
});

forEachBackend('unstorable text in audit records', (b) => {
  test('NUL and lone surrogates in target, input keys and values and headers are stored escaped; the chain verifies', async () => {
    const writer = new DbAuditWriter({ database: b.db(), logger: pino({ level: 'silent' }), spoolPath: path.join('/nonexistent', 'spool'), writeTimeoutMs: 5_000 });
    const id = await writer.intent(intentOf(`net${NUL}x${LONE_HIGH}`, { ids: [`net${NUL}x`], [`k${NUL}`]: `v${LONE_HIGH}y` }));
    await writer.outcome(id, { status: 'failed', errorCode: 'ENGINE_UNAVAILABLE', objectIds: [`o${NUL}`], durationMs: 3 });
    await writer.refusal(intentOf(`t${NUL}`, { a: NUL }), { kind: 'denied', errorCode: 'FORBIDDEN' });

    const rows = await b.sql<{ kind: string; target: string; request_id: string; user_agent: string; input: unknown; object_ids: string[] }>(
      'SELECT kind, target, request_id, user_agent, input, object_ids FROM audit_records ORDER BY seq',
    );
    const intent = rows.find((r) => r.kind === 'intent' && r.target.startsWith('net'))!;
    assert.ok(intent, 'the intent was recorded');
    assert.equal(intent.target, 'net\\u0000x\\ud800');
    assert.equal(intent.request_id, 'req\\u00001');
    assert.equal(intent.user_agent, 'agent\\udfff');
    assert.deepEqual(intent.input, { ids: ['net\\u0000x'], 'k\\u0000': 'v\\ud800y' });
    const outcome = rows.find((r) => r.kind === 'outcome')!;
    assert.deepEqual(outcome.object_ids, ['o\\u0000']);
    assert.ok(rows.some((r) => r.kind === 'denied' && r.target === 't\\u0000'), 'the refusal was recorded');

    const records = await b.db().prisma.auditRecord.findMany({ orderBy: { seq: 'asc' } });
    const v = await verifyChain(records.map(recordFromRow));
    assert.equal(v.ok, true, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
  });

  test('a mutation whose target holds a NUL is audited (intent and outcome), never AUDIT_UNAVAILABLE', async () => {
    const writer = new DbAuditWriter({ database: b.db(), logger: pino({ level: 'silent' }), spoolPath: path.join('/nonexistent', 'spool'), writeTimeoutMs: 5_000 });
    const gw = await startGateway(noEngineConfig(), { database: b.db(), audit: writer });
    let res;
    try {
      res = await gw.gql('mutation($i: NetworkRemoveInput!) { networkRemove(input: $i) { removed { id } userErrors { code } } }', { i: { ids: [`bad${NUL}net`] } });
    } finally {
      await gw.stop();
    }
    assert.notEqual(res.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE', JSON.stringify(res));
    const rows = await b.sql<{ kind: string; target: string | null; id: string; intent_id: string | null }>(
      "SELECT kind, target, id::text, intent_id::text FROM audit_records WHERE operation = 'networkRemove' AND target LIKE 'bad%' ORDER BY seq",
    );
    assert.deepEqual(rows.map((r) => [r.kind, r.target]), [['intent', 'bad\\u0000net'], ['outcome', 'bad\\u0000net']], JSON.stringify(res));
    assert.equal(rows[1]!.intent_id, rows[0]!.id);
    const v = await verifyChain((await b.db().prisma.auditRecord.findMany({ orderBy: { seq: 'asc' } })).map(recordFromRow));
    assert.equal(v.ok, true, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
  });
});
