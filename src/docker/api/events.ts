// The engine's recent event history (`docker events --since S --until U`): with `until`
// the engine answers the events it still holds for that window and closes, so this is a
// plain request, not a stream. The engine keeps only its last EVENT_BUFFER_SIZE events, in
// memory: a window older than that buffer comes back incomplete, which `eventHistory` says.
import type { EngineEvent } from '../engine-api/index.ts';
import type { EngineApi } from '../endpoint.ts';
import { engineTimestamp, eventTimeNs } from '../engine-time.ts';

/** How many events dockerd keeps for replay (moby daemon/events `eventsLimit`). */
export const EVENT_BUFFER_SIZE = 256;

export interface EventHistory {
  events: EngineEvent[];
  /**
   * True when the engine's buffer reached back past `since`: no event of the window was
   * dropped (unless the engine restarted within it, which empties the buffer).
   */
  complete: boolean;
}

function parseEvents(body: unknown): EngineEvent[] {
  if (body === null || body === undefined) return [];
  if (!Buffer.isBuffer(body) && typeof body === 'object') return [body as EngineEvent];
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EngineEvent);
}

/**
 * Every event the engine holds from `since` to `until` (all types: the count tells whether
 * the buffer was full, i.e. whether older events of the window may have been dropped).
 */
export async function eventHistory(api: EngineApi, window: { since: Date; until: Date }): Promise<EventHistory> {
  const all = parseEvents(await api.request<unknown>({ method: 'GET', path: '/events', query: { since: '0', until: engineTimestamp(window.until.getTime()) } }));
  const sinceNs = BigInt(window.since.getTime()) * 1_000_000n;
  const oldest = all[0];
  // A buffer that is not full holds everything since the engine started; a full one holds
  // the window only if its oldest event is older than the window's start.
  const complete = all.length < EVENT_BUFFER_SIZE || (oldest !== undefined && eventTimeNs(oldest) < sinceNs);
  return { events: all.filter((e) => eventTimeNs(e) >= sinceNs), complete };
}
