// A server-sent-events client as a script would write one with Node's fetch (or curl -N):
// POST (or GET) /graphql/stream with Accept: text/event-stream, then the body read as it
// arrives and split into events (`event: next` / `data: {...}`; `:` lines are keep-alives).
import supertest from 'supertest';

export interface SseEvent {
  event: string;
  data: any;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** The parsed body when the answer is not an event stream (a refusal in the error envelope). */
  body?: any;
  /** The next event; undefined once the server ended the stream. */
  next(): Promise<SseEvent | undefined>;
  /** Goes away, as a client closing the connection. */
  close(): void;
}

export interface StreamRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** `Authorization` header value; none when absent. */
  authorization?: string;
  /** GET with the operation in the URL instead of a JSON POST. */
  get?: boolean;
  /** More request headers (a `traceparent`). */
  headers?: Record<string, string>;
}

export async function openStream(baseUrl: string, request: StreamRequest): Promise<SseStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { ...request.headers, accept: 'text/event-stream' };
  if (request.authorization) headers.authorization = request.authorization;
  let url = `${baseUrl}/graphql/stream`;
  let init: RequestInit = { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: request.query, variables: request.variables }), signal: abort.signal };
  if (request.get) {
    const params = new URLSearchParams({ query: request.query, ...(request.variables ? { variables: JSON.stringify(request.variables) } : {}) });
    url = `${url}?${params}`;
    init = { method: 'GET', headers, signal: abort.signal };
  }
  const res = await fetch(url, init);
  const close = () => abort.abort();
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const body = await res.json();
    return { status: res.status, headers: res.headers, body, next: async () => undefined, close };
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const pending: SseEvent[] = [];
  let ended = false;
  return {
    status: res.status,
    headers: res.headers,
    close,
    async next() {
      while (pending.length === 0 && !ended) {
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch {
          ended = true;
          break;
        }
        if (chunk.done) {
          ended = true;
          break;
        }
        buffered += chunk.value;
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const lines = block.split('\n').filter((l) => l && !l.startsWith(':'));
          if (lines.length === 0) continue;
          const field = (name: string) => lines.filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart()).join('\n');
          const data = field('data');
          pending.push({ event: field('event'), data: data ? JSON.parse(data) : null });
        }
      }
      return pending.shift();
    },
  };
}

/** The events until the server ends the stream (at most `max`). */
export async function eventsUntilEnd(stream: SseStream, max = 100): Promise<SseEvent[]> {
  const all: SseEvent[] = [];
  for (let e = await stream.next(); e && all.length < max; e = await stream.next()) all.push(e);
  return all;
}

/** swarm_gateway_subscriptions_open as /metrics reports it: subscriptions open over both transports. */
export async function openSubscriptionCount(app: Parameters<typeof supertest>[0]): Promise<number> {
  const text = (await supertest(app).get('/metrics')).text;
  const line = text.split('\n').find((l) => l.startsWith('swarm_gateway_subscriptions_open '));
  if (line === undefined) throw new Error('/metrics has no swarm_gateway_subscriptions_open');
  return Number(line.split(' ')[1]);
}
