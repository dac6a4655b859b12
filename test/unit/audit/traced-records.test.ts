// The audit records a traced request writes, in an embedded PGlite database behind the real
// writer: the mutation's intent and outcome carry the request's trace ID (the one its
// traceparent continued), the chain verifies with traced records beside untraced ones (as a
// database from before tracing has), and the trace ID is read back through GraphQL's
// AuditRecord, its `traceId` filter and GET /audit/export.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import supertest from 'supertest';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { verifyAuditLog } from '../../../src/audit/verify-db.ts';
import { parseConfig } from '../../../src/config/config.ts';
import { tracingWith, type GatewayTracing } from '../../../src/http/tracing/gateway-tracing.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine/server.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const TRACEPARENT = `00-${CALLER_TRACE}-b7ad6b7169203331-01`;

describe('audit records of traced requests (PGlite)', () => {
  let db: AuditDb;
  let engine: FakeEngine;
  let gw: TestGateway;
  let tracing: GatewayTracing;
  let audit: DbAuditWriter;
  let tmp: string;

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-unit-traced-'));
    db = await openAuditDb('pglite', 'unit-traced');
    engine = await startFakeEngine();
    audit = new DbAuditWriter({ database: db.database, logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await audit.init();
    tracing = tracingWith('traced-records', [new SimpleSpanProcessor(new InMemorySpanExporter())]);
    const config = parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engine.url }] }], logLevel: 'silent', engine: { timeoutMs: 5_000, watch: { enabled: false } } });
    gw = await startGateway(config, { database: db.database, audit, tracing });
  });
  after(async () => {
    await gw?.stop();
    await tracing?.shutdown();
    await engine?.close();
    await db?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const graphql = (query: string, traceparent?: string) => {
    let req = gw.http.post('/graphql').set('content-type', 'application/json');
    if (traceparent) req = req.set('traceparent', traceparent);
    return req.send({ query });
  };

  test('a mutation\'s intent and outcome carry its trace ID; the chain verifies beside untraced records', async () => {
    // An untraced record first, as a database from before tracing holds (written outside any request).
    const early = await audit.intent({ requestId: 'before-tracing', principal: { id: 'cli', clientAddress: undefined }, cluster: 'fake', operation: 'networkCreate', target: 'old', input: null, userAgent: undefined });
    await audit.outcome(early, { status: 'succeeded', durationMs: 1 });

    const res = await graphql('mutation { networkCreate(input: { name: "traced-net" }) { network { id } userErrors { code } } }', TRACEPARENT);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data.networkCreate.userErrors, []);
    const requestId = String(res.headers['x-request-id']);

    const records = await db.records();
    const old = records.filter((r) => r.requestId === 'before-tracing');
    assert.deepEqual(old.map((r) => [r.kind, r.traceId]), [['intent', null], ['outcome', null]]);
    const traced = records.filter((r) => r.requestId === requestId);
    assert.deepEqual(traced.map((r) => [r.kind, r.operation, r.traceId]), [['intent', 'networkCreate', CALLER_TRACE], ['outcome', 'networkCreate', CALLER_TRACE]]);

    const verified = await verifyAuditLog(db.database.prisma);
    assert.equal(verified.ok, true, JSON.stringify(verified, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));

    // A trace ID changed in the table breaks that record's hash.
    const sql = await db.database.openSql();
    try {
      await sql.query(`UPDATE audit_records SET trace_id = '${'1'.repeat(32)}' WHERE request_id = 'before-tracing' AND kind = 'intent'`);
      const tampered = await verifyAuditLog(db.database.prisma);
      assert.ok(!tampered.ok);
      assert.equal(tampered.reason, 'hash_mismatch');
      await sql.query(`UPDATE audit_records SET trace_id = NULL WHERE request_id = 'before-tracing'`);
    } finally {
      await sql.close();
    }
    assert.equal((await verifyAuditLog(db.database.prisma)).ok, true);
  });

  test('GraphQL shows the trace ID and filters by it; the export carries it', async () => {
    const res = await graphql(`{ auditRecords(filter: { traceId: "${CALLER_TRACE}" }) { totalCount nodes { kind operation traceId } } }`);
    assert.equal(res.body.errors, undefined, res.text);
    const { totalCount, nodes } = res.body.data.auditRecords as { totalCount: number; nodes: { kind: string; operation: string; traceId: string }[] };
    assert.equal(totalCount, 2);
    assert.deepEqual(nodes.map((n) => [n.kind, n.operation, n.traceId]), [['OUTCOME', 'networkCreate', CALLER_TRACE], ['INTENT', 'networkCreate', CALLER_TRACE]]);

    const exported = await supertest(gw.gateway.app).get(`/audit/export?format=ndjson&traceId=${CALLER_TRACE}`).set('authorization', gw.adminAuthorization);
    assert.equal(exported.status, 200, exported.text);
    const lines = exported.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.map((l) => [l.kind, l.traceId]), [['outcome', CALLER_TRACE], ['intent', CALLER_TRACE]]);
    const csv = await supertest(gw.gateway.app).get('/audit/export?format=csv&kind=intent&operation=networkCreate').set('authorization', gw.adminAuthorization);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    assert.equal(header!.split(',').at(-1), 'traceId');
    assert.deepEqual(rows.map((r) => r.split(',').at(-1)).sort(), ['', CALLER_TRACE]);
  });
});
