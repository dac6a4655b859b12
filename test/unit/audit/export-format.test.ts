// The export's line formats and its query-string validation, without a database.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COLUMNS, csvField, csvHeader, csvLine, ndjsonLine } from '../../../src/audit/export.ts';
import { nextRecord } from '../../../src/audit/hash-chain.ts';
import type { AuditRecordData } from '../../../src/audit/record.ts';
import { ExportQueryError, parseExportQuery } from '../../../src/http/audit-export.ts';

function record(over: Partial<AuditRecordData> = {}): AuditRecordData {
  return {
    ...nextRecord(null, {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'outcome',
      recordedAt: new Date('2026-03-01T10:00:00.123Z'),
      requestId: null,
      traceId: null,
      principal: 'token:a,b',
      clientAddress: '127.0.0.1',
      userAgent: 'curl/8 "quoted"',
      cluster: 'prod',
      operation: 'serviceUpdate',
      target: 'line1\nline2',
      input: { z: 1, a: 'x,"y"' },
      intentId: null,
      outcome: 'failed',
      errorCode: '',
      objectIds: ['a', 'b,c'],
      durationMs: 42,
      decision: null,
    }),
    ...over,
  };
}

describe('CSV fields', () => {
  test('quotes only what needs it, doubling quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('l1\nl2'), '"l1\nl2"');
    // Formula injection: a spreadsheet must not run a caller-chosen name.
    assert.equal(csvField('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-cmd'), "'-cmd");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('\tx'), "'\tx");
    assert.equal(csvField('a=b'), 'a=b');
    assert.equal(csvField(-3), '-3');
    assert.equal(csvField('l1\r\nl2'), '"l1\r\nl2"');
    assert.equal(csvField(''), '""', 'an empty string is distinguishable from NULL');
    assert.equal(csvField(null), '');
    assert.equal(csvField(42), '42');
  });

  test('a line has every column in order, JSON columns as canonical JSON text, CRLF at the end', () => {
    const r = record();
    assert.equal(csvHeader(), `${COLUMNS.join(',')}\r\n`);
    assert.equal(
      csvLine(r),
      [
        '1', r.id, 'outcome', '2026-03-01T10:00:00.123Z', '', '"token:a,b"', '127.0.0.1', '"curl/8 ""quoted"""', 'prod', 'serviceUpdate',
        '"line1\nline2"', '"{""a"":""x,\\""y\\"""",""z"":1}"', '', 'failed', '""', '"[""a"",""b,c""]"', '42', '', r.prevHash, r.hash, '',
      ].join(',') + '\r\n',
    );
  });
});

describe('NDJSON lines', () => {
  test('one JSON object per line, keys in column order, values as stored', () => {
    const r = record();
    const line = ndjsonLine(r);
    assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'), 'newlines inside values are escaped');
    const o = JSON.parse(line);
    assert.deepEqual(Object.keys(o), [...COLUMNS]);
    assert.equal(o.seq, '1');
    assert.deepEqual(o.input, { z: 1, a: 'x,"y"' });
    assert.equal(o.target, 'line1\nline2');
    assert.equal(o.requestId, null);
  });
});

describe('export query string', () => {
  test('defaults to NDJSON with no filter; values are taken case-insensitively', () => {
    assert.deepEqual(parseExportQuery({}), { format: 'ndjson', filter: { since: undefined, until: undefined, outcome: undefined, kind: undefined, principal: undefined, operation: undefined, cluster: undefined, target: undefined, traceId: undefined } });
    const q = parseExportQuery({ format: 'CSV', outcome: 'Failed', kind: 'sensitive_read', since: '2026-03-01T10:00:00+01:00', principal: 'token:x' });
    assert.equal(q.format, 'csv');
    assert.equal(q.filter.outcome, 'failed');
    assert.equal(q.filter.kind, 'sensitive_read');
    assert.equal(q.filter.since?.toISOString(), '2026-03-01T09:00:00.000Z');
    assert.equal(q.filter.principal, 'token:x');
  });

  test('every bad parameter is named', () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ format: 'json' }, /^format must be ndjson or csv/],
      [{ since: '1700000000' }, /^since must be an RFC 3339 instant/],
      [{ until: '2026-02-30T00:00:00Z' }, /^until must be an RFC 3339 instant/],
      [{ outcome: 'ok' }, /^outcome must be one of/],
      [{ kind: 'INTENTS' }, /^kind must be one of/],
      [{ cluster: ['a', 'b'] }, /^cluster must be given once/],
      [{ target: { x: '1' } }, /^target must be given once/],
      [{ page: '2' }, /^unknown parameter page/],
      [{ operation: '' }, /^operation is empty/],
      [{ since: '2026-03-02T00:00:00Z', until: '2026-03-01T00:00:00Z' }, /since .* is after until/],
    ];
    for (const [query, message] of bad) {
      assert.throws(() => parseExportQuery(query), (err: unknown) => err instanceof ExportQueryError && message.test(err.message), JSON.stringify(query));
    }
  });
});
