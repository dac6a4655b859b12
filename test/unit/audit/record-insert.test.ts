// The chain append's one-statement insert (record-insert.ts), on embedded PGlite: what an
// append returns is what a reader gets back from the database, field for field, for a
// record with every column filled (nested JSON, a `__proto__` key, text PostgreSQL cannot
// hold, emoji, an empty array member) and for one with every optional column empty; the
// chain they make verifies.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { appendRecords } from '../../../src/audit/chain-append.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import { blankRecordFields, normalizeJson, type RecordFields } from '../../../src/audit/record.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

describe('audit record insert (PGlite)', () => {
  let db: AuditDb;
  before(async () => {
    db = await openAuditDb('pglite', 'record-insert');
  });
  after(async () => {
    await db?.close();
  });

  test('every field reads back as appended, full or empty, and the chain verifies', async () => {
    const intentId = randomUUID();
    const full: RecordFields = {
      ...blankRecordFields({ id: randomUUID(), kind: 'outcome', recordedAt: new Date('2026-12-02T18:00:00.123Z'), principal: 'oidc:ä-👩‍🚀', operation: 'serviceUpdate' }),
      requestId: 'req-1',
      clientAddress: '2001:db8::1',
      userAgent: 'curl/8 "quoted" \\ back',
      cluster: 'prod',
      target: 'svc\u0000nul and \ud800 lone',
      input: normalizeJson(JSON.parse('{"__proto__":{"x":1},"labels":{"add":[{"key":"a","value":"b\\u0000c"}]},"n":0.1,"big":12345678901234,"t":true,"nil":null,"list":[[],{}]}')),
      intentId,
      outcome: 'failed',
      errorCode: 'ENGINE_UNAVAILABLE',
      objectIds: ['abc', '', '🚀'],
      durationMs: 0,
      decision: { allowed: true, grant: { role: 'admin', clusters: null } },
    };
    const empty: RecordFields = blankRecordFields({ id: randomUUID(), kind: 'intent', recordedAt: new Date('2026-12-02T18:00:01.000Z'), principal: 'anonymous', operation: 'networkCreate' });
    const written = await appendRecords(db.database.prisma, [{ fields: full }, { fields: empty }], { timeoutMs: 30_000 });
    const read = await db.records();
    assert.deepEqual(read, written);
    assert.equal(read[0]!.target, 'svc\\u0000nul and \\ud800 lone', 'unstorable text stored escaped');
    assert.deepEqual(read[0]!.objectIds, ['abc', '', '🚀']);
    assert.ok(Object.hasOwn(read[0]!.input as object, '__proto__'), 'a `__proto__` key stays a key');
    assert.equal(read[1]!.input, null);
    assert.deepEqual(read[1]!.objectIds, []);
    assert.equal((await verifyChain(read)).ok, true);
  });
});
