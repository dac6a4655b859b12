// The real gateway, in-process, in front of a fake engine (fake-engine/server.ts): no
// root, no dockerd, fast enough for the unit suite. Tests send GraphQL as a client does,
// then check what the engine was asked (`engine.requests`), what the caller got back and
// what the audit log was told (`audit`).
import { parseConfig } from '../../src/config/config.ts';
import type { AuditIntent, AuditOutcome, AuditRefusal, AuditWriter } from '../../src/audit/audit-writer.ts';
import { startFakeEngine, type FakeEngine, type FakeEngineOptions } from './fake-engine/server.ts';
import { startGateway, type GqlOptions, type GqlResponse, type TestGateway } from './gateway.ts';
import { tokenFor } from './identity.ts';

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
  audit: RecordingAudit;
  gateway: TestGateway;
  /** Sends GraphQL as the unscoped admin, or as the holder of `options.token`. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlResponse<T>>;
  /** A bearer token (without `Bearer `) holding these grant texts, e.g. `viewer`, `operator@fake:team=payments`. */
  tokenFor(...grants: string[]): Promise<string>;
  stop(): Promise<void>;
}

export interface FakeGatewayOptions extends FakeEngineOptions {
  /** Per-request Engine timeout (default 5 s). */
  timeoutMs?: number;
}

/** Starts a fake engine as the only manager of cluster `fake` (also the named engine `fake-engine`) and the gateway in front of it. */
export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const engine = await startFakeEngine(options);
  const audit = recordingAudit();
  const config = parseConfig({
    clusters: [{ name: FAKE_CLUSTER, managers: [{ url: engine.url }] }],
    engines: [{ name: 'fake-engine', endpoint: { url: engine.url }, cluster: FAKE_CLUSTER }],
    engine: { timeoutMs: options.timeoutMs ?? 5_000 },
    logLevel: 'silent',
  });
  let gateway: TestGateway;
  try {
    gateway = await startGateway(config, { audit });
  } catch (err) {
    await engine.close();
    throw err;
  }
  return {
    engine,
    audit,
    gateway,
    gql: (query, variables, opts) => gateway.gql(query, variables, opts),
    tokenFor: (...grants) => tokenFor(grants, { subject: `fake-${grants.join('+')}` }),
    async stop() {
      await gateway.stop();
      await engine.close();
    },
  };
}
