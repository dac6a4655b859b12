// Starts the gateway in-process against engines the test started itself, and sends
// GraphQL over HTTP with supertest, as a client would.
import pino from 'pino';
import supertest from 'supertest';
import { oidcSchema } from '../../src/config/access-config.ts';
import { parseConfig, type GatewayConfig } from '../../src/config/config.ts';
import { EngineRegistry } from '../../src/docker/registry.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/app.ts';
import { testOidcConfig, tokenFor } from './identity.ts';
import type { SwarmState } from './swarm.ts';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface GqlOptions {
  /** A bearer token to send instead of the default admin one; null sends no credentials. */
  token?: string | null;
  /** Sends `Cache-Control: no-cache`: the request reads the engine, not the watched state. */
  fresh?: boolean;
}

export interface TestGateway {
  gateway: Gateway;
  config: GatewayConfig;
  /** Supertest agent; every request carries the admin token unless a test sets another Authorization. */
  http: ReturnType<typeof supertest.agent>;
  /** `Bearer <token>` of an unscoped admin, valid for the whole test run. */
  adminAuthorization: string;
  /** POSTs a GraphQL operation (as the admin, or with `options.token`) and returns the parsed body with the HTTP status. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The config with the test identity provider trusted (unless the test configured OIDC
 * itself), so tokens from test/support/identity.ts authenticate.
 */
export function withTestIdentity(config: GatewayConfig): GatewayConfig {
  if (config.auth.oidc) return config;
  const oidc = oidcSchema.parse(testOidcConfig(config.clusters.map((c) => c.name)));
  return { ...config, auth: { ...config.auth, oidc } };
}

/** One cluster entry per swarm (its managers in order); every node also as a named engine `<hostname>`. */
export function configFor(swarms: SwarmState[], extra: { engines?: SwarmState[]; timeoutMs?: number } = {}): GatewayConfig {
  const clusters = swarms.map((s) => ({
    name: s.name,
    managers: s.nodes.filter((n) => n.role === 'manager').map((n) => ({ url: n.host })),
  }));
  const engines = [...swarms, ...(extra.engines ?? [])].flatMap((s) =>
    s.nodes.map((n) => ({ name: n.hostname, endpoint: { url: n.host }, ...(s.kind === 'swarm' ? { cluster: s.name } : {}) })),
  );
  return parseConfig({ clusters, engines, engine: { timeoutMs: extra.timeoutMs ?? 15_000 }, logLevel: 'silent' });
}

/** `Bearer <token>` of the unscoped admin `oidc:test-admin` (for a config passed through withTestIdentity), valid for the whole test run. */
export async function testAdminAuthorization(): Promise<string> {
  return `Bearer ${await tokenFor(['admin'], { subject: 'test-admin', expiresIn: 6 * 3600 })}`;
}

export async function startGateway(given: GatewayConfig, options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const config = withTestIdentity(given);
  const logger = pino({ level: process.env.GATEWAY_TEST_LOG ?? 'silent' });
  const gateway = await createGateway(config, { logger, registry: new EngineRegistry(config), ...options });
  const adminAuthorization = await testAdminAuthorization();
  const http = supertest.agent(gateway.app).set('authorization', adminAuthorization);
  const plain = supertest(gateway.app);
  return {
    gateway,
    config,
    http,
    adminAuthorization,
    async gql(query, variables, opts = {}) {
      // As a current GraphQL-over-HTTP client: request errors are then 4xx (with plain application/json they are 200).
      let req = plain.post('/graphql').set('content-type', 'application/json').set('accept', 'application/graphql-response+json, application/json;q=0.9');
      const token = opts.token === undefined ? adminAuthorization : opts.token === null ? null : `Bearer ${opts.token}`;
      if (token) req = req.set('authorization', token);
      if (opts.fresh) req = req.set('cache-control', 'no-cache');
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body.data, errors: res.body.errors };
    },
    stop: () => gateway.stop(),
  };
}

/** Fails with the GraphQL errors when there are any; returns `data`. */
export function expectData<T>(res: GqlResponse<T>): T {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Polls `check` until it returns a truthy value or the time is up. */
export async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
