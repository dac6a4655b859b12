// Deciding the outcome of an intent whose outcome is not known: its process died between
// the engine call and the outcome write, or the engine gave no answer (outcome `unknown`).
// The decision reads the engine's present state AND its event history over the intent's
// window (from the intent to now): a network created by the lost call and removed again
// before reconciliation shows in the history (`create`, then `remove`), not in the state.
// Only "did it happen" is decided here; the engine reads sit behind EngineStateReader so
// the wiring (ClusterClient, database) stays outside.
import type { AuditOutcomeStatus, AuditRecordData, JsonValue } from './record.ts';

/** What the engine says about one object now. */
export type ObjectState =
  | { exists: false }
  | {
      exists: true;
      id: string;
      /** CreatedAt, when the engine reports it. */
      createdAt?: Date | undefined;
      /** UpdatedAt (version change), when the engine reports it. */
      updatedAt?: Date | undefined;
      /** A replicated service's desired replicas. */
      replicas?: number | undefined;
    };

/** One engine event (`docker events`), as the rules need it. */
export interface ObjectEvent {
  /** `network`, `service`, `node`... */
  type: string;
  /** `create`, `update`, `remove`... */
  action: string;
  /** The object's ID. */
  id: string;
  /** Actor attributes (`name`, `replicas.new`...). */
  attributes: Readonly<Record<string, string>>;
  at: Date;
}

/** The engine's recent events, oldest first. */
export interface EventLog {
  events: readonly ObjectEvent[];
  /**
   * From when the log is known to hold every event: null when it holds everything since the
   * engine started (its buffer is not full), else the time of its oldest event.
   */
  completeSince: Date | null;
}

/** The engine cannot be read now (unreachable, not a manager): try again later. */
export class EngineUnreadableError extends Error {
  override name = 'EngineUnreadableError';
}

/**
 * Engine reads by ID or name; `cluster` null means the default cluster. Throws
 * EngineUnreadableError when the engine cannot be read now; any other error means the
 * intent cannot be checked at all (e.g. its target is not a Docker reference).
 */
export interface EngineStateReader {
  network(cluster: string | null, ref: string): Promise<ObjectState>;
  service(cluster: string | null, ref: string): Promise<ObjectState>;
  node(cluster: string | null, ref: string): Promise<ObjectState>;
  /** The events the cluster's engine holds, up to now. */
  events(cluster: string | null): Promise<EventLog>;
}

/** An intent whose outcome is to be decided, as stored. */
export type OpenIntent = Pick<AuditRecordData, 'id' | 'operation' | 'cluster' | 'target' | 'input' | 'recordedAt'>;

export interface Reconciliation {
  intentId: string;
  outcome: AuditOutcomeStatus;
  /** Why, for the outcome record (e.g. stored in its input as `{ reconciled: reason }`). */
  reason: string;
  objectIds: string[];
  /** True when the engine could not be read: the caller may retry later instead. */
  engineUnreadable?: boolean;
}

export interface ReconcileOptions {
  /**
   * Allowed difference between the gateway's and the managers' clocks when comparing an
   * object's CreatedAt/UpdatedAt or an event's time with the intent's time. Default 5 s.
   */
  clockSkewMs?: number;
}

type Decision = Omit<Reconciliation, 'intentId'>;
type Read = (e: EngineStateReader, cluster: string | null, ref: string) => Promise<ObjectState>;

/** What a rule gets: the intent, the engine, and the intent's window in the event log. */
interface Evidence {
  intent: OpenIntent;
  engine: EngineStateReader;
  /** The intent's time minus the allowed clock skew: events from here on may be its doing. */
  from: Date;
  /** Events of the window, of one object type. */
  events(type: string): Promise<ObjectEvent[]>;
  /** Whether the event log holds every event of the window. */
  complete(): Promise<boolean>;
}
type Rule = (evidence: Evidence) => Promise<Decision>;

const unknown = (reason: string): Decision => ({ outcome: 'unknown', reason, objectIds: [] });

const names = (e: ObjectEvent, ref: string) => e.id === ref || e.attributes.name === ref;

/**
 * A create succeeded if the engine's events show the named object created in the window
 * (even when it is gone again), or if it exists and is newer than the intent. It failed if
 * it does not exist and the complete history shows no creation.
 */
function created(kind: string, read: Read): Rule {
  return async ({ intent, engine, from, events, complete }) => {
    if (!intent.target) return unknown(`the intent names no ${kind}`);
    const target = intent.target;
    const creation = (await events(kind)).find((e) => e.action === 'create' && e.attributes.name === target);
    const state = await read(engine, intent.cluster, target);
    if (creation) {
      const now = state.exists && state.id === creation.id ? 'exists' : 'no longer exists';
      return { outcome: 'succeeded', reason: `the engine's events show the ${kind} ${target} created (${creation.id}) after the intent; it ${now}`, objectIds: [creation.id] };
    }
    if (state.exists) {
      if (state.createdAt && state.createdAt.getTime() < from.getTime()) {
        return unknown(`a ${kind} named ${target} exists but was created before the intent`);
      }
      return { outcome: 'succeeded', reason: `the ${kind} ${target} exists (${state.id})`, objectIds: [state.id] };
    }
    if (await complete()) return { outcome: 'failed', reason: `no ${kind} named ${target} exists, and the engine's events since the intent show none created`, objectIds: [] };
    return unknown(`no ${kind} named ${target} exists, but the engine's event history does not reach back to the intent (it may have been created and removed since)`);
  };
}

/** A removal succeeded if every named object is gone, failed if none is. */
function removed(kind: string, refsOf: (intent: OpenIntent) => string[], read: Read): Rule {
  return async ({ intent, engine, events }) => {
    const refs = refsOf(intent);
    if (refs.length === 0) return unknown(`the intent names no ${kind}`);
    const present: string[] = [];
    for (const ref of refs) {
      const state = await read(engine, intent.cluster, ref);
      if (state.exists) present.push(ref);
    }
    if (present.length === refs.length) return { outcome: 'failed', reason: `the ${kind} ${present.join(', ')} still exists`, objectIds: [] };
    if (present.length > 0) return unknown(`only some were removed; still present: ${present.join(', ')}`);
    const seen = (await events(kind)).filter((e) => e.action === 'remove' && refs.some((r) => names(e, r)));
    const how = seen.length > 0 ? ' (the engine\'s events show the removal after the intent)' : '';
    return { outcome: 'succeeded', reason: `no ${kind} ${refs.join(', ')} exists any more${how}`, objectIds: [] };
  };
}

/**
 * An in-place change (update, rollback, node changes) cannot be read back: neither the
 * object's state nor an `update` event says who made the change. But if the object has not
 * changed since the intent (no update event in a complete history, or an older UpdatedAt),
 * the change did not happen.
 */
function changed(kind: string, read: Read): Rule {
  return async ({ intent, engine, from, events, complete }) => {
    if (!intent.target) return unknown(`the intent names no ${kind}`);
    const state = await read(engine, intent.cluster, intent.target);
    if (!state.exists) return unknown(`the ${kind} ${intent.target} no longer exists`);
    const updates = (await events(kind)).filter((e) => e.action === 'update' && (e.id === state.id || names(e, intent.target!)));
    if (updates.length === 0 && (await complete())) {
      return { outcome: 'failed', reason: `the engine's events show no change to the ${kind} ${intent.target} since the intent`, objectIds: [] };
    }
    if (state.updatedAt && state.updatedAt.getTime() < from.getTime()) {
      return { outcome: 'failed', reason: `the ${kind} ${intent.target} has not changed since the intent`, objectIds: [] };
    }
    return unknown(`the ${kind} ${intent.target} changed after the intent, but not necessarily by it`);
  };
}

/**
 * serviceScale: the engine's `update` event of a scale names the new replica count
 * (`replicas.new`), so the asked-for count set in the window is this scale's doing.
 */
function scaled(read: Read): Rule {
  const fallback = changed('service', read);
  return async (evidence) => {
    const { intent, engine, events, complete } = evidence;
    const replicas = objectField(intent.input, 'replicas');
    if (!intent.target || typeof replicas !== 'number') return fallback(evidence);
    const state = await read(engine, intent.cluster, intent.target);
    if (!state.exists) return unknown(`the service ${intent.target} no longer exists`);
    const updates = (await events('service')).filter((e) => e.action === 'update' && (e.id === state.id || names(e, intent.target!)));
    if (updates.some((e) => e.attributes['replicas.new'] === String(replicas))) {
      return { outcome: 'succeeded', reason: `the engine's events show the service ${intent.target} scaled to ${replicas} after the intent`, objectIds: [state.id] };
    }
    if ((await complete()) && state.replicas !== replicas) {
      return { outcome: 'failed', reason: `the engine's events show no scale of the service ${intent.target} to ${replicas} since the intent (it has ${state.replicas ?? 'no'} replicas)`, objectIds: [] };
    }
    return fallback(evidence);
  };
}

const network: Read = (e, c, r) => e.network(c, r);
const service: Read = (e, c, r) => e.service(c, r);
const node: Read = (e, c, r) => e.node(c, r);

/** networkRemove takes `ids`; the intent's target is them joined by commas. */
function networkRefs(intent: OpenIntent): string[] {
  const ids = objectField(intent.input, 'ids');
  if (Array.isArray(ids) && ids.every((i) => typeof i === 'string')) return ids as string[];
  return intent.target ? intent.target.split(',').filter((r) => r !== '') : [];
}

function objectField(value: JsonValue | null, field: string): JsonValue | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[field] : undefined;
}

/** Per operation, how the outcome is read back. Operations not listed are recorded as unknown. */
export const RECONCILE_RULES: Readonly<Record<string, Rule>> = {
  networkCreate: created('network', network),
  networkRemove: removed('network', networkRefs, network),
  serviceCreate: created('service', service),
  serviceRemove: removed('service', (i) => (i.target ? [i.target] : []), service),
  serviceUpdate: changed('service', service),
  serviceScale: scaled(service),
  serviceRollback: changed('service', service),
  nodeUpdate: changed('node', node),
  nodePromote: changed('node', node),
  nodeDemote: changed('node', node),
  nodeRemove: removed('node', (i) => (i.target ? [i.target] : []), node),
};

/**
 * Decides one intent's outcome. Never throws: an engine that cannot be read now gives
 * `engineUnreadable` (retry later); an intent that cannot be checked at all (a target that
 * is no Docker reference, any other failure) is `unknown` with the reason.
 */
export async function reconcileIntent(intent: OpenIntent, engine: EngineStateReader, opts: ReconcileOptions = {}): Promise<Reconciliation> {
  const rule = RECONCILE_RULES[intent.operation];
  if (!rule) return { intentId: intent.id, ...unknown(`the outcome of ${intent.operation} cannot be read back from the engine`) };
  const from = new Date(intent.recordedAt.getTime() - (opts.clockSkewMs ?? 5000));
  let log: Promise<EventLog> | undefined;
  const eventLog = () => (log ??= engine.events(intent.cluster));
  const evidence: Evidence = {
    intent,
    engine,
    from,
    events: async (type) => (await eventLog()).events.filter((e) => e.type === type && e.at.getTime() >= from.getTime()),
    complete: async () => {
      const since = (await eventLog()).completeSince;
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
