// Starts the gateway in-process against engines the test started itself, and sends
// GraphQL over HTTP with supertest, as a client would.
import pino from 'pino';
import supertest from 'supertest';
import { parseConfig, type GatewayConfig } from '../../src/config/config.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/http/app.ts';
import type { SwarmState } from './swarm.ts';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface TestGateway {
  gateway: Gateway;
  config: GatewayConfig;
  http: ReturnType<typeof supertest>;
  /** POSTs a GraphQL operation and returns the parsed body with the HTTP status. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
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

export async function startGateway(config: GatewayConfig, options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const logger = pino({ level: process.env.GATEWAY_TEST_LOG ?? 'silent' });
  const gateway = await createGateway(config, { logger, ...options });
  const http = supertest(gateway.app);
  return {
    gateway,
    config,
    http,
    async gql(query, variables) {
      const res = await http.post('/graphql').set('content-type', 'application/json').send({ query, variables });
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
