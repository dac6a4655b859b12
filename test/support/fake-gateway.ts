// The real gateway, in-process, in front of a fake engine (fake-engine/server.ts): no
// root, no dockerd, fast enough for the unit suite. Tests send GraphQL as a client does,
// then check what the engine was asked (`engine.requests`), what the caller got back and
// what the audit log was told (`audit`).
import { readFileSync } from 'node:fs';
import { after, before, beforeEach } from 'node:test';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { parseConfig } from '../../src/config/config.ts';
import type { AuditIntent, AuditOutcome, AuditRefusal, AuditWriter } from '../../src/audit/audit-writer.ts';
import { startFakeEngine, type FakeEngine, type FakeEngineOptions } from './fake-engine/server.ts';
import { FakeSwarm } from './fake-engine/state.ts';
import { startGateway, type GqlOptions, type GqlResponse, type TestGateway } from './gateway.ts';
import { tokenFor } from './identity.ts';
import type { Rollouts } from '../../src/rollouts/rollouts.ts';
import type { CredentialVerifier } from '../../src/auth/authenticate.ts';
import pino, { type Logger } from 'pino';
import type { GatewayTracing } from '../../src/http/tracing/gateway-tracing.ts';
import { EngineRegistry } from '../../src/docker/registry.ts';
import { memoryRolloutStore } from '../../src/rollouts/memory-rollout-store.ts';
import { createRollouts } from '../../src/rollouts/rollout-service.ts';

export const FAKE_CLUSTER = 'fake';

/** What the audit writer was told, in order, kept in memory. */
export interface RecordingAudit extends AuditWriter {
  intents: (AuditIntent & { id: string })[];
  outcomes: (AuditOutcome & { intentId: string })[];
  refusals: (AuditIntent & AuditRefusal)[];
  sensitiveReads: AuditIntent[];
  /** The outcome recorded for the intent of `operation` (the last such intent). */
  outcomeOf(operation: string): (AuditOutcome & { intentId: string }) | undefined;
  clear(): void;
}

export function recordingAudit(): RecordingAudit {
  let seq = 0;
  const audit: RecordingAudit = {
    intents: [],
    outcomes: [],
    refusals: [],
    sensitiveReads: [],
    async intent(intent) {
      const id = `mem-${++seq}`;
      audit.intents.push({ ...intent, id });
      return id;
    },
    async outcome(intentId, outcome) {
      audit.outcomes.push({ ...outcome, intentId });
    },
    async sensitiveRead(intent) {
      audit.sensitiveReads.push(intent);
    },
    async refusal(intent, refusal) {
      audit.refusals.push({ ...intent, ...refusal });
    },
    outcomeOf(operation) {
      const intent = audit.intents.findLast((i) => i.operation === operation);
      return intent && audit.outcomes.find((o) => o.intentId === intent.id);
    },
    clear() {
      audit.intents.splice(0);
      audit.outcomes.splice(0);
      audit.refusals.splice(0);
      audit.sensitiveReads.splice(0);
    },
  };
  return audit;
}

export interface FakeGateway {
  engine: FakeEngine;
  /** The engines named in `options.engines`, by name. */
  engines: Record<string, FakeEngine>;
  audit: RecordingAudit;
  gateway: TestGateway;
  /** The gateway's rollout service (`options.rollouts` or the default one). */
  rollouts: Rollouts;
  /** Sends GraphQL as the unscoped admin, or as the holder of `options.token`. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResponse<T>>;
  /**
   * Sends `mutation { <field>(input: $input) { <selection> userErrors { field code message } } }`
   * (the input type's name read from schema.graphql) and returns the payload, or the
   * response when the field failed (a refusal, an engine error).
   */
  mutate(field: string, input: Record<string, unknown>, selection?: string, options?: GqlOptions): Promise<MutationAnswer>;
  /** A bearer token (without `Bearer `) holding these grant texts, e.g. `viewer`, `operator@fake:team=payments`. */
  tokenFor(...grants: string[]): Promise<string>;
  stop(): Promise<void>;
}

export interface MutationAnswer {
  /** The payload, or null when the field failed. */
  payload: Record<string, any> | null;
  /** `userErrors` of the payload (empty when the field failed). */
  userErrors: { field: string[] | null; code: string; message: string }[];
  /** The top-level errors' codes. */
  errorCodes: string[];
  response: GqlResponse;
}

let schema: GraphQLSchema | undefined;

function argumentType(root: 'Query' | 'Mutation', field: string, argument: string): string {
  schema ??= buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
  const arg = type?.getFields()[field]?.args.find((a) => a.name === argument);
  if (!arg) throw new Error(`${root}.${field} takes no ${argument}`);
  return String(arg.type);
}

/** The type of `Mutation.<field>`'s `input` argument, as schema.graphql names it. */
export const mutationInputType = (field: string): string => argumentType('Mutation', field, 'input');

/** The type of a query argument as schema.graphql declares it (`ID!` or `String!` for references). */
export const queryArgumentType = (field: string, argument: string): string => argumentType('Query', field, argument);

export interface FakeGatewayOptions extends FakeEngineOptions {
  /** Per-request Engine timeout (default 5 s). */
  timeoutMs?: number;
  /**
   * Serve reads from the watched cluster state (default off: these tests check what each
   * request asks the engine, and the fake engine's state is often changed behind its back).
   */
  watch?: boolean;
  /**
   * More named engines, each a fake engine of its own (default state: an engine outside any
   * swarm), configured with `cluster` (default: none), for swarmInit/swarmJoin, the
   * gateway bridge and containers on a worker.
   */
  engines?: { name: string; state?: FakeSwarm; cluster?: string }[];
  /** The rollout service the gateway uses (default: in memory, tracked only with `trackRollouts`). */
  rollouts?: Rollouts;
  /** Observe the default rollout service's rollouts (default false: stored, never polled, so never concluded). */
  trackRollouts?: boolean;
  /** The tracker's poll interval with `trackRollouts` (default 50 ms). */
  rolloutPollMs?: number;
  /** The config's `limits` section (default: the defaults). */
  limits?: Record<string, unknown>;
  /** Verifies API tokens (`sgw_...`); default none. */
  apiTokens?: CredentialVerifier;
  /** How often open subscriptions' credentials are verified again (default 30 s). */
  credentialRecheckMs?: number;
  /** The gateway's tracer (default: tracing off, as configured by default). */
  tracing?: GatewayTracing;
  /** The gateway's logger (default: silent, or GATEWAY_TEST_LOG's level). */
  logger?: Logger;
}

/** Starts a fake engine as the only manager of cluster `fake` (also the named engine `fake-engine`) and the gateway in front of it. */
export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const engine = await startFakeEngine(options);
  const engines: Record<string, FakeEngine> = {};
  for (const e of options.engines ?? []) engines[e.name] = await startFakeEngine({ state: e.state ?? FakeSwarm.create({ inSwarm: false }), routes: options.routes });
  const closeEngines = () => Promise.all([engine, ...Object.values(engines)].map((e) => e.close()));
  const audit = recordingAudit();
  const config = parseConfig({
    clusters: [{ name: FAKE_CLUSTER, managers: [{ url: engine.url }] }],
    engines: [
      { name: 'fake-engine', endpoint: { url: engine.url }, cluster: FAKE_CLUSTER },
      ...(options.engines ?? []).map((e) => ({ name: e.name, endpoint: { url: engines[e.name]!.url }, ...(e.cluster ? { cluster: e.cluster } : {}) })),
    ],
    engine: { timeoutMs: options.timeoutMs ?? 5_000, watch: { enabled: options.watch ?? false } },
    ...(options.limits ? { limits: options.limits } : {}),
    logLevel: 'silent',
  });
  const registry = new EngineRegistry(config);
  // Untracked unless asked: a tracker polling in the background would put its reads into the
  // engine request log that most of these tests check (and into the next test's).
  const rollouts = options.rollouts ?? createRollouts({
    store: memoryRolloutStore(), registry, logger: pino({ level: 'silent' }),
    pollMs: options.rolloutPollMs ?? 50, tracking: options.trackRollouts ?? false,
  });
  let gateway: TestGateway;
  try {
    gateway = await startGateway(config, {
      audit, registry, rollouts,
      ...(options.apiTokens ? { apiTokens: options.apiTokens } : {}),
      ...(options.credentialRecheckMs ? { credentialRecheckMs: options.credentialRecheckMs } : {}),
      ...(options.tracing ? { tracing: options.tracing } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
  } catch (err) {
    await closeEngines();
    throw err;
  }
  return {
    engine,
    engines,
    audit,
    gateway,
    rollouts,
    gql: (query, variables, opts) => gateway.gql(query, variables, opts),
    async mutate(field, input, selection = '__typename', opts) {
      const document = `mutation($input: ${mutationInputType(field)}) { ${field}(input: $input) { ${selection} userErrors { field code message } } }`;
      const response = await gateway.gql(document, { input }, opts);
      const payload = (response.data?.[field] as Record<string, any> | null | undefined) ?? null;
      return {
        payload,
        userErrors: payload?.userErrors ?? [],
        errorCodes: (response.errors ?? []).map((e) => e.extensions?.code ?? 'NONE'),
        response,
      };
    },
    tokenFor: (...grants) => tokenFor(grants, { subject: `fake-${grants.join('+')}` }),
    async stop() {
      await gateway.stop();
      await closeEngines();
    },
  };
}

/**
 * A fake gateway for the enclosing suite: started before its tests, stopped after them, and
 * with the engine's request log and the recorded audit emptied before each test, so every
 * test sees only what it caused. Returns the running gateway's accessor.
 */
export function useFakeGateway(options: FakeGatewayOptions = {}): () => FakeGateway {
  let fg: FakeGateway | undefined;
  before(async () => {
    fg = await startFakeGateway(options);
  });
  after(() => fg?.stop());
  beforeEach(() => {
    fg!.engine.clearRequests();
    fg!.audit.clear();
  });
  return () => {
    if (!fg) throw new Error('the fake gateway is not started (useFakeGateway runs in a suite, before its tests)');
    return fg;
  };
}
