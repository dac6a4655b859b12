// Refused requests are audited: a mutation that access control denies leaves one `denied`
// record (with the deciding rule, and the input redacted), a refused credential leaves an
// `auth_failed` record, and neither leaves an intent or reaches the engine. Credentials
// are JWTs from the test identity provider; the database is real PostgreSQL and PGlite.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { forEachBackend, noEngineConfig } from '../../support/audit-backends.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';

const DENIED_DECISION = { allowed: false, permission: 'Mutation.serviceCreate', reason: 'needs role deployer or admin' };

forEachBackend('refusals', (b) => {
  let log: AuditLog;
  let gw: TestGateway;
  let spoolDir: string;

  before(async () => {
    const config = noEngineConfig();
    spoolDir = mkdtempSync(path.join(tmpdir(), 'sg-refusal-'));
    log = await startAuditLog({ database: b.db(), registry: new EngineRegistry(config), settings: config.audit, dataDir: spoolDir, logger: pino({ level: 'silent' }) });
    gw = await startGateway(config, { database: b.db(), audit: log.writer });
  });

  after(async () => {
    await gw.stop();
    await log.stop();
    rmSync(spoolDir, { recursive: true, force: true });
  });

  test('a denied mutation is a `denied` record with its rule and redacted input; nothing else is written', async () => {
    const res = await gw.gql(
      'mutation($input: ServiceCreateInput!) { serviceCreate(input: $input) { service { id } userErrors { code } } }',
      { input: { name: 'pay', image: 'img', env: ['DB_PASSWORD=hunter2', 'MODE=prod'] } },
      { token: await tokenFor(['viewer']) },
    );
    // FORBIDDEN, not ENGINE_UNAVAILABLE: the unreachable engine was never asked.
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    // The deciding rule is for the audit log, not the caller.
    assert.deepEqual(res.errors?.[0]?.extensions, { code: 'FORBIDDEN' });
    const rows = await b.sql<{ kind: string; operation: string; target: string; error_code: string; decision: unknown; input: unknown; cluster: string }>(
      "SELECT kind, operation, target, error_code, decision, input, cluster FROM audit_records WHERE operation = 'serviceCreate' ORDER BY seq",
    );
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row!.kind, 'denied');
    assert.equal(row!.target, 'pay');
    assert.equal(row!.cluster, 'nowhere');
    assert.equal(row!.error_code, 'FORBIDDEN');
    assert.deepEqual(row!.decision, DENIED_DECISION);
    assert.deepEqual((row!.input as { env: string[] }).env, ['DB_PASSWORD=[redacted]', 'MODE=prod']);
  });

  test('refused credentials are an `auth_failed` record', async () => {
    const res = await gw.gql('mutation { networkRemove(input: { ids: ["x"] }) { removed { id } } }', undefined, { token: await tokenFor(['admin'], { expiresIn: -3600 }) });
    assert.equal(res.status, 401);
    assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const rows = await b.sql<{ kind: string; error_code: string; principal: string; decision: { reason: string } }>(
      "SELECT kind, error_code, principal, decision FROM audit_records WHERE operation = 'networkRemove'",
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.kind, 'auth_failed');
    assert.equal(rows[0]!.error_code, 'UNAUTHENTICATED');
    assert.equal(rows[0]!.principal, 'unauthenticated');
    assert.equal(rows[0]!.decision.reason, 'expired_token');
  });

  test('the chain stays valid and the records are visible through auditRecords', async () => {
    const res = await gw.gql('{ auditVerify { ok checkedRecords } auditRecords(filter: { kind: DENIED }) { totalCount nodes { operation errorCode decision } } }');
    assert.deepEqual(res.data?.auditVerify, { ok: true, checkedRecords: 2 });
    assert.deepEqual(res.data?.auditRecords, { totalCount: 1, nodes: [{ operation: 'serviceCreate', errorCode: 'FORBIDDEN', decision: JSON.stringify(DENIED_DECISION) }] });
  });
});
