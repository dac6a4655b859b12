// The audit log's query side without a database: filters as Prisma conditions, cursors,
// the GraphQL filter's translation, and the verification sentences.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditWhere, decodeAuditCursor, encodeAuditCursor } from '../../../src/audit/audit-query.ts';
import { describeVerification } from '../../../src/audit/verify-db.ts';
import { GatewayError } from '../../../src/errors/gateway-error.ts';
import { auditQueryFromFilter } from '../../../src/graphql/audit/audit-filter.ts';

describe('auditWhere', () => {
  test('no filter matches everything', () => {
    assert.deepEqual(auditWhere({}), { AND: [] });
  });

  test('every given filter is one condition; since is inclusive, until exclusive', () => {
    const since = new Date('2026-03-01T00:00:00Z');
    const until = new Date('2026-03-02T00:00:00Z');
    assert.deepEqual(auditWhere({ since, until, principal: 'p', operation: 'o', cluster: 'c', target: 't', kind: 'intent' }), {
      AND: [{ recordedAt: { gte: since } }, { recordedAt: { lt: until } }, { principal: 'p' }, { operation: 'o' }, { cluster: 'c' }, { target: 't' }, { kind: 'intent' }],
    });
  });

  test('an outcome filter selects OUTCOME records only', () => {
    assert.deepEqual(auditWhere({ outcome: 'failed' }), { AND: [{ kind: 'outcome', outcome: 'failed' }] });
  });
});

describe('cursors', () => {
  test('round-trip a seq, including one beyond 2^53', () => {
    for (const seq of [1n, 42n, 9_007_199_254_740_993n]) assert.equal(decodeAuditCursor(encodeAuditCursor(seq)), seq);
  });

  test('anything else is not a cursor', () => {
    for (const bad of ['', 'garbage', Buffer.from('seq:').toString('base64url'), Buffer.from('seq:0').toString('base64url'), Buffer.from('seq:-1').toString('base64url'), Buffer.from('seq:01').toString('base64url'), Buffer.from('seq:1e3').toString('base64url'), Buffer.from('net\u0000id').toString('base64url')]) {
      assert.equal(decodeAuditCursor(bad), null, bad);
    }
  });
});

describe('the GraphQL filter', () => {
  test('enums become stored values; absent fields stay unset', () => {
    const q = auditQueryFromFilter({ kind: 'SENSITIVE_READ', outcome: 'UNKNOWN', since: '2026-03-01T00:00:00.000Z', principal: null });
    assert.equal(q.kind, 'sensitive_read');
    assert.equal(q.outcome, 'unknown');
    assert.equal(q.since?.toISOString(), '2026-03-01T00:00:00.000Z');
    assert.equal(q.principal, undefined);
    assert.deepEqual(auditWhere(auditQueryFromFilter(null)), { AND: [] });
  });

  test('since after until is BAD_REQUEST', () => {
    assert.throws(
      () => auditQueryFromFilter({ since: '2026-03-02T00:00:00.000Z', until: '2026-03-01T00:00:00.000Z' }),
      (err: unknown) => err instanceof GatewayError && err.code === 'BAD_REQUEST',
    );
  });
});

describe('describeVerification', () => {
  test('says what was checked, what was pruned, or what failed', () => {
    assert.equal(describeVerification({ ok: true, count: 0, firstSeq: null, lastSeq: null, lastHash: '0'.repeat(64) }), 'no records to check');
    assert.equal(describeVerification({ ok: true, count: 3, firstSeq: 4n, lastSeq: 6n, lastHash: 'x' }), '3 records verified, seq 4 to 6');
    assert.match(
      describeVerification({ ok: true, count: 2, firstSeq: 5n, lastSeq: 6n, lastHash: 'x', anchor: { firstPrunedSeq: '1', lastPrunedSeq: '5', lastPrunedHash: 'h' } }),
      /records 1 to 5 were pruned/,
    );
    assert.equal(describeVerification({ ok: false, failedSeq: 5n, failedId: 'id-5', reason: 'hash_mismatch', message: 'record 5 (id-5): changed', count: 4 }), 'record 5 (id-5): changed [hash_mismatch]');
  });
});
