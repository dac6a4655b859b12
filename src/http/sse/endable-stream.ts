// A subscription's results as the event stream sends them, with two things graphql-js's own
// iterator lacks. The server can end it with one last result (a revoked credential: an
// UNAUTHENTICATED error, then `complete`), and a client that goes away ends it at once: an
// async generator function would queue `return()` behind the `next()` it is waiting on, so
// on a quiet cluster the engine's event stream would stay open until the next event. An
// error thrown by the source (ENGINE_UNAVAILABLE when no manager answers) becomes a last
// result with that error, so the client sees the envelope, not a cut stream.
import { GraphQLError, type ExecutionResult } from 'graphql';

type Result = ExecutionResult;
type Ending = { ended: true; last: Result | undefined };

export class EndableStream implements AsyncGenerator<Result, undefined, undefined> {
  private finished = false;
  private endWith!: (ending: Ending) => void;
  private readonly ending = new Promise<Ending>((resolve) => (this.endWith = resolve));

  constructor(private readonly source: AsyncIterator<Result>) {}

  /** Ends the stream: `last` is sent as its final result (if the client is still there), and the source is closed. */
  end(last?: Result): void {
    this.endWith({ ended: true, last });
  }

  async next(): Promise<IteratorResult<Result, undefined>> {
    if (this.finished) return { done: true, value: undefined };
    let step: IteratorResult<Result> | Ending;
    try {
      step = await Promise.race([this.source.next(), this.ending]);
    } catch (err) {
      await this.finish();
      return { done: false, value: { errors: [asGraphQLError(err)] } };
    }
    if ('ended' in step) {
      await this.finish();
      return step.last ? { done: false, value: step.last } : { done: true, value: undefined };
    }
    if (step.done) {
      this.finished = true;
      return { done: true, value: undefined };
    }
    return { done: false, value: step.value };
  }

  async return(): Promise<IteratorResult<Result, undefined>> {
    this.end();
    await this.finish();
    return { done: true, value: undefined };
  }

  async throw(): Promise<IteratorResult<Result, undefined>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.source.return?.();
  }
}

function asGraphQLError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError) return err;
  const error = err instanceof Error ? err : new Error(String(err));
  return new GraphQLError(error.message, { originalError: error });
}
