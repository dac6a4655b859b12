// Engine events (`GET /events`) as an async iterator of parsed messages. The Engine sends
// one JSON object per line for as long as the connection stays open.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ClusterClient } from './cluster-client.ts';

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> | null };
  scope?: string;
  time: number;
  timeNano?: number;
}

/** Yields events matching the Engine `filters` (from `since`, unix seconds, if given) until `signal` aborts. */
export async function* engineEvents(client: ClusterClient, filters: Record<string, string[]>, since: string | undefined, signal: AbortSignal): AsyncGenerator<EngineEvent> {
  const query = { filters: JSON.stringify(filters), since };
  const stream = (await client.stream({ method: 'GET', path: '/events', query }, signal)) as Readable;
  const onAbort = () => stream.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      yield JSON.parse(line) as EngineEvent;
    }
  } catch (err) {
    if (!signal.aborted) throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
    stream.destroy();
  }
}
