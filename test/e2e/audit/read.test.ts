// Reading the audit log, on PostgreSQL and on PGlite: the `auditRecords` connection (every
// filter, newest first, cursor pagination, page size limits) checked against the table
// with plain SQL, and the /audit/export download (NDJSON and CSV) returning the same
// records for the same filters, with CSV that parses back to the same values.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import supertest from 'supertest';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { hashRecord } from '../../../src/audit/hash-chain.ts';
import { COLUMNS, exportAuditRecords } from '../../../src/audit/export.ts';
import { canonicalJson, type JsonValue, type RecordFields } from '../../../src/audit/record.ts';
import { append, fields, forEachBackend, minute, noEngineConfig, type AuditBackend } from '../../support/audit-backends.ts';
import { expectData, startGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';

const COUNT = 120;
const PRINCIPALS = ['anonymous', 'token:alice', 'oidc:bob'];
const OPERATIONS = ['networkCreate', 'serviceUpdate', 'nodeUpdate', 'swarmJoinToken'];
const CLUSTERS = ['prod', 'staging', null];
const OUTCOMES = ['succeeded', 'failed', 'unknown'];
/** Input and target values a CSV writer must quote. */
const AWKWARD = ['a,b', 'say "hi"', 'line1\nline2\r\nline3', 'é😀 ünïcode', '=1+2', ' padded ', ''];

function dataset(): RecordFields[] {
  const out: RecordFields[] = [];
  for (let i = 1; i <= COUNT; i++) {
    const base = {
      principal: PRINCIPALS[i % 3]!,
      operation: OPERATIONS[i % 4]!,
      cluster: CLUSTERS[Math.floor(i / 2) % 3]!,
      target: i % 11 === 0 ? null : i % 13 === 0 ? AWKWARD[i % AWKWARD.length]! : `net-${i % 7}`,
      input: { name: `net-${i}`, note: AWKWARD[i % AWKWARD.length]!, nested: { n: i, list: [1, 'x', null] } } as JsonValue,
    };
    if (i % 15 === 0) out.push(fields(i, { ...base, kind: 'denied', errorCode: 'FORBIDDEN', input: null }));
    else if (i % 10 === 0) out.push(fields(i, { ...base, kind: 'sensitive_read', operation: 'swarmJoinToken' }));
    else if (i % 2 === 0) {
      out.push(fields(i, { ...base, kind: 'outcome', input: null, intentId: out.at(-1)!.id, outcome: OUTCOMES[(i / 2) % 3]!, objectIds: [`obj-${i}`, 'with,comma'], durationMs: i * 3, errorCode: (i / 2) % 3 === 1 ? 'ENGINE_REJECTED' : null }));
    } else out.push(fields(i, { ...base, decision: i % 7 === 0 ? { allowed: true, grant: 'ops "all"' } : null }));
  }
  return out;
}

const PAGE = `query($filter: AuditRecordFilter, $first: Int, $after: String) {
  auditRecords(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id seq kind recordedAt requestId principal clientAddress userAgent cluster operation target input intentId outcome errorCode objectIds durationMs decision prevHash hash } }
  }
}`;

/** Every page of auditRecords for a filter; checks the connection's bookkeeping on the way. */
async function allPages(b: AuditBackend, filter: Record<string, unknown>, first = 50) {
  const nodes: Record<string, any>[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; ; page++) {
    const data: any = expectData(await b.gw().gql(PAGE, { filter, first, after }));
    const conn = data.auditRecords;
    if (total === -1) total = conn.totalCount;
    assert.equal(conn.totalCount, total, 'totalCount is the same on every page');
    assert.ok(conn.edges.length <= first);
    assert.equal(conn.pageInfo.hasPreviousPage, page > 0);
    nodes.push(...conn.edges.map((e: any) => e.node));
    if (!conn.pageInfo.hasNextPage) break;
    assert.equal(conn.edges.length, first, 'only the last page is short');
    after = conn.pageInfo.endCursor;
  }
  assert.equal(nodes.length, total);
  return nodes;
}

/** The same filter in plain SQL, newest first: the IDs the API must return. */
async function idsBySql(b: AuditBackend, f: Record<string, string | undefined>): Promise<string[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    params.push(value);
    where.push(cond.replace('?', `$${params.length}`));
  };
  if (f.since) add('recorded_at >= ?', new Date(f.since));
  if (f.until) add('recorded_at < ?', new Date(f.until));
  for (const col of ['principal', 'operation', 'cluster', 'target'] as const) if (f[col] !== undefined) add(`${col} = ?`, f[col]);
  if (f.kind) add('kind = ?', f.kind.toLowerCase());
  if (f.outcome) add(`kind = 'outcome' AND outcome = ?`, f.outcome.toLowerCase());
  const rows = await b.sql<{ id: string }>(`SELECT id::text AS id FROM audit_records ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC`, params);
  return rows.map((r) => r.id);
}

const FILTERS: [string, Record<string, string>][] = [
  ['time range', { since: minute(30).toISOString(), until: minute(60).toISOString() }],
  ['principal', { principal: 'token:alice' }],
  ['operation', { operation: 'serviceUpdate' }],
  ['cluster', { cluster: 'staging' }],
  ['outcome', { outcome: 'FAILED' }],
  ['target', { target: 'net-3' }],
  ['target with a comma, quotes and line breaks', { target: AWKWARD[2]! }],
  ['kind', { kind: 'SENSITIVE_READ' }],
  ['several at once', { principal: 'token:alice', kind: 'INTENT', operation: 'serviceUpdate', since: minute(20).toISOString(), cluster: 'prod' }],
];

/** RFC 4180 parser: quoted fields may hold commas, quotes ("") and line breaks. Rows end with CRLF. */
function parseCsv(text: string): { value: string; quoted: boolean }[][] {
  const rows: { value: string; quoted: boolean }[][] = [];
  let row: { value: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        assert.notEqual(text[i], '\n', 'a bare LF only occurs inside quotes');
        assert.notEqual(text[i], '"', 'a quote only occurs inside quotes');
        value += text[i++];
      }
    }
    row.push({ value, quoted });
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  assert.equal(row.length, 0, 'the last row ends with CRLF');
  return rows;
}

/** The CSV cell a JSON-export value must become. */
function csvCell(column: string, value: JsonValue): { value: string; quoted?: boolean } {
  if (value === null) return { value: '', quoted: false };
  // JSON columns hold canonical JSON text (sorted keys), as the hash is computed over.
  if (column === 'input' || column === 'decision' || column === 'objectIds') return { value: canonicalJson(value) };
  // Text a spreadsheet would run as a formula (the seed's `=1+2` target) gets a leading '.
  if (typeof value === 'string') return { value: /^[=+\-@\t\r]/.test(value) ? `'${value}` : value };
  return { value: JSON.stringify(value) };
}

forEachBackend('audit log reads', (b) => {
  let stored: { id: string }[] = [];

  test('seed: records appended through the chain writer', async () => {
    stored = await append(b.db(), dataset());
    const [{ n }] = (await b.sql<{ n: string }>('SELECT count(*)::text AS n FROM audit_records')) as [{ n: string }];
    assert.equal(Number(n), COUNT);
  });

  test('auditRecords without a filter: newest first, every field as stored', async () => {
    const data: any = expectData(await b.gw().gql(PAGE, {}));
    const conn = data.auditRecords;
    assert.equal(conn.totalCount, COUNT);
    assert.equal(conn.edges.length, 50, 'the default page size is 50');
    assert.deepEqual(conn.edges.map((e: any) => e.node.seq), Array.from({ length: 50 }, (_, k) => String(COUNT - k)));
    // One record, field by field, against its row read with SQL.
    const node = conn.edges.find((e: any) => e.node.kind === 'OUTCOME').node;
    const [row] = await b.sql<Record<string, any>>(
      `SELECT seq::text AS seq, id::text AS id, kind, recorded_at, request_id, principal, client_address, user_agent, cluster, operation,
              target, input, intent_id::text AS intent_id, outcome, error_code, object_ids, duration_ms, decision, prev_hash, hash
         FROM audit_records WHERE id = $1`,
      [node.id],
    );
    assert.deepEqual(
      { ...node, recordedAt: new Date(node.recordedAt).getTime() },
      {
        id: row!.id, seq: row!.seq, kind: 'OUTCOME', recordedAt: new Date(row!.recorded_at).getTime(), requestId: row!.request_id,
        principal: row!.principal, clientAddress: row!.client_address, userAgent: row!.user_agent, cluster: row!.cluster,
        operation: row!.operation, target: row!.target, input: null, intentId: row!.intent_id, outcome: String(row!.outcome).toUpperCase(),
        errorCode: row!.error_code, objectIds: row!.object_ids, durationMs: row!.duration_ms, decision: null, prevHash: row!.prev_hash, hash: row!.hash,
      },
    );
    const intent = (await allPages(b, { kind: 'INTENT' }, 100)).find((n) => n.decision !== null)!;
    const [irow] = await b.sql<{ input: unknown; decision: unknown }>('SELECT input, decision FROM audit_records WHERE id = $1', [intent.id]);
    assert.deepEqual(JSON.parse(intent.input), typeof irow!.input === 'string' ? JSON.parse(irow!.input) : irow!.input);
    assert.deepEqual(JSON.parse(intent.decision), typeof irow!.decision === 'string' ? JSON.parse(irow!.decision) : irow!.decision);
  });

  test('cursor pagination walks every record once, newest first, at any page size', async () => {
    const expected = await idsBySql(b, {});
    for (const first of [1, 7, 50, 100]) {
      if (first === 1) {
        // Walking 120 pages of one costs little and shows the cursor is exact at each step.
        assert.deepEqual((await allPages(b, {}, 1)).map((n) => n.id), expected);
      } else assert.deepEqual((await allPages(b, {}, first)).map((n) => n.id), expected, `first: ${first}`);
    }
    assert.equal(expected.length, stored.length);
  });

  test('page size outside 1-100 and a foreign cursor are BAD_REQUEST', async () => {
    for (const first of [0, -1, 101]) {
      const res = await b.gw().gql(PAGE, { first });
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST', `first: ${first}`);
      assert.match(res.errors![0]!.message, /first must be between 1 and 100/);
    }
    for (const after of ['not-a-cursor', Buffer.from('seq:-4').toString('base64url'), Buffer.from('name:web').toString('base64url')]) {
      const res = await b.gw().gql(PAGE, { after });
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST', `after: ${after}`);
    }
    const res = await b.gw().gql(PAGE, { filter: { since: minute(50).toISOString(), until: minute(10).toISOString() } });
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  });

  for (const [what, filter] of FILTERS) {
    test(`filter by ${what}: auditRecords, NDJSON and CSV give the records SQL finds`, async () => {
      const expected = await idsBySql(b, filter);
      assert.ok(expected.length > 0 && expected.length < COUNT, `the filter selects some records (${expected.length})`);
      const nodes = await allPages(b, filter, 7);
      assert.deepEqual(nodes.map((n) => n.id), expected);

      const query = new URLSearchParams(filter).toString();
      const nd = await b.gw().http.get(`/audit/export?format=ndjson&${query}`);
      assert.equal(nd.status, 200);
      assert.match(nd.headers['content-type']!, /^application\/x-ndjson; charset=utf-8/);
      assert.match(nd.headers['content-disposition']!, /^attachment; filename="audit-[0-9TZ-]+\.ndjson"$/);
      const lines = nd.text.split('\n');
      assert.equal(lines.pop(), '', 'every line ends with a newline');
      const objects = lines.map((l) => JSON.parse(l) as Record<string, JsonValue>);
      assert.deepEqual(objects.map((o) => o.id), expected);
      for (const o of objects) {
        assert.deepEqual(Object.keys(o), [...COLUMNS], 'every line has the columns in order');
        // A line holds exactly what the hash covers: anyone can recompute it.
        const rec = { ...o, seq: BigInt(o.seq as string), recordedAt: new Date(o.recordedAt as string) } as never;
        assert.equal(hashRecord(rec, o.prevHash as string), o.hash);
      }
      const gqlBySeq = new Map(nodes.map((n) => [n.seq, n]));
      for (const o of objects) {
        const n = gqlBySeq.get(o.seq)!;
        assert.equal(n.principal, o.principal);
        assert.equal(n.target, o.target);
        assert.equal(n.kind, String(o.kind).toUpperCase());
        assert.deepEqual(n.input === null ? null : JSON.parse(n.input), o.input);
      }

      const csv = await b.gw().http.get(`/audit/export?format=csv&${query}`).buffer(true).parse((res, cb) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => cb(null, text));
      });
      assert.equal(csv.status, 200);
      assert.match(csv.headers['content-type']!, /^text\/csv; charset=utf-8/);
      assert.match(csv.headers['content-disposition']!, /^attachment; filename="audit-[0-9TZ-]+\.csv"$/);
      const [header, ...rows] = parseCsv(csv.body as string);
      assert.deepEqual(header!.map((c) => c.value), [...COLUMNS]);
      assert.deepEqual(rows.map((r) => r[COLUMNS.indexOf('id')]!.value), expected);
      rows.forEach((row, k) => {
        assert.equal(row.length, COLUMNS.length);
        COLUMNS.forEach((column, c) => {
          const want = csvCell(column, objects[k]![column]!);
          assert.equal(row[c]!.value, want.value, `row ${k} ${column}`);
          if (want.quoted === false) assert.equal(row[c]!.quoted, false, `NULL is an empty unquoted field (row ${k} ${column})`);
          if (want.value === '' && objects[k]![column] === '') assert.equal(row[c]!.quoted, true, 'an empty string is ""');
        });
      });
    });
  }

  test('the export streams batch by batch: small batches give the same bytes as one', async () => {
    for (const format of ['ndjson', 'csv'] as const) {
      const collect = async (batchSize: number) => {
        const chunks: string[] = [];
        for await (const chunk of exportAuditRecords(b.db().prisma, { principal: 'anonymous' }, format, { batchSize })) chunks.push(chunk);
        return chunks;
      };
      const whole = await collect(1000);
      const small = await collect(6);
      assert.ok(small.length > 5, `several chunks (${small.length})`);
      assert.equal(small.join(''), whole.join(''));
    }
  });

  test('export query errors are 400s that name the parameter', async () => {
    const cases: [string, RegExp][] = [
      ['format=xml', /format must be ndjson or csv/],
      ['since=yesterday', /since must be an RFC 3339 instant/],
      ['until=2026-03-01', /until must be an RFC 3339 instant/],
      ['outcome=MAYBE', /outcome must be one of SUCCEEDED, FAILED, UNKNOWN/],
      ['kind=change', /kind must be one of INTENT/],
      ['principal=a&principal=b', /principal must be given once/],
      ['princpal=alice', /unknown parameter princpal/],
      ['target=', /target is empty/],
      [`since=${minute(9).toISOString()}&until=${minute(3).toISOString()}`, /since .* is after until/],
    ];
    for (const [query, message] of cases) {
      const res = await b.gw().http.get(`/audit/export?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.errors[0].extensions.code, 'BAD_REQUEST');
      assert.match(res.body.errors[0].message, message, query);
    }
    const lower = await b.gw().http.get('/audit/export?format=CSV&outcome=failed&kind=outcome');
    assert.equal(lower.status, 200, 'enum values are case-insensitive');
  });

  test('only auditors and admins may export: a viewer or operator gets 403 FORBIDDEN, recorded as a denied record', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'sg-export-access-'));
    const writer = new DbAuditWriter({ database: b.db(), logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await writer.init();
    const gw = await startGateway(noEngineConfig(), { database: b.db(), audit: writer });
    try {
      for (const role of ['viewer', 'operator:team=payments']) {
        const res = await supertest(gw.gateway.app).get('/audit/export?format=ndjson').set('authorization', `Bearer ${await tokenFor([role], { subject: `export-${role}` })}`);
        assert.equal(res.status, 403, role);
        assert.equal(res.body.errors[0].extensions.code, 'FORBIDDEN');
        const rows = await b.sql<{ kind: string; operation: string; decision: { permission: string } }>('SELECT kind, operation, decision FROM audit_records WHERE principal = $1', [`oidc:export-${role}`]);
        assert.deepEqual(rows.map((r) => [r.kind, r.operation, r.decision.permission]), [['denied', 'auditExport', 'Capability.auditExport']], role);
      }
      const auditor = await supertest(gw.gateway.app).get('/audit/export?format=ndjson&operation=auditExport').set('authorization', `Bearer ${await tokenFor(['auditor'])}`);
      assert.equal(auditor.status, 200);
      assert.deepEqual(auditor.text.trim().split('\n').map((line) => JSON.parse(line).principal).sort(), ['oidc:export-operator:team=payments', 'oidc:export-viewer'], 'the two refusals are in the export');
    } finally {
      await gw.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

test('without an audit database: auditRecords, auditVerify and the export are AUDIT_UNAVAILABLE', async () => {
  const gw = await startGateway(noEngineConfig());
  try {
    for (const query of ['{ auditRecords { totalCount } }', '{ auditVerify { ok } }']) {
      const res = await gw.gql(query);
      assert.equal(res.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE', query);
    }
    const res = await gw.http.get('/audit/export?format=csv');
    assert.equal(res.status, 503);
    assert.equal(res.body.errors[0].extensions.code, 'AUDIT_UNAVAILABLE');
  } finally {
    await gw.stop();
  }
});
