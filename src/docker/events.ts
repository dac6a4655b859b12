// Engine events (`GET /events`) as an async iterator of parsed messages. The Engine sends
// one JSON object per line for as long as the connection stays open.
//
// Not an async generator, on purpose: a generator's `return()` waits until the generator
// reaches its next `yield`, i.e. until a matching event arrives, so closing a subscription
// on a quiet cluster left its socket to dockerd open indefinitely. Here `return()` aborts the
// request and destroys the stream at once.
//
// When the stream ends or breaks while the subscriber still listens (its manager stopped),
// it is opened again on any manager (the cluster client fails over) with `since` at the last
// event delivered, so the engine replays what happened meanwhile (as far as its buffer of a
// few hundred events reaches back); events delivered already are dropped. When no manager
// answers, the iterator fails with ENGINE_UNAVAILABLE.
import type { Readable } from 'node:stream';
import { GatewayError } from '../errors/gateway-error.ts';
import type { ClusterClient } from './cluster-client.ts';
import type { EngineEvent } from './engine-api/index.ts';
import { engineTimestamp, eventTimeMs } from './engine-time.ts';
import { readEventLines } from './event-lines.ts';

/** Resumes in a row that deliver nothing before the stream is given up. */
const MAX_EMPTY_RESUMES = 3;
/** A stream open this long before it ended counts as a working one. */
const HEALTHY_STREAM_MS = 10_000;
/** Pause before a resume, so a manager that closes streams at once is not hammered. */
const RESUME_DELAY_MS = 200;
/** Delivered events remembered to drop the replayed ones after a resume. */
const REMEMBERED = 512;

type Waiter = { resolve: (r: IteratorResult<EngineEvent>) => void; reject: (err: unknown) => void };

/** Events matching the Engine `filters` (from `since`, unix seconds, if given), until `return()` or a failure. */
export function engineEvents(client: ClusterClient, filters: Record<string, string[]>, since: string | undefined): AsyncIterableIterator<EngineEvent> {
  return new EngineEventStream(client, filters, since);
}

class EngineEventStream implements AsyncIterableIterator<EngineEvent> {
  private readonly controller = new AbortController();
  private readonly queue: EngineEvent[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly delivered = new Set<string>();
  private stream: Readable | undefined;
  private failure: unknown;
  private done = false;
  /** The last delivered event's time, as `since` for a resume. */
  private cursor: string | undefined;

  constructor(
    private readonly client: ClusterClient,
    private readonly filters: Record<string, string[]>,
    since: string | undefined,
  ) {
    // Without a `since`, a resume still must not miss what happened while no stream was
    // open: it replays from when the subscription started (the gateway's clock).
    this.cursor = since ?? engineTimestamp(Date.now());
    void this.run();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<EngineEvent>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.failure !== undefined) {
      const err = this.failure;
      this.failure = undefined;
      this.done = true;
      return Promise.reject(err);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Closes the engine stream now, whatever it is waiting for. */
  return(): Promise<IteratorResult<EngineEvent>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err?: unknown): Promise<IteratorResult<EngineEvent>> {
    this.finish();
    return Promise.reject(err);
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.queue.length = 0;
    this.controller.abort();
    this.stream?.destroy();
    for (const w of this.waiters.splice(0)) w.resolve({ value: undefined, done: true });
  }

  private fail(err: unknown): void {
    if (this.done) return;
    this.controller.abort();
    const waiter = this.waiters.shift();
    if (waiter) {
      this.done = true;
      waiter.reject(err);
      for (const w of this.waiters.splice(0)) w.resolve({ value: undefined, done: true });
    } else {
      this.failure = err;
    }
  }

  private push(event: EngineEvent): void {
    const key = eventKey(event);
    if (this.delivered.has(key)) return; // replayed after a resume
    this.delivered.add(key);
    if (this.delivered.size > REMEMBERED) this.delivered.delete(this.delivered.values().next().value!);
    this.cursor = engineTimestamp(eventTimeMs(event));
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve({ value: event, done: false });
    else this.queue.push(event);
  }

  private async run(): Promise<void> {
    let emptyResumes = 0;
    for (let first = true; !this.done; first = false) {
      if (!first) await new Promise((r) => setTimeout(r, RESUME_DELAY_MS));
      if (this.done) return;
      let stream: Readable;
      try {
        const query = { filters: JSON.stringify(this.filters), since: this.cursor };
        stream = (await this.client.stream({ method: 'GET', path: '/events', query }, this.controller.signal)) as Readable;
      } catch (err) {
        this.fail(err instanceof GatewayError ? err : new GatewayError('ENGINE_UNAVAILABLE', `the events stream of cluster "${this.client.name}" could not be opened`));
        return;
      }
      if (this.done) {
        stream.destroy();
        return;
      }
      this.stream = stream;
      const openedAt = Date.now();
      const seen = { count: 0 };
      try {
        await this.read(stream, seen);
      } catch (err) {
        if (!(err instanceof SyntaxError)) {
          // The connection broke (reset, manager gone): resume below.
        } else {
          this.fail(new GatewayError('ENGINE_UNAVAILABLE', `cluster "${this.client.name}" sent an events line that is not JSON`));
          return;
        }
      } finally {
        stream.destroy();
      }
      if (this.done) return;
      // A stream that delivered something, or stayed open a while, was a working one.
      emptyResumes = seen.count > 0 || Date.now() - openedAt > HEALTHY_STREAM_MS ? 0 : emptyResumes + 1;
      if (emptyResumes >= MAX_EMPTY_RESUMES) {
        this.fail(new GatewayError('ENGINE_UNAVAILABLE', `the events stream of cluster "${this.client.name}" keeps ending: no manager holds it open`));
        return;
      }
    }
  }

  private read(stream: Readable, seen: { count: number }): Promise<void> {
    return readEventLines(stream, (event) => {
      seen.count++;
      this.push(event);
    });
  }
}

/** What identifies one event across managers' replays. */
function eventKey(e: EngineEvent): string {
  return `${e.timeNano ?? e.time}|${e.Type}|${e.Action}|${e.Actor.ID}|${e.scope ?? ''}`;
}
