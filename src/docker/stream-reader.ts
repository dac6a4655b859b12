// Reads a streaming Engine response (EngineApi.stream) chunk by chunk, for the bodies that
// must not be held whole: container logs and exec output are bounded as they arrive.

/** How the reading ended: the engine ended the body, or the caller's signal stopped it. */
export type StreamEnd = 'ended' | 'aborted';

/**
 * Hands every chunk to `onChunk` until the body ends or `signal` aborts. A failure of the
 * connection before the end (not caused by the signal) or of `onChunk` rejects.
 */
export function readStream(stream: NodeJS.ReadableStream, onChunk: (chunk: Buffer) => void, signal: AbortSignal): Promise<StreamEnd> {
  return new Promise<StreamEnd>((resolve, reject) => {
    let settled = false;
    const settle = (end: StreamEnd | Error) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (end instanceof Error) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(end);
      } else resolve(end);
    };
    const onAbort = () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      settle('aborted');
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      if (settled) return;
      try {
        onChunk(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      } catch (err) {
        settle(err as Error);
      }
    });
    stream.on('end', () => settle('ended'));
    stream.on('error', (err: Error) => settle(signal.aborted ? 'aborted' : err));
    stream.on('close', () => settle(signal.aborted ? 'aborted' : new StreamBrokenError()));
  });
}

/** The connection closed before the body's end. */
export class StreamBrokenError extends Error {
  override name = 'StreamBrokenError';
  constructor() {
    super('the engine closed the connection before the end of the response');
  }
}
