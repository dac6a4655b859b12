// The reconciliation rules shared by every kind of engine object (reconcile.ts lists which
// operation uses which): a creation, a removal, an in-place change, a scale. Each decides
// only "did it happen", from the object's present state and the events of the intent's window.
import { before, objectField, unknown, type Evidence, type ObjectEvent, type OpenIntent, type Read, type Rule } from './reconcile-evidence.ts';

/** Whether the event is about the object `ref` names (its ID or its name). */
export const names = (e: ObjectEvent, ref: string) => e.id === ref || e.attributes.name === ref;

/**
 * A create succeeded if the engine's events show the named object created in the window
 * (even when it is gone again), or if it exists and is newer than the intent. It failed if
 * it does not exist and the complete history shows no creation.
 */
export function created(kind: string, read: Read): Rule {
  return async ({ intent, engine, from, events, complete }: Evidence) => {
    if (!intent.target) return unknown(`the intent names no ${kind}`);
    const target = intent.target;
    const creation = (await events(kind)).find((e) => e.action === 'create' && e.attributes.name === target);
    const state = await read(engine, intent, target);
    if (creation) {
      const now = state.exists && state.id === creation.id ? 'exists' : 'no longer exists';
      return { outcome: 'succeeded', reason: `the engine's events show the ${kind} ${target} created (${creation.id}) after the intent; it ${now}`, objectIds: [creation.id] };
    }
    if (state.exists) {
      if (before(state.createdAt, from)) {
        return unknown(`a ${kind} named ${target} exists but was created before the intent`);
      }
      return { outcome: 'succeeded', reason: `the ${kind} ${target} exists (${state.id})`, objectIds: [state.id] };
    }
    if (await complete(kind)) return { outcome: 'failed', reason: `no ${kind} named ${target} exists, and the engine's events since the intent show none created`, objectIds: [] };
    return unknown(`no ${kind} named ${target} exists, but the engine's event history does not reach back to the intent (it may have been created and removed since)`);
  };
}

/**
 * A removal succeeded if every named object is gone, failed if none is. `action` is the
 * event the engine writes for a removal (`remove`; `destroy` for a container).
 */
export function removed(kind: string, refsOf: (intent: OpenIntent) => string[], read: Read, action = 'remove'): Rule {
  return async ({ intent, engine, events }: Evidence) => {
    const refs = refsOf(intent);
    if (refs.length === 0) return unknown(`the intent names no ${kind}`);
    const present: string[] = [];
    for (const ref of refs) {
      const state = await read(engine, intent, ref);
      if (state.exists) present.push(ref);
    }
    if (present.length === refs.length) return { outcome: 'failed', reason: `the ${kind} ${present.join(', ')} still exists`, objectIds: [] };
    if (present.length > 0) return unknown(`only some were removed; still present: ${present.join(', ')}`);
    const seen = (await events(kind)).filter((e) => e.action === action && refs.some((r) => names(e, r)));
    const how = seen.length > 0 ? ' (the engine\'s events show the removal after the intent)' : '';
    return { outcome: 'succeeded', reason: `no ${kind} ${refs.join(', ')} exists any more${how}`, objectIds: [...new Set(seen.map((e) => e.id))] };
  };
}

/** The intent's target as the one object it names. */
export const targetOnly = (intent: OpenIntent): string[] => (intent.target ? [intent.target] : []);

/**
 * An in-place change (update, rollback, node changes) cannot be read back: neither the
 * object's state nor an `update` event says who made the change. But if the object has not
 * changed since the intent (no update event in a complete history, or an older UpdatedAt),
 * the change did not happen.
 */
export function changed(kind: string, read: Read): Rule {
  return async ({ intent, engine, from, events, complete }: Evidence) => {
    if (!intent.target) return unknown(`the intent names no ${kind}`);
    const state = await read(engine, intent, intent.target);
    if (!state.exists) return unknown(`the ${kind} ${intent.target} no longer exists`);
    const updates = (await events(kind)).filter((e) => e.action === 'update' && (e.id === state.id || names(e, intent.target!)));
    if (updates.length === 0 && (await complete(kind))) {
      return { outcome: 'failed', reason: `the engine's events show no change to the ${kind} ${intent.target} since the intent`, objectIds: [] };
    }
    if (before(state.updatedAt, from)) {
      return { outcome: 'failed', reason: `the ${kind} ${intent.target} has not changed since the intent`, objectIds: [] };
    }
    return unknown(`the ${kind} ${intent.target} changed after the intent, but not necessarily by it`);
  };
}

/**
 * serviceScale: the engine's `update` event of a scale names the new replica count
 * (`replicas.new`), so the asked-for count set in the window is this scale's doing.
 */
export function scaled(read: Read): Rule {
  const fallback = changed('service', read);
  return async (evidence: Evidence) => {
    const { intent, engine, events, complete } = evidence;
    const replicas = objectField(intent.input, 'replicas');
    if (!intent.target || typeof replicas !== 'number') return fallback(evidence);
    const state = await read(engine, intent, intent.target);
    if (!state.exists) return unknown(`the service ${intent.target} no longer exists`);
    const updates = (await events('service')).filter((e) => e.action === 'update' && (e.id === state.id || names(e, intent.target!)));
    if (updates.some((e) => e.attributes['replicas.new'] === String(replicas))) {
      return { outcome: 'succeeded', reason: `the engine's events show the service ${intent.target} scaled to ${replicas} after the intent`, objectIds: [state.id] };
    }
    if ((await complete('service')) && state.replicas !== replicas) {
      return { outcome: 'failed', reason: `the engine's events show no scale of the service ${intent.target} to ${replicas} since the intent (it has ${state.replicas ?? 'no'} replicas)`, objectIds: [] };
    }
    return fallback(evidence);
  };
}
