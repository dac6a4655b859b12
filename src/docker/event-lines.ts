// Reads an Engine events stream (one JSON object per line) until it ends or breaks: for
// subscriptions (events.ts) and the watched state (watch/watched-cluster.ts) alike.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { EngineEvent } from './engine-api/index.ts';

/** Calls `onEvent` for each event; resolves when the stream ends, rejects when it breaks or sends a line that is not JSON. */
export async function readEventLines(stream: Readable, onEvent: (e: EngineEvent) => void): Promise<void> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  // readline does not pass on the input's errors: end the loop on them too.
  const broken = new Promise<never>((_, reject) => stream.once('error', reject));
  broken.catch(() => {});
  const iterator = lines[Symbol.asyncIterator]();
  try {
    for (;;) {
      const r = await Promise.race([iterator.next(), broken]);
      if (r.done) return;
      if (r.value.trim()) onEvent(JSON.parse(r.value) as EngineEvent);
    }
  } finally {
    lines.close();
  }
}
