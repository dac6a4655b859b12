// An events iterator that hands on only what `admit` lets through (possibly changed), in
// the engine's order. Not an async generator, for the reason src/docker/events.ts gives:
// closing the subscription must close the engine stream at once, not after the next event.
import type { EngineEvent } from '../../docker/engine-api/index.ts';

/** The event to deliver (possibly with fewer attributes), or null to drop it. */
export type Admit = (event: EngineEvent) => Promise<EngineEvent | null>;

export function admittedEvents(source: AsyncIterableIterator<EngineEvent>, admit: Admit): AsyncIterableIterator<EngineEvent> {
  return new AdmittedEvents(source, admit);
}

class AdmittedEvents implements AsyncIterableIterator<EngineEvent> {
  private closed = false;

  constructor(
    private readonly source: AsyncIterableIterator<EngineEvent>,
    private readonly admit: Admit,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<EngineEvent>> {
    for (;;) {
      const result = await this.source.next();
      if (result.done) return result;
      const admitted = await this.admit(result.value);
      // Closed while a lookup ran: nothing more is delivered.
      if (this.closed) return { value: undefined, done: true };
      if (admitted) return { value: admitted, done: false };
    }
  }

  return(): Promise<IteratorResult<EngineEvent>> {
    this.closed = true;
    return this.source.return?.() ?? Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<EngineEvent>> {
    this.closed = true;
    return this.source.throw?.(err) ?? Promise.reject(err);
  }
}
