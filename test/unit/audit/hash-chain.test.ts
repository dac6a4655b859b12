import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { blankRecordFields, canonicalEncoding, canonicalJson, normalizeJson, storableText, type AuditRecordData, type RecordFields } from '../../../src/audit/record.ts';
import { GENESIS_HASH, chainHead, hashRecord, makeAnchor, nextRecord, verifyChain } from '../../../src/audit/hash-chain.ts';

let n = 0;
function fields(over: Partial<RecordFields> = {}): RecordFields {
  n++;
  return blankRecordFields({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'intent',
    recordedAt: new Date(Date.UTC(2025, 0, 1, 12, 0, 0, n)),
    requestId: `req-${n}`,
    principal: 'anonymous',
    clientAddress: '127.0.0.1',
    userAgent: 'test',
    cluster: 'default',
    operation: 'networkCreate',
    target: `net-${n}`,
    input: { name: `net-${n}`, driver: 'overlay', attachable: true, labels: [{ key: 'a', value: 'b' }] },
    ...over,
  });
}

function chain(length: number): AuditRecordData[] {
  const out: AuditRecordData[] = [];
  for (let i = 0; i < length; i++) {
    const prev = out.at(-1);
    out.push(nextRecord(prev ? chainHead(prev) : null, fields()));
  }
  return out;
}

async function* asAsync<T>(items: T[]): AsyncIterable<T> {
  for (const item of items) yield item;
}

describe('canonical encoding', () => {
  test('is the RFC 8785 JSON array the comment specifies', () => {
    const rec = { ...fields({ input: { b: 1, a: [true, null, 'x'] }, durationMs: 12, objectIds: ['o1', 'o2'], outcome: 'succeeded' }), seq: 7n, prevHash: GENESIS_HASH };
    const text = canonicalEncoding(rec).toString('utf8');
    const expected =
      `["sg-audit/1","7","${rec.id}","intent","${rec.recordedAt.toISOString()}","${rec.requestId}","anonymous","127.0.0.1","test","default",` +
      `"networkCreate","${rec.target}",{"a":[true,null,"x"],"b":1},null,"succeeded",null,["o1","o2"],12,null,"${GENESIS_HASH}"]`;
    assert.equal(text, expected);
    assert.equal(hashRecord(rec, GENESIS_HASH), createHash('sha256').update(expected).digest('hex'));
  });

  test('a record with a trace ID is encoded as sg-audit/2: the same elements, then the trace ID', () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const base = { ...fields({ input: null }), seq: 3n, prevHash: GENESIS_HASH };
    const untraced = canonicalEncoding(base).toString('utf8');
    const traced = canonicalEncoding({ ...base, traceId }).toString('utf8');
    assert.ok(untraced.startsWith('["sg-audit/1",'));
    assert.equal(traced, `["sg-audit/2",${untraced.slice('["sg-audit/1",'.length, -1)},"${traceId}"]`);
    // A record without the field at all (a spool entry from before tracing) is an untraced one.
    const { traceId: _absent, ...older } = base;
    assert.equal(canonicalEncoding(older as typeof base).toString('utf8'), untraced);
  });

  test('key order of JSON values does not matter, content does', () => {
    const a = { ...fields({ input: { x: { q: 1, p: 2 }, y: 'z' } }), seq: 1n, prevHash: GENESIS_HASH };
    const b = { ...a, input: { y: 'z', x: { p: 2, q: 1 } } };
    assert.deepEqual(canonicalEncoding(a), canonicalEncoding(b));
    assert.notDeepEqual(canonicalEncoding(a), canonicalEncoding({ ...a, input: { y: 'z', x: { p: 2, q: 1.5 } } }));
  });

  test('null, empty string and the string "null" encode differently', () => {
    const base = { ...fields(), seq: 1n, prevHash: GENESIS_HASH };
    const encodings = [null, '', 'null'].map((target) => canonicalEncoding({ ...base, target }).toString());
    assert.equal(new Set(encodings).size, 3);
    // Strings cannot run into each other: moving text between fields changes the bytes.
    const x = canonicalEncoding({ ...base, requestId: 'ab', principal: 'c' }).toString();
    const y = canonicalEncoding({ ...base, requestId: 'a', principal: 'bc' }).toString();
    assert.notEqual(x, y);
  });

  test('uuid case does not matter (PostgreSQL prints uuids lowercase); a fractional duration is refused', () => {
    const base = { ...fields({ intentId: 'ABCDEF00-0000-4000-8000-000000000001' }), seq: 1n, prevHash: GENESIS_HASH };
    assert.deepEqual(canonicalEncoding(base), canonicalEncoding({ ...base, intentId: base.intentId!.toLowerCase() }));
    assert.throws(() => canonicalEncoding({ ...base, durationMs: 1.5 }), /integer/);
  });

  test('canonicalJson sorts keys by UTF-16 code units and prints numbers as ECMAScript does', () => {
    assert.equal(canonicalJson({ b: 1e21, a: 0.1, é: -0, B: [1, 'two'] }), '{"B":[1,"two"],"a":0.1,"b":1e+21,"é":0}');
  });

  test('normalizeJson gives what jsonb stores and returns', () => {
    assert.equal(normalizeJson(undefined), null);
    assert.equal(normalizeJson(null), null);
    assert.deepEqual(normalizeJson({ a: undefined, b: NaN, c: new Date(0), d: 'x\u0000y' }), { b: null, c: '1970-01-01T00:00:00.000Z', d: 'x\\u0000y' });
    const tricky = normalizeJson(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(tricky), ['__proto__']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('storableText escapes NUL and lone surrogates as \\uXXXX and keeps everything else, pairs included', () => {
    assert.equal(storableText('plain é 😀'), 'plain é 😀');
    assert.equal(storableText('a\u0000b'), 'a\\u0000b');
    assert.equal(storableText('x\ud800y\udfffz'), 'x\\ud800y\\udfffz');
    assert.equal(storableText('\udfff\ud800'), '\\udfff\\ud800', 'a low before a high surrogate is no pair');
    assert.equal(storableText(storableText('a\u0000')), 'a\\u0000', 'escaping twice changes nothing more');
  });
});

describe('hash chain', () => {
  test('nextRecord numbers from 1 and links each record to the previous hash', () => {
    const records = chain(3);
    assert.deepEqual(records.map((r) => r.seq), [1n, 2n, 3n]);
    assert.equal(records[0]!.prevHash, GENESIS_HASH);
    assert.equal(records[1]!.prevHash, records[0]!.hash);
    assert.equal(records[2]!.prevHash, records[1]!.hash);
    assert.match(records[2]!.hash, /^[0-9a-f]{64}$/);
  });

  test('an intact chain verifies, from an iterable or an async iterable', async () => {
    const records = chain(5);
    assert.deepEqual(await verifyChain(records), { ok: true, count: 5, firstSeq: 1n, lastSeq: 5n, lastHash: records[4]!.hash });
    assert.equal((await verifyChain(asAsync(records))).ok, true);
    assert.deepEqual(await verifyChain([]), { ok: true, count: 0, firstSeq: null, lastSeq: null, lastHash: GENESIS_HASH });
  });

  test('a changed field is a hash mismatch at that record', async () => {
    const records = chain(5);
    records[2] = { ...records[2]!, target: 'other' };
    const result = await verifyChain(records);
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'hash_mismatch');
    assert.equal(result.failedSeq, 3n);
    assert.equal(result.failedId, records[2]!.id);
    assert.equal(result.count, 2);
  });

  test('traced and untraced records chain together; a trace ID added, changed or removed is a hash mismatch', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const records: AuditRecordData[] = [];
    for (const t of [null, traceId, null, traceId]) records.push(nextRecord(records.length ? chainHead(records.at(-1)!) : null, fields({ traceId: t })));
    assert.equal((await verifyChain(records)).ok, true);
    for (const [at, changed] of [[0, traceId], [1, null], [1, '00f067aa0ba902b700f067aa0ba902b7']] as const) {
      const tampered = records.map((r, i) => (i === at ? { ...r, traceId: changed } : r));
      const result = await verifyChain(tampered);
      assert.ok(!result.ok, `record ${at} with traceId ${changed}`);
      assert.equal(result.reason, 'hash_mismatch');
      assert.equal(result.failedSeq, BigInt(at + 1));
    }
  });

  test('a changed record with a recomputed hash breaks the next link', async () => {
    const records = chain(5);
    const forged = { ...records[2]!, outcome: 'succeeded' };
    records[2] = { ...forged, hash: hashRecord(forged, forged.prevHash) };
    const result = await verifyChain(records);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'prev_hash_mismatch');
    assert.equal(result.failedSeq, 4n);
  });

  test('a removed record is a seq gap; removed and renumbered is a prevHash mismatch', async () => {
    const records = chain(5);
    const gap = await verifyChain([...records.slice(0, 2), ...records.slice(3)]);
    assert.ok(!gap.ok);
    assert.equal(gap.reason, 'seq_gap');
    assert.equal(gap.failedSeq, 4n);

    // Renumber seq 4, 5 to 3, 4 and rehash each so that each record is self-consistent.
    const renumbered = records.slice(3).map((r) => {
      const moved = { ...r, seq: r.seq - 1n };
      return { ...moved, hash: hashRecord(moved, moved.prevHash) };
    });
    const relinked = await verifyChain([...records.slice(0, 2), ...renumbered]);
    assert.ok(!relinked.ok);
    assert.equal(relinked.reason, 'prev_hash_mismatch');
    assert.equal(relinked.failedSeq, 3n);
  });

  test('swapped records fail', async () => {
    const records = chain(4);
    const result = await verifyChain([records[0]!, records[2]!, records[1]!, records[3]!]);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'seq_gap');
    assert.equal(result.failedSeq, 3n);
  });

  test('a chain missing its head fails unless the caller names what it links to', async () => {
    const records = chain(5);
    const tail = records.slice(2);
    const result = await verifyChain(tail);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'seq_gap');
    assert.equal(result.failedSeq, 3n);
    assert.equal((await verifyChain(tail, { expectFirstPrevHash: records[1]!.hash })).ok, true);
    const wrong = await verifyChain(tail, { expectFirstPrevHash: records[0]!.hash });
    assert.ok(!wrong.ok);
    assert.equal(wrong.reason, 'prev_hash_mismatch');
  });

  test('a record that cannot be encoded is reported, not thrown', async () => {
    const records = chain(2);
    records[1] = { ...records[1]!, durationMs: 0.5 };
    const result = await verifyChain(records);
    assert.ok(!result.ok);
    assert.equal(result.reason, 'malformed');
  });
});

describe('anchors (retention pruning)', () => {
  function pruned(records: AuditRecordData[], through: number): AuditRecordData[] {
    const last = records[through - 1]!;
    const anchor = makeAnchor({ firstSeq: 1n, last: { seq: last.seq, hash: last.hash } }, fields({ kind: 'anchor', operation: 'auditPrune', target: null }));
    return [anchor, ...records.slice(through)];
  }

  test('a chain starting with an anchor verifies: the next record links to the last pruned hash', async () => {
    const records = chain(6);
    const kept = pruned(records, 3);
    assert.equal(kept[0]!.seq, 3n);
    assert.equal(kept[0]!.prevHash, GENESIS_HASH);
    const result = await verifyChain(kept);
    assert.ok(result.ok);
    assert.equal(result.count, 4);
    assert.equal(result.firstSeq, 3n);
    assert.equal(result.lastSeq, 6n);
    assert.deepEqual(result.anchor, { firstPrunedSeq: '1', lastPrunedSeq: '3', lastPrunedHash: records[2]!.hash });
    // A checkpoint taken before pruning (the hash of record 3) still matches.
    assert.equal((await verifyChain(kept, { expectFirstPrevHash: records[2]!.hash })).ok, true);
    const other = await verifyChain(kept, { expectFirstPrevHash: records[1]!.hash });
    assert.ok(!other.ok);
    assert.equal(other.reason, 'prev_hash_mismatch');
  });

  test('appending after an anchor that is the last record links to the pruned hash', async () => {
    const records = chain(3);
    const [anchor] = pruned(records, 3);
    const next = nextRecord(chainHead(anchor!), fields());
    assert.equal(next.seq, 4n);
    assert.equal(next.prevHash, records[2]!.hash);
    assert.equal((await verifyChain([anchor!, next])).ok, true);
  });

  test('a changed anchor, a record removed after it, or an anchor mid-chain fail', async () => {
    const records = chain(6);
    const kept = pruned(records, 3);
    const changed = [{ ...kept[0]!, input: { ...(kept[0]!.input as object), lastPrunedHash: records[1]!.hash } }, ...kept.slice(1)];
    const r1 = await verifyChain(changed);
    assert.ok(!r1.ok);
    assert.equal(r1.reason, 'hash_mismatch');

    const r2 = await verifyChain([kept[0]!, ...kept.slice(2)]);
    assert.ok(!r2.ok);
    assert.equal(r2.reason, 'seq_gap');

    const midAnchor = makeAnchor({ firstSeq: 1n, last: { seq: 4n, hash: records[3]!.hash } }, fields({ kind: 'anchor' }));
    const r3 = await verifyChain([...records.slice(0, 3), midAnchor, ...records.slice(4)]);
    assert.ok(!r3.ok);
    assert.equal(r3.reason, 'bad_anchor');
    assert.equal(r3.failedSeq, 4n);
  });

  test('a self-consistent anchor with a wrong seq or malformed input is a bad anchor', async () => {
    const records = chain(4);
    const anchor = makeAnchor({ firstSeq: 1n, last: { seq: 2n, hash: records[1]!.hash } }, fields());
    const moved = { ...anchor, seq: 5n };
    const r1 = await verifyChain([{ ...moved, hash: hashRecord(moved, GENESIS_HASH) }]);
    assert.ok(!r1.ok);
    assert.equal(r1.reason, 'bad_anchor');
    const broken = { ...anchor, input: { lastPrunedSeq: '2' } };
    const r2 = await verifyChain([{ ...broken, hash: hashRecord(broken, GENESIS_HASH) }]);
    assert.ok(!r2.ok);
    assert.equal(r2.reason, 'bad_anchor');
  });
});
