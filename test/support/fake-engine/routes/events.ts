// `/events` as dockerd answers it: the events held since `since` (unix seconds with a
// fraction; dockerd keeps its last 256) matching the JSON `filters` (type, event, scope,
// plus the object filters), one JSON object per line; with `until` the answer ends there,
// without it the stream stays open and carries each new event as it happens.
import { PassThrough } from 'node:stream';
import { Reply, type Router } from '../router.ts';
import type { Json } from '../state.ts';

/** How many events dockerd keeps for replay (moby daemon/events `eventsLimit`). */
const BUFFER = 256;

/** `since`/`until` as dockerd takes them: seconds, with an optional fraction; in nanoseconds. */
function nanosOf(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const seconds = Number(text);
  return Number.isFinite(seconds) ? seconds * 1e9 : Date.parse(text) * 1e6;
}

function matches(event: Json, filters: Record<string, string[]>): boolean {
  const any = (name: string, test: (v: string) => boolean) => !filters[name]?.length || filters[name]!.some(test);
  const attributes = (event.Actor?.Attributes ?? {}) as Record<string, string>;
  const objectFilter = (type: string) => any(type, (v) => event.Type !== type || event.Actor.ID === v || attributes.name === v);
  return (
    any('type', (v) => event.Type === v) &&
    any('event', (v) => event.Action === v) &&
    any('scope', (v) => event.scope === v) &&
    ['network', 'service', 'node', 'container', 'config', 'secret'].every(objectFilter) &&
    any('label', (v) => {
      const [key, value] = v.split('=', 2) as [string, string | undefined];
      return key in attributes && (value === undefined || attributes[key] === value);
    })
  );
}

const line = (event: Json) => `${JSON.stringify(event)}\n`;
const JSON_LINES = 'application/json; charset=utf-8';

export function eventRoutes(router: Router): void {
  router.get('/events', ({ state, query, filters }) => {
    const since = nanosOf(query.since);
    const until = nanosOf(query.until);
    const inWindow = (e: Json) => (since === undefined || e.timeNano >= since) && (until === undefined || e.timeNano <= until);
    // Without since, dockerd replays nothing; with it, what its buffer still holds.
    const held = since === undefined ? [] : state.events.slice(-BUFFER).filter((e) => inWindow(e) && matches(e, filters));
    // Lines of JSON, not one JSON value: sent as text under dockerd's content type.
    if (until !== undefined) return new Reply(200, held.map(line).join(''), JSON_LINES);
    const stream = new PassThrough();
    for (const e of held) stream.write(line(e));
    const stop = state.onEvent((e) => {
      if (matches(e, filters)) stream.write(line(e));
    });
    stream.on('close', stop);
    return new Reply(200, stream, JSON_LINES);
  });
}
