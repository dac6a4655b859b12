// Reconciliation rules for standalone containers (containerRun, containerStop,
// containerStart; containerRemove is a plain removal, object-rules.ts). A container lives on
// one engine, so its state and its events are read on the intent's engine (`input.engine`,
// or the cluster's manager endpoint): container events are that engine's own, not the
// swarm's. Docker writes `start` for every start, `die` for every exit, and `stop` only when
// the API stopped it (`docker stop`, after its `die`), which is what tells a stop apart from
// an exit of the container's own.
import { created, names } from './object-rules.ts';
import { before, objectField, unknown, type Evidence, type ObjectEvent, type ObjectState, type Read, type Rule } from './reconcile-evidence.ts';

/** Docker's default stop timeout (seconds), which containerStop uses when the input gives none. */
const DEFAULT_STOP_SECONDS = 10;
/** How long past its stop timeout a stop request is given to finish (the resolver's wait). */
const STOP_GRACE_SECONDS = 30;

/** Docker writes container names with a leading "/"; the engine's events name them without. */
const bare = (ref: string) => ref.replace(/^\//, '');

/** The container's target and its events of the window: by its ID when it exists, else by name or ID prefix. */
async function containerEvidence(read: Read, { intent, engine, events }: Evidence): Promise<{ ref: string; state: ObjectState; seen: ObjectEvent[] }> {
  const ref = bare(intent.target!);
  const state = await read(engine, intent, ref);
  const mine = (e: ObjectEvent) => (state.exists ? e.id === state.id : names(e, ref) || e.id.startsWith(ref));
  return { ref, state, seen: (await events('container')).filter(mine) };
}

/**
 * containerRun creates, then starts. It succeeded when the container was created in the
 * window (object-rules.ts `created`) and started since; a container created and removed
 * again without a start, in a complete history, is a run whose start failed and was undone.
 * One created and never started (the gateway stopped between the two) is left `unknown`,
 * with its ID: it was made, but the run did not finish.
 */
export function ran(read: Read): Rule {
  const creation = created('container', read);
  return async (evidence) => {
    const made = await creation(evidence);
    if (made.outcome !== 'succeeded') return made;
    const id = made.objectIds[0]!;
    const started = (await evidence.events('container')).some((e) => e.id === id && e.action === 'start');
    const state = await read(evidence.engine, evidence.intent, id);
    if (started || (state.exists && state.startedAt !== undefined && !before(state.startedAt, evidence.from))) {
      return { ...made, reason: `${made.reason}; it was started after the intent` };
    }
    if (!state.exists && (await evidence.complete('container'))) {
      return { outcome: 'failed', reason: `the container ${evidence.intent.target} (${id}) was created after the intent but removed again without a start (a run whose start fails is undone so)`, objectIds: [] };
    }
    return { outcome: 'unknown', reason: `${made.reason}, but the engine shows no start of it since the intent: the run stopped between its create and its start`, objectIds: [id] };
  };
}

/** containerStop: a `stop` event in the window; failed when it is running still (or again) without one, or had exited before the intent. */
export function stopped(read: Read): Rule {
  return async (evidence) => {
    const { intent, from, now, complete } = evidence;
    if (!intent.target) return unknown('the intent names no container');
    const { ref, state, seen } = await containerEvidence(read, evidence);
    const stop = seen.find((e) => e.action === 'stop');
    if (stop) return { outcome: 'succeeded', reason: `the engine's events show the container ${ref} (${stop.id}) stopped after the intent`, objectIds: [stop.id] };
    if (!state.exists) return unknown(`the container ${ref} no longer exists, and the engine's events since the intent show no stop of it`);
    if (state.running) {
      const timeout = objectField(intent.input, 'timeout');
      const waitMs = ((typeof timeout === 'number' ? timeout : DEFAULT_STOP_SECONDS) + STOP_GRACE_SECONDS) * 1000;
      if (now.getTime() - intent.recordedAt.getTime() < waitMs) return unknown(`the container ${ref} is still running, and a stop sent may still be waiting for it to exit`);
      if (await complete('container')) return { outcome: 'failed', reason: `the container ${ref} is running, and the engine's events since the intent show no stop of it`, objectIds: [] };
      if (before(state.startedAt, from)) return { outcome: 'failed', reason: `the container ${ref} has been running since before the intent: it was not stopped`, objectIds: [] };
      return unknown(`the container ${ref} is running, started again after the intent: whether it was stopped meanwhile cannot be told (the engine's event history does not reach back to the intent)`);
    }
    if (before(state.finishedAt, from)) return { outcome: 'failed', reason: `the container ${ref} had already exited before the intent: there was nothing to stop`, objectIds: [] };
    if (await complete('container')) return { outcome: 'failed', reason: `the container ${ref} exited after the intent, but the engine's events show no stop of it (it exited by itself or was killed)`, objectIds: [] };
    return unknown(`the container ${ref} exited after the intent; whether by this stop cannot be told (the engine's event history does not reach back to the intent)`);
  };
}

/** containerStart: a `start` event in the window not preceded by an exit; failed when it has not started since the intent. */
export function started(read: Read): Rule {
  return async (evidence) => {
    const { intent, from, complete } = evidence;
    if (!intent.target) return unknown('the intent names no container');
    const { ref, state, seen } = await containerEvidence(read, evidence);
    const start = seen.find((e) => e.action === 'start');
    if (start) {
      // Running at the intent, it exited and started again: its restart policy may have done that.
      if (seen.some((e) => e.action === 'die' && e.at.getTime() <= start.at.getTime())) {
        return unknown(`the container ${ref} exited and started again after the intent: a restart by its restart policy cannot be told apart from this start`);
      }
      return { outcome: 'succeeded', reason: `the engine's events show the container ${ref} (${start.id}) started after the intent`, objectIds: [start.id] };
    }
    if (!state.exists) return unknown(`the container ${ref} no longer exists, and the engine's events since the intent show no start of it`);
    if (await complete('container')) return { outcome: 'failed', reason: `the engine's events since the intent show no start of the container ${ref}`, objectIds: [] };
    if (state.startedAt === undefined || before(state.startedAt, from)) return { outcome: 'failed', reason: `the container ${ref} has not started since the intent`, objectIds: [] };
    return unknown(`the container ${ref} started after the intent, but the engine's event history does not reach back to the intent to tell whether by this start`);
  };
}

/** containerRemove's targets: the container named, without Docker's leading "/". */
export const containerRefs = (intent: { target: string | null }): string[] => (intent.target ? [bare(intent.target)] : []);
