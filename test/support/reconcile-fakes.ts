// Test support: a fake EngineStateReader for the reconciliation rules (src/audit/reconcile.ts)
// and builders for intents and engine events around one fixed intent time.
import { EngineUnreadableError, type EngineStateReader, type EventLog, type ObjectEvent, type ObjectState, type OpenIntent, type StackObject } from '../../src/audit/reconcile.ts';

export const INTENT_AT = new Date('2025-03-01T10:00:00.000Z');
export const before = new Date(INTENT_AT.getTime() - 60_000);
export const afterIntent = new Date(INTENT_AT.getTime() + 2_000);

export type Objects = Record<string, ObjectState>;
export type Kind = 'network' | 'service' | 'node' | 'secret' | 'config' | 'container';
/** An event log whose buffer does not reach back to the intent: only the present state decides. */
export const NO_HISTORY: EventLog = { events: [], completeSince: new Date(INTENT_AT.getTime() + 86_400_000) };
/**
 * A fake engine: objects per kind, keyed by `cluster/ref` (containers by `cluster@engine/ref`,
 * engine `-` for the cluster's manager endpoint), the cluster's event log (by default one that
 * does not reach back to the intent) and configured engines' own logs; a stack's objects by
 * `cluster/namespace`; `down` makes every
 * read throw as an unreachable engine does. Every read is listed in `reads`.
 */
export function engine(
  objects: Partial<Record<Kind, Objects>> & { stacks?: Record<string, StackObject[]> },
  down = false,
  log: EventLog = NO_HISTORY,
  engineLogs: Record<string, EventLog> = {},
): EngineStateReader & { reads: string[] } {
  const reads: string[] = [];
  const lookup = async (kind: Kind, key: string): Promise<ObjectState> => {
    reads.push(`${kind}:${key}`);
    if (down) throw new EngineUnreadableError('connect ECONNREFUSED');
    return objects[kind]?.[key] ?? { exists: false };
  };
  const read = (kind: Kind) => (cluster: string | null, ref: string) => lookup(kind, `${cluster}/${ref}`);
  const events = async (cluster: string | null, at: string | null = null) => {
    reads.push(`events:${cluster}@${at ?? '-'}`);
    if (down) throw new EngineUnreadableError('connect ECONNREFUSED');
    return at === null ? log : (engineLogs[at] ?? NO_HISTORY);
  };
  return {
    reads,
    network: read('network'),
    service: read('service'),
    node: read('node'),
    secret: read('secret'),
    config: read('config'),
    container: (cluster, at, ref) => lookup('container', `${cluster}@${at ?? '-'}/${ref}`),
    stackObjects: async (cluster, namespace) => {
      reads.push(`stack:${cluster}/${namespace}`);
      if (down) throw new EngineUnreadableError('connect ECONNREFUSED');
      return objects.stacks?.[`${cluster}/${namespace}`] ?? [];
    },
    events,
  };
}

/** A complete event log (the engine's buffer holds everything since it started) with these events. */
export const history = (...events: ObjectEvent[]): EventLog => ({ events, completeSince: null });
export const event = (type: string, action: string, id: string, attributes: Record<string, string>, at = afterIntent): ObjectEvent => ({ type, action, id, attributes, at });

export function intent(operation: string, target: string | null, input: OpenIntent['input'] = null): OpenIntent {
  return { id: `intent-${operation}-${target}`, operation, cluster: 'prod', target, input, recordedAt: INTENT_AT };
}
