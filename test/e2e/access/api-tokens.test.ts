// API tokens end to end, on a real PostgreSQL and on PGlite: the first admin token from
// `npm run token:create`, more from `apiTokenCreate`; the database keeps only the prefix
// and a SHA-256 (no column and no audit record holds a secret); a token authenticates over
// HTTP (whoami), records its last use, and stops working when revoked or expired (401);
// nobody mints a token beyond their own grants; bad input creates nothing; a token made by a
// token never outlives it and is revoked with it; a team's deployer makes its own bots. The other
// callers are OIDC tokens of the test identity provider (admins scoped by cluster or label).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import supertest from 'supertest';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { createApiTokenVerifier } from '../../../src/auth/tokens/index.ts';
import { parseConfig } from '../../../src/config/config.ts';
import { currentDatabaseOf, forEachBackend } from '../../support/audit-backends.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';

/** Two clusters nobody can reach: tokens need no engine. */
const RAW_CONFIG = {
  clusters: [
    { name: 'nowhere', managers: [{ url: 'unix:///nonexistent/nowhere.sock' }] },
    { name: 'elsewhere', managers: [{ url: 'unix:///nonexistent/elsewhere.sock' }] },
  ],
  logLevel: 'silent',
  engine: { timeoutMs: 500 },
};
const TOKEN_TEXT = /^(sgw_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43}))\n$/;

const WHOAMI = '{ whoami { id kind name grants { role clusters labels { key value } text } } }';
const CREATE = `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) {
  token apiToken { id name owner prefix grants { text } createdAt expiresAt lastUsedAt revokedAt revokedBy createdBy }
  userErrors { field code message } } }`;
const REVOKE = 'mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { apiToken { id prefix revokedAt revokedBy } userErrors { field code message } } }';
const LIST = 'query($all: Boolean) { apiTokens(includeRevoked: $all) { totalCount nodes { id name prefix revokedAt grants { text } } } }';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface TokenRowSql {
  id: string;
  name: string;
  owner: string;
  prefix: string;
  hash: string;
  grants: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

forEachBackend('api tokens', (b) => {
  let gw: TestGateway;
  let tmp: string;
  let writer: DbAuditWriter;
  const savedConfigEnv = process.env.GATEWAY_CONFIG;
  /** The backend's current database (PGlite is reopened around each CLI run). */
  const holder = currentDatabaseOf(b);

  const row = async (prefix: string) => (await b.sql<TokenRowSql>('SELECT * FROM api_tokens WHERE prefix = $1', [prefix]))[0];
  const rowText = async (prefix: string) => (await b.sql<{ j: string }>('SELECT row_to_json(t)::text AS j FROM api_tokens t WHERE prefix = $1', [prefix]))[0]!.j;
  const count = async () => Number((await b.sql<{ n: string | number }>('SELECT count(*) AS n FROM api_tokens'))[0]!.n);
  const auditText = async () => (await b.sql<{ j: string }>('SELECT row_to_json(a)::text AS j FROM audit_records a')).map((r) => r.j).join('\n');
  /** A bare request with this bearer token (no default admin credential). */
  const asBearer = (token: string, query = WHOAMI) => supertest(gw.gateway.app).post('/graphql').set('authorization', `Bearer ${token}`).send({ query });
  const create = async (input: Record<string, unknown>, token: string) => {
    const res = await gw.gql(CREATE, { input }, { token });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.apiTokenCreate as { token: string | null; apiToken: Record<string, any> | null; userErrors: { field: string[]; code: string; message: string }[] };
  };

  // Filled as the tests go, in order.
  let adminToken = '';
  let adminId = '';
  let botToken = '';
  let botPrefix = '';

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-api-tokens-'));
    // The CLI reads the same clusters from GATEWAY_CONFIG (database settings come from the backend's env).
    writeFileSync(path.join(tmp, 'config.json'), JSON.stringify(RAW_CONFIG));
    writeFileSync(path.join(tmp, 'config-max30.json'), JSON.stringify({ ...RAW_CONFIG, auth: { maxTokenDays: 30 } }));
    process.env.GATEWAY_CONFIG = path.join(tmp, 'config.json');
    writer = new DbAuditWriter({ database: holder, logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await writer.init();
    gw = await startGateway(parseConfig(RAW_CONFIG), { database: holder, audit: writer, apiTokens: createApiTokenVerifier(holder) });
  });

  after(async () => {
    await gw?.stop();
    if (savedConfigEnv === undefined) delete process.env.GATEWAY_CONFIG;
    else process.env.GATEWAY_CONFIG = savedConfigEnv;
    rmSync(tmp, { recursive: true, force: true });
  });

  test('`npm run token:create` prints the first admin token once; the database keeps only its prefix and SHA-256', async () => {
    const r = await b.npm('token:create', ['--name', 'ops-admin', '--grant', 'admin']);
    assert.equal(r.code, 0, r.stderr);
    const m = TOKEN_TEXT.exec(r.stdout);
    assert.ok(m, `stdout is the token alone: ${JSON.stringify(r.stdout)}`);
    const [, token, prefix, secret] = m;
    adminToken = token!;
    adminId = /\(id ([0-9a-f-]{36})/.exec(r.stderr)?.[1] ?? '';
    assert.match(r.stderr, new RegExp(`created API token ${prefix} \\(id ${adminId}`));
    assert.match(r.stderr, /shown this once/);

    const stored = await row(prefix!);
    assert.ok(stored);
    assert.equal(stored.id, adminId);
    assert.equal(stored.hash, sha256(token!));
    assert.equal(stored.owner, 'cli');
    assert.deepEqual(stored.grants, ['admin']);
    assert.equal(stored.expires_at, null);
    assert.equal(stored.last_used_at, null);
    assert.equal(stored.revoked_at, null);
    const text = await rowText(prefix!);
    assert.ok(!text.includes(secret!) && !text.includes(token!), `the row holds the secret: ${text}`);

    // The command's change is in the audit log, as `cli`, without the secret.
    const audit = await b.sql<{ kind: string; principal: string; input: unknown; outcome: string | null; object_ids: string[] }>(
      "SELECT kind, principal, input, outcome, object_ids FROM audit_records WHERE operation = 'apiTokenCreate' ORDER BY seq",
    );
    assert.deepEqual(audit.map((a) => [a.kind, a.principal, a.outcome]), [['intent', 'cli', null], ['outcome', 'cli', 'succeeded']]);
    assert.deepEqual(audit[0]!.input, { name: 'ops-admin', grants: ['admin'], expiresInDays: null });
    assert.deepEqual(audit[1]!.object_ids, [adminId]);
    assert.ok(!(await auditText()).includes(secret!));
  });

  test('the token authenticates over HTTP: whoami is token:<id> with its grants; last use is written once a minute at most', async () => {
    const res = await gw.gql(WHOAMI, {}, { token: adminToken });
    assert.equal(res.status, 200);
    assert.deepEqual(res.data.whoami, {
      id: `token:${adminId}`,
      kind: 'TOKEN',
      name: 'ops-admin',
      grants: [{ role: 'ADMIN', clusters: null, labels: [], text: 'admin' }],
    });
    const used = (await row(adminToken.slice(4, 12)))!.last_used_at;
    assert.ok(used, 'last_used_at is set after a use');
    assert.ok(Math.abs(new Date(used).getTime() - Date.now()) < 60_000);
    await gw.gql(WHOAMI, {}, { token: adminToken });
    assert.equal(new Date((await row(adminToken.slice(4, 12)))!.last_used_at!).getTime(), new Date(used).getTime(), 'a second use within the minute writes nothing');
  });

  test('apiTokenCreate returns the token once; the row and the audit log hold no secret', async () => {
    const input = { name: 'payments-bot', grants: [{ role: 'OPERATOR', labels: [{ key: 'team', value: 'payments' }] }], expiresInDays: 7 };
    const before = Date.now();
    const out = await create(input, adminToken);
    assert.deepEqual(out.userErrors, []);
    const m = TOKEN_TEXT.exec(`${out.token}\n`);
    assert.ok(m, String(out.token));
    botToken = out.token!;
    botPrefix = m[2]!;
    const secret = m[3]!;
    const t = out.apiToken!;
    assert.equal(t.name, 'payments-bot');
    assert.equal(t.owner, `token:${adminId}`);
    assert.equal(t.prefix, botPrefix);
    assert.deepEqual(t.grants, [{ text: 'operator:team=payments' }]);
    const expires = new Date(t.expiresAt).getTime();
    assert.ok(expires >= before + 7 * 86_400_000 && expires <= Date.now() + 7 * 86_400_000, t.expiresAt);
    assert.equal(t.lastUsedAt, null);
    assert.equal(t.revokedAt, null);

    const stored = (await row(botPrefix))!;
    assert.equal(stored.hash, sha256(botToken));
    assert.deepEqual(stored.grants, ['operator:team=payments']);
    assert.ok(!(await rowText(botPrefix)).includes(secret));

    const audit = await b.sql<{ kind: string; principal: string; input: Record<string, unknown> | null; object_ids: string[]; decision: Record<string, unknown> | null }>(
      "SELECT kind, principal, input, object_ids, decision FROM audit_records WHERE operation = 'apiTokenCreate' AND principal = $1 ORDER BY seq",
      [`token:${adminId}`],
    );
    assert.deepEqual(audit.map((a) => a.kind), ['intent', 'outcome']);
    assert.deepEqual(audit[0]!.input, input);
    assert.equal(audit[0]!.decision?.grant, 'admin');
    assert.deepEqual(audit[1]!.object_ids, [t.id]);
    assert.ok(!(await auditText()).includes(secret), 'no audit record holds the secret');

    // The new token is what it says, and no more: an operator cannot mint tokens.
    const who = await gw.gql(WHOAMI, {}, { token: botToken });
    assert.equal(who.data.whoami.id, `token:${t.id}`);
    assert.deepEqual(who.data.whoami.grants, [{ role: 'OPERATOR', clusters: null, labels: [{ key: 'team', value: 'payments' }], text: 'operator:team=payments' }]);
    const refused = await gw.gql(CREATE, { input: { name: 'more', grants: [{ role: 'VIEWER' }] } }, { token: botToken });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('apiTokens lists only tokens within the caller\'s own grants', async () => {
    const names = async (token: string) => {
      const res = await gw.gql(LIST, {}, { token });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      return (res.data.apiTokens.nodes as { name: string }[]).map((n) => n.name);
    };
    assert.deepEqual(await names(adminToken), ['ops-admin', 'payments-bot']);
    assert.deepEqual(await names(await tokenFor(['admin:team=payments'])), ['payments-bot']);
    assert.deepEqual(await names(await tokenFor(['admin:team=billing'])), []);
    // operator:team=payments covers every cluster, so an admin of one cluster does not see it.
    assert.deepEqual(await names(await tokenFor(['admin@nowhere'])), []);
  });

  test('no escalation: a grant beyond the caller\'s own is refused, named, and nothing is created', async () => {
    const clusterAdmin = await tokenFor(['admin@nowhere']);
    const paymentsAdmin = await tokenFor(['admin:team=payments']);
    const n = await count();
    const refusals: [string, Record<string, unknown>[], string][] = [
      [clusterAdmin, [{ role: 'ADMIN' }], 'admin'],
      [clusterAdmin, [{ role: 'DEPLOYER' }], 'deployer'],
      [clusterAdmin, [{ role: 'DEPLOYER', clusters: ['elsewhere'] }], 'deployer@elsewhere'],
      [paymentsAdmin, [{ role: 'DEPLOYER' }], 'deployer'],
      [paymentsAdmin, [{ role: 'ADMIN', labels: [{ key: 'team', value: 'billing' }] }], 'admin:team=billing'],
    ];
    for (const [caller, grants, named] of refusals) {
      const out = await create({ name: 'sneaky', grants }, caller);
      assert.equal(out.token, null);
      assert.equal(out.apiToken, null);
      assert.equal(out.userErrors.length, 1, JSON.stringify(out.userErrors));
      const [e] = out.userErrors;
      assert.equal(e!.code, 'ESCALATION');
      assert.deepEqual(e!.field, ['input', 'grants', '0']);
      assert.ok(e!.message.startsWith(`Grant ${named} goes beyond your own grants`), e!.message);
    }
    // One bad grant among good ones: that one is named, and nothing is created.
    const mixed = await create({ name: 'sneaky', grants: [{ role: 'VIEWER', labels: [{ key: 'team', value: 'payments' }] }, { role: 'ADMIN' }] }, paymentsAdmin);
    assert.deepEqual(mixed.userErrors.map((e) => [e.field, e.code]), [[['input', 'grants', '1'], 'ESCALATION']]);
    assert.match(mixed.userErrors[0]!.message, /^Grant admin goes beyond your own grants \(admin:team=payments\)/);
    assert.equal(await count(), n);

    // Within their grants they may.
    const ok1 = await create({ name: 'nowhere-deployer', grants: [{ role: 'DEPLOYER', clusters: ['nowhere'], labels: [{ key: 'team', value: 'payments' }] }] }, clusterAdmin);
    assert.deepEqual(ok1.userErrors, []);
    assert.equal(ok1.apiToken!.owner, 'oidc:tester-admin@nowhere');
    const ok2 = await create({ name: 'payments-deployer', grants: [{ role: 'DEPLOYER', labels: [{ key: 'team', value: 'payments' }] }] }, paymentsAdmin);
    assert.deepEqual(ok2.userErrors, []);
    assert.deepEqual(ok2.apiToken!.grants, [{ text: 'deployer:team=payments' }]);
    // Tokens are gateway-wide: an admin of a cluster other than the default one manages its own too.
    const otherAdmin = await tokenFor(['admin@elsewhere']);
    const ok3 = await create({ name: 'elsewhere-viewer', grants: [{ role: 'VIEWER', clusters: ['elsewhere'] }] }, otherAdmin);
    assert.deepEqual(ok3.userErrors, []);
    assert.deepEqual((await gw.gql(LIST, {}, { token: otherAdmin })).data.apiTokens.nodes.map((t: { name: string }) => t.name), ['elsewhere-viewer']);
    assert.equal(await count(), n + 3);
  });

  test('bad input gives typed errors and creates nothing', async () => {
    const n = await count();
    const cases: [Record<string, unknown>, string[], string, RegExp][] = [
      [{ name: '  ', grants: [{ role: 'VIEWER' }] }, ['input', 'name'], 'INVALID_VALUE', /needs a name/],
      [{ name: 'x', grants: [] }, ['input', 'grants'], 'INVALID_VALUE', /at least one grant/],
      [{ name: 'x', grants: [{ role: 'VIEWER', clusters: ['atlantis'] }] }, ['input', 'grants', '0', 'clusters'], 'REFERENCE_NOT_FOUND', /"atlantis" \(known: nowhere, elsewhere\)/],
      [{ name: 'x', grants: [{ role: 'VIEWER', labels: [{ key: 'team', value: '' }] }] }, ['input', 'grants', '0'], 'INVALID_VALUE', /not a valid label value/],
      [{ name: 'x', grants: [{ role: 'VIEWER' }], expiresAt: new Date(Date.now() - 60_000).toISOString() }, ['input', 'expiresAt'], 'INVALID_VALUE', /in the past/],
      [{ name: 'x', grants: [{ role: 'VIEWER' }], expiresInDays: 0 }, ['input', 'expiresInDays'], 'INVALID_VALUE', /from 1 to 3650, got 0/],
      [{ name: 'x', grants: [{ role: 'VIEWER' }], expiresInDays: 1, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }, ['input', 'expiresInDays'], 'INVALID_VALUE', /not both/],
    ];
    for (const [input, field, code, message] of cases) {
      const out = await create(input, adminToken);
      assert.equal(out.token, null);
      assert.deepEqual(out.userErrors.map((e) => [e.field, e.code]), [[field, code]], JSON.stringify(input));
      assert.match(out.userErrors[0]!.message, message);
    }
    // An unknown role is not even a valid request.
    const role = await gw.gql(CREATE, { input: { name: 'x', grants: [{ role: 'SUPERUSER' }] } }, { token: adminToken });
    assert.equal(role.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    assert.match(role.errors![0]!.message, /SUPERUSER/);
    assert.equal(await count(), n);
  });

  test('a revoked token is refused with 401 UNAUTHENTICATED, and the refusal is audited', async () => {
    // Out of the caller's scope: as if it did not exist.
    const hidden = await gw.gql(REVOKE, { id: botPrefix }, { token: await tokenFor(['admin:team=billing']) });
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await row(botPrefix))!.revoked_at, null);
    assert.equal((await asBearer(botToken)).status, 200);

    const res = await gw.gql(REVOKE, { id: botPrefix }, { token: adminToken });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const revoked = res.data.apiTokenRevoke;
    assert.deepEqual(revoked.userErrors, []);
    assert.equal(revoked.apiToken.revokedBy, `token:${adminId}`);
    assert.ok(revoked.apiToken.revokedAt);
    const audit = await b.sql<{ kind: string; outcome: string | null; object_ids: string[]; target: string }>(
      "SELECT kind, outcome, object_ids, target FROM audit_records WHERE operation = 'apiTokenRevoke' AND principal = $1 ORDER BY seq",
      [`token:${adminId}`],
    );
    assert.deepEqual(audit.map((a) => [a.kind, a.outcome, a.target]), [['intent', null, botPrefix], ['outcome', 'succeeded', botPrefix]]);
    assert.deepEqual(audit[1]!.object_ids, [revoked.apiToken.id]);

    const refused = await asBearer(botToken);
    assert.equal(refused.status, 401);
    assert.match(refused.headers['www-authenticate'] ?? '', /^Bearer realm="swarm-gateway", error="invalid_token"/);
    assert.equal(refused.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.equal(refused.body.data, undefined);
    const failures = await b.sql<{ decision: Record<string, unknown> }>("SELECT decision FROM audit_records WHERE kind = 'auth_failed' ORDER BY seq");
    assert.deepEqual(failures.at(-1)!.decision, { allowed: false, reason: 'revoked_token', tokenPrefix: botPrefix });

    const again = await gw.gql(REVOKE, { id: botPrefix }, { token: adminToken });
    assert.deepEqual(again.data.apiTokenRevoke.userErrors.map((e: { code: string }) => e.code), ['INVALID_STATE']);
    assert.match(again.data.apiTokenRevoke.userErrors[0].message, new RegExp(`already revoked at .* by token:${adminId}`));

    const listed = async (all: boolean) => ((await gw.gql(LIST, { all }, { token: adminToken })).data.apiTokens.nodes as { prefix: string }[]).map((t) => t.prefix);
    assert.ok(!(await listed(false)).includes(botPrefix));
    assert.ok((await listed(true)).includes(botPrefix));
  });

  test('an expired token is refused with 401', async () => {
    // A real expiry a moment away, so the verifier's cache of recently verified tokens is
    // exercised too (a row edited behind the gateway's back is only honoured within its cache time).
    const out = await create({ name: 'short-lived', grants: [{ role: 'VIEWER' }], expiresAt: new Date(Date.now() + 5_000).toISOString() }, adminToken);
    assert.deepEqual(out.userErrors, []);
    assert.equal((await asBearer(out.token!)).status, 200);
    const deadline = Date.now() + 20_000;
    let refused = await asBearer(out.token!);
    while (refused.status === 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      refused = await asBearer(out.token!);
    }
    assert.equal(refused.status, 401);
    assert.equal(refused.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.equal(refused.body.errors[0].extensions.reason, 'expired_token');
  });

  test('unknown tokens are refused: a made-up one, and a real prefix with another secret', async () => {
    const madeUp = `sgw_AAAAAAAA_${'A'.repeat(43)}`;
    const forged = `${adminToken.slice(0, 13)}${'B'.repeat(43)}`;
    for (const token of [madeUp, forged]) {
      const res = await asBearer(token);
      assert.equal(res.status, 401);
      assert.equal(res.body.errors[0].extensions.reason, 'unknown_token');
    }
    assert.equal((await asBearer(adminToken)).status, 200);
  });

  test('`npm run token:create` refuses bad input with exit 2 and the reasons, creating nothing', async () => {
    const n = await count();
    process.env.GATEWAY_CONFIG = path.join(tmp, 'config-max30.json');
    let r;
    try {
      r = await b.npm('token:create', ['--name', '', '--grant', 'superuser', '--grant', 'viewer@atlantis']);
    } finally {
      process.env.GATEWAY_CONFIG = path.join(tmp, 'config.json');
    }
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /--name: The token needs a name/);
    assert.match(r.stderr, /--grant superuser: "superuser" is not a role/);
    assert.match(r.stderr, /--grant viewer@atlantis: .*"atlantis" \(known: nowhere, elsewhere\)/);
    assert.match(r.stderr, /expire within 30 days \(auth.maxTokenDays\): give --expires-in-days/);
    assert.equal(await count(), n);
  });

  test('`npm run token:revoke` revokes by prefix and `token:list` shows it revoked by cli', async () => {
    const out = await create({ name: 'cli-revoked', grants: [{ role: 'AUDITOR' }] }, adminToken);
    const prefix = out.apiToken!.prefix as string;
    const r = await b.npm('token:revoke', [prefix]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`revoked ${out.apiToken!.id}\\t${prefix}\\t"cli-revoked"`));
    assert.equal((await asBearer(out.token!)).status, 401);
    const stored = (await row(prefix))!;
    assert.equal(stored.revoked_by, 'cli');
    const list = await b.npm('token:list', ['--all']);
    assert.equal(list.code, 0, list.stderr);
    const line = list.stdout.split('\n').find((l) => l.includes(prefix));
    assert.match(line ?? '', /\tauditor\trevoked .* by cli\t/);
    assert.ok(!list.stdout.includes(out.token!.slice(13)), 'the list shows no secret');
  });

  test('a token never outlives the API token that made it: no expiry asked gets the creator\'s, a later one is refused', async () => {
    const parent = await create({ name: 'two-day-admin', grants: [{ role: 'ADMIN' }], expiresInDays: 2 }, adminToken);
    assert.deepEqual(parent.userErrors, []);
    const parentExpiry = parent.apiToken!.expiresAt as string;
    const n = await count();
    const later: [Record<string, unknown>, string][] = [
      [{ expiresInDays: 3 }, 'expiresInDays'],
      [{ expiresAt: new Date(new Date(parentExpiry).getTime() + 3_600_000).toISOString() }, 'expiresAt'],
    ];
    for (const [expiry, field] of later) {
      const out = await create({ name: 'outliver', grants: [{ role: 'VIEWER' }], ...expiry }, parent.token!);
      assert.equal(out.token, null);
      assert.deepEqual(out.userErrors.map((e) => [e.field, e.code]), [[['input', field], 'INVALID_VALUE']]);
      assert.match(out.userErrors[0]!.message, new RegExp(`is later than ${parentExpiry.replace(/[.]/g, '\\.')}, when the token creating it expires`));
    }
    assert.equal(await count(), n);
    const inherited = await create({ name: 'no-expiry-asked', grants: [{ role: 'VIEWER' }] }, parent.token!);
    assert.deepEqual(inherited.userErrors, []);
    assert.equal(inherited.apiToken!.expiresAt, parentExpiry);
    assert.equal(new Date((await row(inherited.apiToken!.prefix))!.expires_at!).toISOString(), parentExpiry);
    const shorter = await create({ name: 'one-day', grants: [{ role: 'VIEWER' }], expiresInDays: 1 }, parent.token!);
    assert.deepEqual(shorter.userErrors, []);
    assert.ok(new Date(shorter.apiToken!.expiresAt).getTime() < new Date(parentExpiry).getTime());
    // A token made by the CLI's admin token (no expiry) or an OIDC caller may still have none.
    const unlimited = await create({ name: 'forever', grants: [{ role: 'VIEWER' }] }, adminToken);
    assert.equal(unlimited.apiToken!.expiresAt, null);
  });

  test('revoking a token revokes every token it created, transitively, and only those', async () => {
    const q = `mutation($input: ApiTokenRevokeInput!) { apiTokenRevoke(input: $input) { apiToken { id revokedBy } alsoRevoked { id name revokedAt revokedBy } userErrors { code } } }`;
    const parent = await create({ name: 'tree-root', grants: [{ role: 'ADMIN' }] }, adminToken);
    const child = await create({ name: 'tree-child', grants: [{ role: 'DEPLOYER' }] }, parent.token!);
    const grandchild = await create({ name: 'tree-grandchild', grants: [{ role: 'VIEWER' }] }, child.token!);
    const sibling = await create({ name: 'tree-sibling', grants: [{ role: 'VIEWER' }] }, adminToken);
    assert.equal(child.apiToken!.createdBy, parent.apiToken!.id);
    assert.equal(grandchild.apiToken!.createdBy, child.apiToken!.id);
    // The sibling comes from the CLI's admin token, not from tree-root.
    assert.equal(sibling.apiToken!.createdBy, adminId);
    for (const t of [parent, child, grandchild, sibling]) assert.equal((await asBearer(t.token!)).status, 200);

    const res = await gw.gql(q, { input: { id: parent.apiToken!.id } }, { token: adminToken });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const out = res.data.apiTokenRevoke;
    assert.deepEqual(out.userErrors, []);
    assert.deepEqual(out.alsoRevoked.map((t: { name: string }) => t.name), ['tree-child', 'tree-grandchild']);
    for (const t of out.alsoRevoked) assert.equal(t.revokedBy, `token:${adminId}`);
    for (const t of [parent, child, grandchild]) {
      const refused = await asBearer(t.token!);
      assert.equal(refused.status, 401, t.apiToken!.name as string);
      assert.equal(refused.body.errors[0].extensions.reason, 'revoked_token');
      assert.ok((await row(t.apiToken!.prefix))!.revoked_at);
    }
    assert.equal((await asBearer(sibling.token!)).status, 200, 'a token the revoked one did not create keeps working');
    const [outcome] = await b.sql<{ object_ids: string[] }>(
      "SELECT object_ids FROM audit_records WHERE operation = 'apiTokenRevoke' AND kind = 'outcome' AND target = $1",
      [parent.apiToken!.id],
    );
    assert.deepEqual(outcome!.object_ids, [parent.apiToken!.id, child.apiToken!.id, grandchild.apiToken!.id]);
  });

  test('a label-scoped deployer makes its team\'s bot tokens without an admin, within its grants; escalation stays refused', async () => {
    const team = await tokenFor(['deployer:team=payments'], { subject: 'payments-lead' });
    const payments = [{ key: 'team', value: 'payments' }];
    for (const role of ['VIEWER', 'OPERATOR', 'DEPLOYER']) {
      const out = await create({ name: `payments-${role.toLowerCase()}-bot`, grants: [{ role, labels: payments }], expiresInDays: 30 }, team);
      assert.deepEqual(out.userErrors, [], role);
      assert.equal(out.apiToken!.owner, 'oidc:payments-lead');
      assert.equal(out.apiToken!.createdBy, null, 'an OIDC caller is no API token');
      assert.equal((await asBearer(out.token!)).status, 200);
    }
    const n = await count();
    const refused: [Record<string, unknown>, string][] = [
      [{ role: 'ADMIN', labels: payments }, 'admin:team=payments'],
      [{ role: 'DEPLOYER' }, 'deployer'],
      [{ role: 'OPERATOR', labels: [{ key: 'team', value: 'billing' }] }, 'operator:team=billing'],
      [{ role: 'AUDITOR' }, 'auditor'],
    ];
    for (const [grant, named] of refused) {
      const out = await create({ name: 'team-escalation', grants: [grant] }, team);
      assert.deepEqual(out.userErrors.map((e) => [e.field, e.code]), [[['input', 'grants', '0'], 'ESCALATION']], named);
      assert.ok(out.userErrors[0]!.message.startsWith(`Grant ${named} goes beyond your own grants (deployer:team=payments)`), out.userErrors[0]!.message);
    }
    assert.equal(await count(), n);
    // The team lists and revokes its own bots, and sees no one else's tokens.
    const listed = ((await gw.gql(LIST, {}, { token: team })).data.apiTokens.nodes as { name: string; prefix: string }[]).map((t) => t.name);
    assert.deepEqual(listed.filter((name) => name.startsWith('payments-') && name.endsWith('-bot')).sort(), ['payments-deployer-bot', 'payments-operator-bot', 'payments-viewer-bot']);
    assert.ok(!listed.includes('ops-admin') && !listed.includes('forever'), listed.join(','));
    const viewerBot = ((await gw.gql(LIST, {}, { token: team })).data.apiTokens.nodes as { name: string; id: string }[]).find((t) => t.name === 'payments-viewer-bot')!;
    const revoked = await gw.gql(REVOKE, { id: viewerBot.id }, { token: team });
    assert.deepEqual(revoked.data.apiTokenRevoke.userErrors, []);
    assert.equal(revoked.data.apiTokenRevoke.apiToken.revokedBy, 'oidc:payments-lead');
    // An operator still cannot mint tokens at all.
    const operator = await gw.gql(CREATE, { input: { name: 'x', grants: [{ role: 'VIEWER', labels: payments }] } }, { token: await tokenFor(['operator:team=payments']) });
    assert.equal(operator.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('api tokens without a database', () => {
  let gw: TestGateway;
  before(async () => {
    gw = await startGateway(parseConfig(RAW_CONFIG));
  });
  after(async () => {
    await gw?.stop();
  });

  test('whoami works; apiTokens and apiTokenCreate say the database is missing', async () => {
    const who = await gw.gql(WHOAMI);
    assert.equal(who.data.whoami.kind, 'OIDC');
    const list = await gw.gql(LIST);
    assert.equal(list.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE');
    assert.match(list.errors![0]!.message, /API tokens are kept in the gateway's database, and this gateway runs without one/);
    const made = await gw.gql(CREATE, { input: { name: 'x', grants: [{ role: 'VIEWER' }] } });
    assert.equal(made.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE');
  });
});
