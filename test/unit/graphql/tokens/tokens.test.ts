// API tokens and the audit log's reads, through GraphQL in process, on an embedded PGlite
// database (these fields need the gateway's database; no engine is involved). What a caller
// checks: a created token works and is listed; escalation and bad input are userErrors
// with nothing stored; revocation cascades and the revoked token is refused at once; every
// change is on the audit log, newest first, and the chain verifies. The PostgreSQL side and
// the CLI are covered end to end in test/e2e/access/api-tokens.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { DbAuditWriter } from '../../../../src/audit/db-audit-writer.ts';
import { createApiTokenVerifier } from '../../../../src/auth/tokens/index.ts';
import { parseConfig } from '../../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../../support/audit-db.ts';
import { startGateway, type TestGateway } from '../../../support/gateway.ts';
import { tokenFor } from '../../../support/identity.ts';

const CREATE = `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) {
  token apiToken { id name prefix grants { text } createdBy } userErrors { field code message } } }`;
const REVOKE = `mutation($input: ApiTokenRevokeInput!) { apiTokenRevoke(input: $input) {
  apiToken { id revokedAt } alsoRevoked { id name } userErrors { field code message } } }`;
const LIST = 'query($all: Boolean) { apiTokens(includeRevoked: $all) { totalCount nodes { name prefix revokedAt } } }';
const WHOAMI = '{ whoami { kind name grants { text } } }';

describe('API tokens and audit reads (PGlite, in process)', () => {
  let db: AuditDb;
  let gw: TestGateway;
  let tmp: string;

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-unit-tokens-'));
    db = await openAuditDb('pglite', 'unit-tokens');
    const audit = new DbAuditWriter({ database: db.database, logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await audit.init();
    const config = parseConfig({ clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }], logLevel: 'silent', engine: { timeoutMs: 500 } });
    gw = await startGateway(config, { database: db.database, audit, apiTokens: createApiTokenVerifier(db.database) });
  });
  after(async () => {
    await gw?.stop();
    await db?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const create = async (input: Record<string, unknown>, token?: string) => {
    const res = await gw.gql(CREATE, { input }, token === undefined ? {} : { token });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.apiTokenCreate as { token: string | null; apiToken: Record<string, any> | null; userErrors: { field: string[]; code: string }[] };
  };
  const tokenRows = async () => (await db.database.openSql().then(async (s) => (await s.query('SELECT name FROM api_tokens ORDER BY name').finally(() => s.close())))).map((r) => r.name);

  let deployer = '';
  let bot = '';

  test('an admin creates a token; it authenticates as itself with its grants and is listed', async () => {
    const made = await create({ name: 'team-deployer', grants: [{ role: 'DEPLOYER', labels: [{ key: 'team', value: 'payments' }] }], expiresInDays: 7 });
    assert.deepEqual(made.userErrors, []);
    assert.match(made.token ?? '', /^sgw_[A-Za-z0-9]{8}_/);
    assert.deepEqual(made.apiToken?.grants, [{ text: 'deployer:team=payments' }]);
    deployer = made.token!;
    const me = await gw.gql(WHOAMI, {}, { token: deployer });
    assert.deepEqual(me.data.whoami, { kind: 'TOKEN', name: 'team-deployer', grants: [{ text: 'deployer:team=payments' }] });
    const list = await gw.gql(LIST, { all: false });
    assert.deepEqual(list.data.apiTokens.nodes.map((n: { name: string }) => n.name), ['team-deployer']);
  });

  test('a grant beyond the creator\'s own is ESCALATION and bad input INVALID_VALUE at its field; nothing is stored', async () => {
    const escalation = await create({ name: 'sneaky', grants: [{ role: 'ADMIN' }] }, deployer);
    assert.equal(escalation.token, null);
    assert.deepEqual(escalation.userErrors.map((e) => e.code), ['ESCALATION']);
    const blank = await create({ name: '', grants: [{ role: 'VIEWER' }] });
    assert.deepEqual(blank.userErrors.map((e) => [e.field, e.code]), [[['input', 'name'], 'INVALID_VALUE']]);
    const viewer = await tokenFor(['viewer'], { subject: 'unit-viewer' });
    const refused = await gw.gql(CREATE, { input: { name: 'x', grants: [{ role: 'VIEWER' }] } }, { token: viewer });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(await tokenRows(), ['team-deployer']);
  });

  test('the team deployer makes its own bot token; revoking the deployer revokes the bot too, and both are refused at once', async () => {
    const made = await create({ name: 'payments-bot', grants: [{ role: 'OPERATOR', labels: [{ key: 'team', value: 'payments' }] }] }, deployer);
    assert.deepEqual(made.userErrors, []);
    bot = made.token!;
    assert.equal((await gw.gql(WHOAMI, {}, { token: bot })).status, 200);
    const deployerId = (await gw.gql('{ apiTokens { nodes { id name } } }')).data.apiTokens.nodes.find((n: { name: string }) => n.name === 'team-deployer').id;
    const revoked = await gw.gql(REVOKE, { input: { id: deployerId } });
    const payload = revoked.data.apiTokenRevoke;
    assert.deepEqual(payload.userErrors, []);
    assert.ok(payload.apiToken.revokedAt);
    assert.deepEqual(payload.alsoRevoked.map((t: { name: string }) => t.name), ['payments-bot']);
    for (const token of [deployer, bot]) assert.equal((await gw.gql(WHOAMI, {}, { token })).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const unknown = await gw.gql(REVOKE, { input: { id: 'nosuchid' } });
    assert.notEqual(unknown.data?.apiTokenRevoke?.userErrors?.length ?? unknown.errors?.length ?? 0, 0);
    assert.equal((await gw.gql(LIST, { all: false })).data.apiTokens.totalCount, 0);
    assert.equal((await gw.gql(LIST, { all: true })).data.apiTokens.totalCount, 2);
  });

  test('auditRecords shows the changes newest first, each intent with its outcome; auditVerify checks the chain', async () => {
    const res = await gw.gql('{ auditRecords(first: 100) { totalCount nodes { kind operation outcome errorCode } } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const nodes = res.data.auditRecords.nodes as { kind: string; operation: string; outcome: string | null; errorCode: string | null }[];
    const outcomes = nodes.filter((n) => n.kind === 'OUTCOME').map((n) => `${n.operation}:${n.outcome}`);
    assert.equal(outcomes[0], 'apiTokenRevoke:FAILED', 'newest first: the unknown ID was the last change');
    assert.deepEqual(outcomes.filter((o) => o.endsWith('SUCCEEDED')).reverse(), ['apiTokenCreate:SUCCEEDED', 'apiTokenCreate:SUCCEEDED', 'apiTokenRevoke:SUCCEEDED']);
    assert.ok(nodes.some((n) => n.kind === 'DENIED' && n.operation === 'apiTokenCreate'), 'the viewer\'s refused create is on record');
    const verify = await gw.gql('{ auditVerify { ok checkedRecords reason } }');
    assert.equal(verify.data.auditVerify.ok, true);
    assert.equal(verify.data.auditVerify.reason, null);
    assert.ok(verify.data.auditVerify.checkedRecords >= nodes.length);
    const bad = await gw.gql('{ auditRecords(first: 101) { totalCount } }');
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  });
});
