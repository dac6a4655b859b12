// Deciding the outcome of an intent whose outcome is not known: its process died between
// the engine call and the outcome write, or the engine gave no answer (outcome `unknown`).
// The decision reads the engine's present state AND its event history over the intent's
// window (from the intent to now): a network created by the lost call and removed again
// before reconciliation shows in the history (`create`, then `remove`), not in the state.
// Only "did it happen" is decided here; the engine reads sit behind EngineStateReader so
// the wiring (ClusterClient, database) stays outside.
import { containerRefs, ran, started, stopped } from './container-rules.ts';
import { changed, created, removed, scaled, targetOnly } from './object-rules.ts';
import { stackRemoved } from './stack-rules.ts';
import type { AuditRecordData } from './record.ts';
import {
  EngineUnreadableError,
  intentEngine,
  objectField,
  unknown,
  type EngineStateReader,
  type Evidence,
  type EventLog,
  type OpenIntent,
  type Read,
  type Reconciliation,
  type Rule,
} from './reconcile-evidence.ts';

export { EngineUnreadableError, type EngineStateReader, type EventLog, type ObjectEvent, type ObjectState, type OpenIntent, type Reconciliation, type StackObject } from './reconcile-evidence.ts';

export interface ReconcileOptions {
  /**
   * Allowed difference between the gateway's and the managers' clocks when comparing an
   * object's CreatedAt/UpdatedAt or an event's time with the intent's time. Default 5 s.
   */
  clockSkewMs?: number;
}

const network: Read = (e, i, r) => e.network(i.cluster, r);
const service: Read = (e, i, r) => e.service(i.cluster, r);
const node: Read = (e, i, r) => e.node(i.cluster, r);
const secret: Read = (e, i, r) => e.secret(i.cluster, r);
const config: Read = (e, i, r) => e.config(i.cluster, r);
const container: Read = (e, i, r) => e.container(i.cluster, intentEngine(i), r);

/** networkRemove takes `ids`; the intent's target is them joined by commas. */
function networkRefs(intent: OpenIntent): string[] {
  const ids = objectField(intent.input, 'ids');
  if (Array.isArray(ids) && ids.every((i) => typeof i === 'string')) return ids as string[];
  return intent.target ? intent.target.split(',').filter((r) => r !== '') : [];
}

/** Per operation, how the outcome is read back. Operations not listed are recorded as unknown. */
export const RECONCILE_RULES: Readonly<Record<string, Rule>> = {
  networkCreate: created('network', network),
  networkRemove: removed('network', networkRefs, network),
  serviceCreate: created('service', service),
  serviceRemove: removed('service', targetOnly, service),
  serviceUpdate: changed('service', service),
  serviceScale: scaled(service),
  serviceRollback: changed('service', service),
  nodeUpdate: changed('node', node),
  nodePromote: changed('node', node),
  nodeDemote: changed('node', node),
  nodeRemove: removed('node', targetOnly, node),
  secretCreate: created('secret', secret),
  secretRemove: removed('secret', targetOnly, secret),
  configCreate: created('config', config),
  configRemove: removed('config', targetOnly, config),
  containerRun: ran(container),
  containerStop: stopped(container),
  containerStart: started(container),
  containerRemove: removed('container', containerRefs, container, 'destroy'),
  stackRemove: stackRemoved,
};

/**
 * Operations that have no rule, and why: each touches several objects or leaves nothing to
 * read, so no state or event history tells whether (all of) it happened. Any other operation
 * without a rule gets the general reason.
 */
const NOT_READ_BACK: Readonly<Record<string, string>> = {
  containerExec: 'an exec cannot be read back from the engine: its process leaves no trace once it ends',
  stackDeploy: 'a stack deploy creates and updates several objects, and an update event does not say who made it, so whether all of it happened cannot be read back',
  secretRotate: 'a rotation creates a secret, updates the services using it and removes the old one, and an update event does not say who made it, so whether all of it happened cannot be read back',
  configRotate: 'a rotation creates a config, updates the services using it and removes the old one, and an update event does not say who made it, so whether all of it happened cannot be read back',
};

/**
 * Decides one intent's outcome. Never throws: an engine that cannot be read now gives
 * `engineUnreadable` (retry later); an intent that cannot be checked at all (a target that
 * is no Docker reference, any other failure) is `unknown` with the reason.
 */
export async function reconcileIntent(intent: OpenIntent, engine: EngineStateReader, opts: ReconcileOptions = {}): Promise<Reconciliation> {
  const rule = RECONCILE_RULES[intent.operation];
  if (!rule) return { intentId: intent.id, ...unknown(NOT_READ_BACK[intent.operation] ?? `the outcome of ${intent.operation} cannot be read back from the engine`) };
  const from = new Date(intent.recordedAt.getTime() - (opts.clockSkewMs ?? 5000));
  // Container events are the container's engine's own; every other type's are the swarm's.
  const logs = new Map<string | null, Promise<EventLog>>();
  const eventLog = (type: string) => {
    const at = type === 'container' ? intentEngine(intent) : null;
    let log = logs.get(at);
    if (!log) logs.set(at, (log = engine.events(intent.cluster, at)));
    return log;
  };
  const evidence: Evidence = {
    intent,
    engine,
    from,
    now: new Date(),
    events: async (type) => (await eventLog(type)).events.filter((e) => e.type === type && e.at.getTime() >= from.getTime()),
    complete: async (type) => {
      const since = (await eventLog(type)).completeSince;
      return since === null || since.getTime() <= from.getTime();
    },
  };
  try {
    return { intentId: intent.id, ...(await rule(evidence)) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof EngineUnreadableError) return { intentId: intent.id, ...unknown(`the engine could not be read: ${message}`), engineUnreadable: true };
    return { intentId: intent.id, ...unknown(`the intent could not be checked against the engine: ${message}`) };
  }
}

/**
 * The intents among `records` that have no outcome and are older than `olderThan`.
 * With several gateway processes on one database, a young intent may be in flight in
 * another process: pass `olderThan` = now minus the longest a mutation may take.
 */
export function openIntents(records: Iterable<AuditRecordData>, olderThan: Date): OpenIntent[] {
  const closed = new Set<string>();
  const intents: AuditRecordData[] = [];
  for (const r of records) {
    if (r.kind === 'intent') intents.push(r);
    else if (r.kind === 'outcome' && r.intentId !== null) closed.add(r.intentId.toLowerCase());
  }
  return intents.filter((i) => !closed.has(i.id.toLowerCase()) && i.recordedAt.getTime() < olderThan.getTime());
}

/** Reconciles intents one after another (in the order given, which should be seq order). */
export async function reconcileAll(intents: Iterable<OpenIntent>, engine: EngineStateReader, opts: ReconcileOptions = {}): Promise<Reconciliation[]> {
  const out: Reconciliation[] = [];
  for (const intent of intents) out.push(await reconcileIntent(intent, engine, opts));
  return out;
}
