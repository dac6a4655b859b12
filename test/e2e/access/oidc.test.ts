// OIDC bearer tokens as an attacker and as an operator meet them. Every bad token (expired,
// not yet valid, wrong issuer or audience, `alg: none`, HS256 signed with the public key,
// unknown key, forged or tampered signature) is answered 401 with a WWW-Authenticate
// challenge, leaves exactly one `auth_failed` audit record naming the reason and the
// claimed subject, and never reaches the engine (a fake engine counts what it is asked).
// Also: the clock tolerance, no credentials, a malformed header, anonymous read, and
// subscriptions over graphql-ws; then (without a database) keys from a JWKS URL with key
// rotation, and claims mapped to grants. The audit log is real PostgreSQL and PGlite.
import assert from 'node:assert/strict';
import { createHmac, createPublicKey, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import pino from 'pino';
import supertest from 'supertest';
import WebSocket from 'ws';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { parseConfig, type GatewayConfig } from '../../../src/config/config.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { forEachBackend, type AuditBackend } from '../../support/audit-backends.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';
import { TEST_AUDIENCE, TEST_ISSUER, TEST_JWKS_FILE, TEST_KID, TEST_PUBLIC_JWK, tokenFor } from '../../support/identity.ts';

const SCALE = 'mutation { serviceScale(input: { id: "payments-api", replicas: 0 }) { service { id } userErrors { code } } }';
const INVALID_TOKEN_CHALLENGE = /^Bearer realm="swarm-gateway", error="invalid_token", error_description="[ -!#-[\]-~]+"$/;

// ---------------------------------------------------------------------------------------
// Helpers: a fake engine, requests with a known request ID, hand-made tokens.

interface FakeEngine {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** An HTTP server on a unix socket standing in for the Engine: it records every request and knows no services. */
async function fakeEngine(): Promise<FakeEngine> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-fake-engine-'));
  const socket = path.join(dir, 'docker.sock');
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url?.startsWith('/services?') || req.url === '/services') json(200, []);
    else json(404, { message: 'no such object' });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return {
    url: `unix://${socket}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// No watched state: this engine has no events stream, and every request it records must be one a caller's request caused.
const configOn = (engineUrl: string, auth: Record<string, unknown> = {}): GatewayConfig =>
  parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engineUrl }] }], logLevel: 'silent', engine: { timeoutMs: 2000, watch: { enabled: false } }, auth });

interface Sent {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
  challenge: string | undefined;
  requestId: string;
}

/** POSTs a GraphQL operation with exactly the Authorization header given (none for null), under a fresh request ID. */
async function send(gw: TestGateway, query: string, authorization: string | null): Promise<Sent> {
  const requestId = `oidc-test-${randomUUID()}`;
  let req = supertest(gw.gateway.app).post('/graphql').set('content-type', 'application/json').set('x-request-id', requestId);
  if (authorization !== null) req = req.set('authorization', authorization);
  const res = await req.send({ query });
  return { status: res.status, body: res.body, challenge: res.headers['www-authenticate'], requestId };
}

interface AuditRow {
  kind: string;
  principal: string;
  operation: string;
  error_code: string | null;
  decision: Record<string, unknown> | null;
}

const rowsOf = (b: AuditBackend, requestId: string) =>
  b.sql<AuditRow>('SELECT kind, principal, operation, error_code, decision FROM audit_records WHERE request_id = $1 ORDER BY seq', [requestId]);
const recordCount = async (b: AuditBackend) => Number((await b.sql<{ n: string }>('SELECT count(*)::text AS n FROM audit_records'))[0]!.n);

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
/** Claims that would make an admin if the token were trusted. */
const adminClaims = (sub: string) => ({ sub, iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now(), exp: now() + 600, sg_grants: ['admin'] });

/** `alg: none`: a header, the claims, and an empty signature. */
function unsignedToken(alg: string, sub: string): string {
  return `${b64url({ alg, typ: 'JWT' })}.${b64url(adminClaims(sub))}.`;
}

/** HS256 keyed with public material (the old RS/ES-to-HS confusion attack), by hand since jose refuses asymmetric keys for HMAC. */
function hmacToken(secret: string | Buffer, sub: string): string {
  const signingInput = `${b64url({ alg: 'HS256', typ: 'JWT', kid: TEST_KID })}.${b64url(adminClaims(sub))}`;
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
}

/** A key pair the gateway does not trust, and tokens it signs. */
const attacker = await generateKeyPair('ES256', { extractable: true });
const attackerJwk = await exportJWK(attacker.publicKey);
function signedBy(key: CryptoKey, header: Record<string, unknown>, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT', ...header }).sign(key);
}

const publicKeyPem = createPublicKey({ key: TEST_PUBLIC_JWK as JWK & { kty: string }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string;

interface BadToken {
  what: string;
  reason: string;
  /** The `sub` the token claims; the audit record carries it, unverified. */
  subject: string | undefined;
  token: () => Promise<string>;
}

const BAD_TOKENS: BadToken[] = [
  { what: 'expired an hour ago', reason: 'expired_token', subject: 'mallory-expired', token: () => tokenFor(['admin'], { subject: 'mallory-expired', expiresIn: -3600 }) },
  { what: 'expired 60 s ago (beyond the 30 s tolerance)', reason: 'expired_token', subject: 'mallory-late', token: () => tokenFor(['admin'], { subject: 'mallory-late', expiresIn: -60 }) },
  { what: 'not valid for another hour', reason: 'not_yet_valid', subject: 'mallory-early', token: () => tokenFor(['admin'], { subject: 'mallory-early', notBefore: 3600 }) },
  { what: 'from another issuer', reason: 'wrong_issuer', subject: 'mallory-iss', token: () => tokenFor(['admin'], { subject: 'mallory-iss', issuer: 'https://idp.evil.invalid' }) },
  { what: 'for another audience', reason: 'wrong_audience', subject: 'mallory-aud', token: () => tokenFor(['admin'], { subject: 'mallory-aud', audience: 'some-other-service' }) },
  { what: 'alg: none with an empty signature', reason: 'algorithm_not_allowed', subject: 'mallory-none', token: async () => unsignedToken('none', 'mallory-none') },
  { what: 'alg: NONE (other spelling)', reason: 'algorithm_not_allowed', subject: 'mallory-NONE', token: async () => unsignedToken('NONE', 'mallory-NONE') },
  { what: 'HS256 keyed with the public key as PEM', reason: 'algorithm_not_allowed', subject: 'mallory-hs-pem', token: async () => hmacToken(publicKeyPem, 'mallory-hs-pem') },
  { what: 'HS256 keyed with the public key as JWK text', reason: 'algorithm_not_allowed', subject: 'mallory-hs-jwk', token: async () => hmacToken(JSON.stringify(TEST_PUBLIC_JWK), 'mallory-hs-jwk') },
  { what: 'HS256 keyed with the JWKS document as served', reason: 'algorithm_not_allowed', subject: 'mallory-hs-jwks', token: async () => hmacToken(readFileSync(TEST_JWKS_FILE), 'mallory-hs-jwks') },
  { what: 'signed by the trusted key but naming an unknown kid', reason: 'unknown_key', subject: 'mallory-kid', token: () => tokenFor(['admin'], { subject: 'mallory-kid', kid: 'sg-test-key-unknown' }) },
  { what: 'signed by an untrusted key with its own kid', reason: 'unknown_key', subject: 'mallory-own-kid', token: () => signedBy(attacker.privateKey, { kid: 'attacker-key' }, adminClaims('mallory-own-kid')) },
  { what: 'signed by an untrusted key claiming the trusted kid', reason: 'bad_signature', subject: 'mallory-forged', token: () => signedBy(attacker.privateKey, { kid: TEST_KID }, adminClaims('mallory-forged')) },
  { what: 'signed by an untrusted key embedded in its header (jwk)', reason: 'bad_signature', subject: 'mallory-embedded', token: () => signedBy(attacker.privateKey, { jwk: attackerJwk }, adminClaims('mallory-embedded')) },
  {
    what: 'a viewer token whose claims were changed to admin',
    reason: 'bad_signature',
    subject: 'mallory-tampered',
    token: async () => {
      const [header, , signature] = (await tokenFor(['viewer'], { subject: 'mallory-tampered' })).split('.');
      return `${header}.${b64url(adminClaims('mallory-tampered'))}.${signature}`;
    },
  },
  { what: 'not a JWT at all', reason: 'malformed_token', subject: undefined, token: async () => 'not-a-jwt' },
];

// ---------------------------------------------------------------------------------------

forEachBackend('oidc', (b) => {
  let log: AuditLog;
  let spoolDir: string;
  let engine: FakeEngine;
  let gw: TestGateway;
  /** The same, with anonymous read access (viewer) configured. */
  let anon: TestGateway;

  before(async () => {
    engine = await fakeEngine();
    const config = configOn(engine.url);
    spoolDir = mkdtempSync(path.join(tmpdir(), 'sg-oidc-'));
    log = await startAuditLog({ database: b.db(), registry: new EngineRegistry(config), settings: config.audit, dataDir: spoolDir, logger: pino({ level: 'silent' }) });
    gw = await startGateway(config, { database: b.db(), audit: log.writer });
    anon = await startGateway(configOn(engine.url, { anonymousGrants: ['viewer'] }), { database: b.db(), audit: log.writer });
  });

  after(async () => {
    await anon?.stop();
    await gw?.stop();
    await log?.stop();
    await engine?.close();
    if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
  });

  test('the fake engine sees what reaches it (control): a trusted admin token scaling a service gets there', async () => {
    const seen = engine.requests.length;
    const res = await send(gw, SCALE, gw.adminAuthorization);
    assert.equal(res.status, 200);
    assert.ok(engine.requests.length > seen, 'the admin request reached the engine');
  });

  for (const bad of BAD_TOKENS) {
    test(`refused, audited, engine untouched: ${bad.what} -> ${bad.reason}`, async () => {
      const token = await bad.token();
      const recordsBefore = await recordCount(b);
      const engineBefore = engine.requests.length;

      const res = await send(gw, SCALE, `Bearer ${token}`);

      assert.equal(res.status, 401);
      assert.equal(res.body.data, undefined);
      assert.equal(res.body.errors?.length, 1);
      assert.equal(res.body.errors[0]!.extensions?.code, 'UNAUTHENTICATED');
      assert.equal(res.body.errors[0]!.extensions?.reason, bad.reason);
      assert.match(res.challenge ?? '', INVALID_TOKEN_CHALLENGE);

      const rows = await rowsOf(b, res.requestId);
      assert.equal(rows.length, 1, 'exactly one record for the request');
      assert.equal(await recordCount(b), recordsBefore + 1, 'and nothing else was written');
      const [row] = rows;
      assert.equal(row!.kind, 'auth_failed');
      assert.equal(row!.principal, 'unauthenticated');
      assert.equal(row!.operation, 'serviceScale');
      assert.equal(row!.error_code, 'UNAUTHENTICATED');
      assert.equal(row!.decision?.allowed, false);
      assert.equal(row!.decision?.reason, bad.reason);
      assert.equal(row!.decision?.claimedSubject, bad.subject);
      assert.deepEqual(engine.requests.slice(engineBefore), [], 'the engine was never asked');
    });
  }

  test('within the clock tolerance (30 s): expired 10 s ago, or valid from 10 s from now, is accepted', async () => {
    for (const [subject, opts] of [['late-by-10', { expiresIn: -10 }], ['early-by-10', { notBefore: 10 }]] as const) {
      const res = await send(gw, '{ whoami { id } }', `Bearer ${await tokenFor(['viewer'], { subject, ...opts })}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.data, { whoami: { id: `oidc:${subject}` } });
    }
  });

  test('no credentials: 401 with the bare challenge (no error attribute), audited as missing_credentials', async () => {
    const res = await send(gw, SCALE, null);
    assert.equal(res.status, 401);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal(res.challenge, 'Bearer realm="swarm-gateway"');
    const rows = await rowsOf(b, res.requestId);
    assert.deepEqual(rows.map((r) => [r.kind, r.decision?.reason]), [['auth_failed', 'missing_credentials']]);
  });

  test('no credentials on GET /graphql and /audit/export: 401 too', async () => {
    const get = await supertest(gw.gateway.app).get('/graphql').query({ query: '{ whoami { id } }' });
    assert.equal(get.status, 401);
    assert.equal(get.headers['www-authenticate'], 'Bearer realm="swarm-gateway"');
    const exp = await supertest(gw.gateway.app).get('/audit/export').set('x-request-id', `oidc-test-${randomUUID()}`);
    assert.equal(exp.status, 401);
    assert.equal(exp.headers['www-authenticate'], 'Bearer realm="swarm-gateway"');
    const rows = await rowsOf(b, exp.headers['x-request-id']!);
    assert.deepEqual(rows.map((r) => [r.kind, r.operation, r.decision?.reason]), [['auth_failed', '/audit/export', 'missing_credentials']]);
  });

  test('a header that is not `Bearer <token>` (Basic): 401 invalid_request, audited as malformed_header', async () => {
    const res = await send(gw, SCALE, 'Basic YWRtaW46YWRtaW4=');
    assert.equal(res.status, 401);
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.match(res.challenge ?? '', /^Bearer realm="swarm-gateway", error="invalid_request", error_description="[^"]+"$/);
    const rows = await rowsOf(b, res.requestId);
    assert.deepEqual(rows.map((r) => [r.kind, r.decision?.reason]), [['auth_failed', 'malformed_header']]);
  });

  describe('anonymous read (auth.anonymousGrants: ["viewer"])', () => {
    test('no credentials: reads run as `anonymous` with the viewer grant', async () => {
      const seen = engine.requests.length;
      const res = await send(anon, '{ whoami { id kind name grants { text } } services(first: 5) { totalCount } }', null);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(res.body.data, { whoami: { id: 'anonymous', kind: 'ANONYMOUS', name: null, grants: [{ text: 'viewer' }] }, services: { totalCount: 0 } });
      assert.ok(engine.requests.slice(seen).some((r) => r.startsWith('GET /services')), 'the read reached the engine');
    });

    test('no credentials: a mutation is FORBIDDEN, audited as denied for `anonymous`, and the engine is not asked', async () => {
      const seen = engine.requests.length;
      const res = await send(anon, SCALE, null);
      assert.equal(res.status, 200);
      assert.equal(res.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const rows = await rowsOf(b, res.requestId);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.kind, 'denied');
      assert.equal(rows[0]!.principal, 'anonymous');
      assert.equal(rows[0]!.error_code, 'FORBIDDEN');
      assert.deepEqual(rows[0]!.decision, { allowed: false, permission: 'Mutation.serviceScale', reason: 'needs role operator or deployer or admin' });
      assert.deepEqual(engine.requests.slice(seen), []);
    });

    test('no credentials: what a viewer may not read (the audit log) is FORBIDDEN', async () => {
      const res = await send(anon, '{ auditRecords(first: 1) { totalCount } }', null);
      assert.equal(res.body.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    });

    test('credentials that are sent are still checked: a bad token is 401, not anonymous', async () => {
      const res = await send(anon, '{ whoami { id } }', `Bearer ${await tokenFor(['viewer'], { expiresIn: -3600 })}`);
      assert.equal(res.status, 401);
      assert.match(res.challenge ?? '', INVALID_TOKEN_CHALLENGE);
      const basic = await send(anon, '{ whoami { id } }', 'Basic YWRtaW46YWRtaW4=');
      assert.equal(basic.status, 401);
    });

    test('a real token on the anonymous gateway is its own principal', async () => {
      const res = await send(anon, '{ whoami { id kind } }', `Bearer ${await tokenFor(['operator'], { subject: 'olga' })}`);
      assert.deepEqual(res.body.data, { whoami: { id: 'oidc:olga', kind: 'OIDC' } });
    });
  });

  describe('subscriptions (graphql-ws)', () => {
    let url: string;

    before(async () => {
      await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
      url = `ws://127.0.0.1:${(gw.gateway.httpServer.address() as AddressInfo).port}/graphql`;
    });

    /** Opens a connection; resolves with `connected`, or the close code when the gateway refuses it. */
    function connect(opts: { connectionParams?: Record<string, unknown>; header?: string }): Promise<'connected' | number> {
      const header = opts.header;
      const impl = header
        ? class extends WebSocket {
            constructor(address: string, protocols?: string | string[]) {
              super(address, protocols, { headers: { authorization: header } });
            }
          }
        : WebSocket;
      return new Promise((resolve) => {
        const client = createClient({
          url,
          webSocketImpl: impl,
          retryAttempts: 0,
          lazy: false,
          connectionParams: opts.connectionParams,
          onNonLazyError: () => {},
          on: {
            connected: () => {
              resolve('connected');
              void client.dispose();
            },
            closed: (event) => resolve((event as { code: number }).code),
          },
        });
      });
    }

    const connectionRecords = () =>
      b.sql<AuditRow>("SELECT kind, principal, operation, error_code, decision FROM audit_records WHERE operation = '(subscription connection)' ORDER BY seq");

    test('without a token the socket is closed with 4403 and the attempt audited', async () => {
      const before = (await connectionRecords()).length;
      assert.equal(await connect({}), 4403);
      const rows = (await connectionRecords()).slice(before);
      assert.deepEqual(rows.map((r) => [r.kind, r.principal, r.error_code, r.decision?.reason]), [['auth_failed', 'unauthenticated', 'UNAUTHENTICATED', 'missing_credentials']]);
    });

    test('with a refused token (connection_init payload) the socket is closed with 4403 and the reason audited', async () => {
      const before = (await connectionRecords()).length;
      const token = await tokenFor(['admin'], { subject: 'mallory-ws', expiresIn: -3600 });
      assert.equal(await connect({ connectionParams: { authorization: `Bearer ${token}` } }), 4403);
      const rows = (await connectionRecords()).slice(before);
      assert.deepEqual(rows.map((r) => [r.kind, r.decision?.reason, r.decision?.claimedSubject]), [['auth_failed', 'expired_token', 'mallory-ws']]);
    });

    test('with a token, in the connection_init payload or the upgrade request\'s header, the connection is accepted', async () => {
      assert.equal(await connect({ connectionParams: { authorization: gw.adminAuthorization } }), 'connected');
      assert.equal(await connect({ header: gw.adminAuthorization }), 'connected');
    });

    test('a connected principal without the role is FORBIDDEN on the subscription, and that is audited', async () => {
      const auditor = `Bearer ${await tokenFor(['auditor'], { subject: 'audrey' })}`;
      const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: auditor } });
      try {
        const outcome = await new Promise<{ code?: string }>((resolve) => {
          client.subscribe(
            { query: 'subscription { events { type action } }' },
            {
              next: (result) => resolve({ code: (result.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code }),
              error: (err) => resolve({ code: (Array.isArray(err) ? (err[0] as { extensions?: { code?: string } }).extensions?.code : String(err)) }),
              complete: () => resolve({}),
            },
          );
        });
        assert.equal(outcome.code, 'FORBIDDEN');
      } finally {
        await client.dispose();
      }
      const rows = await b.sql<AuditRow>("SELECT kind, principal, operation, error_code, decision FROM audit_records WHERE principal = 'oidc:audrey'");
      assert.deepEqual(rows.map((r) => [r.kind, r.operation, r.error_code, r.decision?.reason]), [['denied', 'events', 'FORBIDDEN', 'needs role viewer or operator or deployer or admin']]);
    });
  });
});

// ---------------------------------------------------------------------------------------

describe('OIDC keys from a JWKS URL, key rotation, and claims mapped to grants', () => {
  let jwksServer: http.Server;
  let served: JWK[];
  let fetches = 0;
  let gw: TestGateway;

  before(async () => {
    served = [TEST_PUBLIC_JWK];
    jwksServer = http.createServer((_req, res) => {
      fetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
    const config = parseConfig({
      clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }],
      logLevel: 'silent',
      engine: { timeoutMs: 500 },
      auth: {
        oidc: {
          issuer: TEST_ISSUER,
          audience: TEST_AUDIENCE,
          jwksUrl,
          algorithms: ['ES256'],
          clockToleranceSeconds: 30,
          nameClaim: 'preferred_username',
          claimMappings: [
            { claim: 'groups', value: 'payments-devs', grants: ['deployer:team=payments'] },
            { claim: 'groups', value: 'sre', grants: ['operator@nowhere'] },
            { claim: 'realm_access.roles', value: 'gateway-admin', grants: ['admin'] },
          ],
        },
      },
    });
    gw = await startGateway(config);
  });

  after(async () => {
    await gw?.stop();
    if (jwksServer) await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
  });

  const asUser = async (query: string, token: string) => gw.gql(query, undefined, { token });
  const userToken = (subject: string, claims: Record<string, unknown>) => tokenFor([], { subject, extraClaims: { preferred_username: subject, ...claims } });

  test('keys are fetched from the URL once and cached', async () => {
    const first = await asUser('{ whoami { id } }', await userToken('ursula', { groups: ['sre'] }));
    assert.deepEqual(first.data, { whoami: { id: 'oidc:ursula' } });
    const second = await asUser('{ whoami { id } }', await userToken('ursula', { groups: ['sre'] }));
    assert.deepEqual(second.data, { whoami: { id: 'oidc:ursula' } });
    assert.equal(fetches, 1);
  });

  test('rotation: a new key added to the JWKS is picked up once jose may refetch (at most every 30 s)', async (t) => {
    const next = await generateKeyPair('ES256');
    const kid = 'sg-test-key-2';
    served = [TEST_PUBLIC_JWK, { ...(await exportJWK(next.publicKey)), kid, alg: 'ES256', use: 'sig' }];
    const rotated = await signedBy(next.privateKey, { kid }, { ...adminClaims('rita'), groups: ['sre'], preferred_username: 'rita' });

    // Just after a fetch jose does not refetch for an unknown kid (its 30 s cooldown): refused.
    const early = await asUser('{ whoami { id } }', rotated);
    assert.equal(early.status, 401);
    assert.equal((early.errors?.[0]?.extensions as { reason?: string } | undefined)?.reason, 'unknown_key');
    assert.equal(fetches, 1);

    // 31 s later (jose reads Date.now for its cache; token times use new Date(), still real), the kid triggers a refetch.
    const realNow = Date.now.bind(Date);
    t.mock.method(Date, 'now', () => realNow() + 31_000);
    const later = await asUser('{ whoami { id } }', rotated);
    assert.deepEqual(later.data, { whoami: { id: 'oidc:rita' } }, JSON.stringify(later.errors));
    assert.equal(fetches, 2);
    // The old key still works while it is served.
    const old = await asUser('{ whoami { id } }', await userToken('ursula', { groups: ['sre'] }));
    assert.deepEqual(old.data, { whoami: { id: 'oidc:ursula' } });
  });

  test('a `groups` array holding a mapped value gets that value\'s grants, and only what they allow', async () => {
    const token = await userToken('paula', { groups: ['unrelated', 'payments-devs'] });
    const who = await asUser('{ whoami { id kind name grants { text role clusters labels { key value } } } }', token);
    assert.deepEqual(who.data, {
      whoami: { id: 'oidc:paula', kind: 'OIDC', name: 'paula', grants: [{ text: 'deployer:team=payments', role: 'DEPLOYER', clusters: null, labels: [{ key: 'team', value: 'payments' }] }] },
    });
    // Nodes concern the whole cluster: a label-scoped grant does not reach them.
    const nodes = await asUser('{ nodes { totalCount } }', token);
    assert.equal(nodes.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('several mapped groups add up', async () => {
    const who = await asUser('{ whoami { grants { text } } }', await userToken('sam', { groups: ['sre', 'payments-devs'] }));
    assert.deepEqual(who.data?.whoami.grants.map((g: { text: string }) => g.text).sort(), ['deployer:team=payments', 'operator@nowhere']);
  });

  test('a dotted-path claim (realm_access.roles) is mapped too', async () => {
    const who = await asUser('{ whoami { grants { text } } }', await userToken('ada', { realm_access: { roles: ['gateway-admin'] } }));
    assert.deepEqual(who.data, { whoami: { grants: [{ text: 'admin' }] } });
  });

  test('an unmapped group authenticates but holds nothing: FORBIDDEN on everything', async () => {
    const token = await userToken('mark', { groups: ['marketing'], realm_access: { roles: ['marketing'] } });
    for (const query of ['{ whoami { id } }', '{ services { totalCount } }', '{ nodes { totalCount } }', SCALE]) {
      const res = await asUser(query, token);
      assert.equal(res.status, 200, query);
      assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN', query);
    }
  });
});
