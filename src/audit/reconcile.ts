// Start-up reconciliation: an intent without an outcome means a process died between the
// engine call and the outcome write. Where the engine's present state tells whether the
// change happened, the outcome is read back from it; otherwise it is recorded as unknown.
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
    };

/** Engine reads by ID or name; `cluster` null means the default cluster. Throws when the engine cannot be read. */
export interface EngineStateReader {
  network(cluster: string | null, ref: string): Promise<ObjectState>;
  service(cluster: string | null, ref: string): Promise<ObjectState>;
  node(cluster: string | null, ref: string): Promise<ObjectState>;
}

/** An intent left open, as stored. */
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
   * object's CreatedAt/UpdatedAt with the intent's time. Default 5 s.
   */
  clockSkewMs?: number;
}

type Decision = Omit<Reconciliation, 'intentId'>;
type Rule = (intent: OpenIntent, engine: EngineStateReader, skewMs: number) => Promise<Decision>;

const unknown = (reason: string): Decision => ({ outcome: 'unknown', reason, objectIds: [] });

/** A create succeeded if the named object exists and was created no earlier than the intent. */
function created(kind: string, read: (e: EngineStateReader, cluster: string | null, ref: string) => Promise<ObjectState>): Rule {
  return async (intent, engine, skewMs) => {
    if (!intent.target) return unknown(`the intent names no ${kind}`);
    const state = await read(engine, intent.cluster, intent.target);
    if (!state.exists) return { outcome: 'failed', reason: `no ${kind} named ${intent.target} exists`, objectIds: [] };
    if (state.createdAt && state.createdAt.getTime() < intent.recordedAt.getTime() - skewMs) {
      return unknown(`a ${kind} named ${intent.target} exists but was created before the intent`);
    }
    return { outcome: 'succeeded', reason: `the ${kind} ${intent.target} exists (${state.id})`, objectIds: [state.id] };
  };
}

/** A removal succeeded if every named object is gone, failed if none is. */
function removed(kind: string, refsOf: (intent: OpenIntent) => string[], read: (e: EngineStateReader, cluster: string | null, ref: string) => Promise<ObjectState>): Rule {
  return async (intent, engine) => {
    const refs = refsOf(intent);
    if (refs.length === 0) return unknown(`the intent names no ${kind}`);
    const present: string[] = [];
    for (const ref of refs) {
      const state = await read(engine, intent.cluster, ref);
      if (state.exists) present.push(ref);
    }
    if (present.length === 0) return { outcome: 'succeeded', reason: `no ${kind} ${refs.join(', ')} exists any more`, objectIds: [] };
    if (present.length === refs.length) return { outcome: 'failed', reason: `the ${kind} ${present.join(', ')} still exists`, objectIds: [] };
    return unknown(`only some were removed; still present: ${present.join(', ')}`);
  };
}

/**
 * An in-place change (update, scale, rollback, node changes) cannot be read back: the
 * object's state does not say who changed it. But if the object has not changed since
 * the intent, the change did not happen.
 */
function changed(kind: string, read: (e: EngineStateReader, cluster: string | null, ref: string) => Promise<ObjectState>): Rule {
  return async (intent, engine, skewMs) => {
    if (!intent.target) return unknown(`the intent names no ${kind}`);
    const state = await read(engine, intent.cluster, intent.target);
    if (!state.exists) return unknown(`the ${kind} ${intent.target} no longer exists`);
    if (state.updatedAt && state.updatedAt.getTime() < intent.recordedAt.getTime() - skewMs) {
      return { outcome: 'failed', reason: `the ${kind} ${intent.target} has not changed since the intent`, objectIds: [] };
    }
    return unknown(`the ${kind} ${intent.target} changed after the intent, but not necessarily by it`);
  };
}

const network = (e: EngineStateReader, c: string | null, r: string) => e.network(c, r);
const service = (e: EngineStateReader, c: string | null, r: string) => e.service(c, r);
const node = (e: EngineStateReader, c: string | null, r: string) => e.node(c, r);

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
  serviceScale: changed('service', service),
  serviceRollback: changed('service', service),
  nodeUpdate: changed('node', node),
  nodePromote: changed('node', node),
  nodeDemote: changed('node', node),
  nodeRemove: removed('node', (i) => (i.target ? [i.target] : []), node),
};

/** Decides one open intent's outcome. Never throws: an unreadable engine gives unknown. */
export async function reconcileIntent(intent: OpenIntent, engine: EngineStateReader, opts: ReconcileOptions = {}): Promise<Reconciliation> {
  const rule = RECONCILE_RULES[intent.operation];
  if (!rule) return { intentId: intent.id, ...unknown(`the outcome of ${intent.operation} cannot be read back from the engine`) };
  try {
    return { intentId: intent.id, ...(await rule(intent, engine, opts.clockSkewMs ?? 5000)) };
  } catch (err) {
    return { intentId: intent.id, ...unknown(`the engine could not be read: ${(err as Error)?.message ?? String(err)}`), engineUnreadable: true };
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
