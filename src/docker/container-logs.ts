// The end of a container's logs (`docker logs --tail N --timestamps`), read as a stream and
// bounded: only the newest lines whose messages fit in `maxBytes` are kept, so a tail of long
// lines cannot hold the gateway's memory. A container without a TTY sends the multiplexed
// stream; one with a TTY the raw output (every line then counts as stdout).
import { containerLogsStream, type ContainerLogsQuery } from './api/containers.ts';
import type { StreamingEngineApi } from './endpoint.ts';
import { splitTimestamp } from './log-lines.ts';
import { FrameSplitter, type RawFrame } from './multiplexed-stream.ts';
import { readStream } from './stream-reader.ts';

export interface ContainerLogLine {
  stream: RawFrame['stream'];
  timestamp: string | null;
  message: string;
}

export interface ContainerLogTail {
  lines: ContainerLogLine[];
  /** Older lines were left out to stay within the bound. */
  truncated: boolean;
}

export interface ContainerLogsOptions extends ContainerLogsQuery {
  /** Config.Tty of the container: its body is not multiplexed. */
  tty: boolean;
  /** Most bytes of message text kept (UTF-8). */
  maxBytes: number;
}

/** Keeps the newest lines within a byte bound; a single line longer than the bound is cut to it. */
class LineTail {
  private readonly lines: { line: ContainerLogLine; bytes: number }[] = [];
  private bytes = 0;
  truncated = false;

  constructor(private readonly maxBytes: number) {}

  add(stream: RawFrame['stream'], raw: Buffer): void {
    let text = raw.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const { timestamp, rest } = splitTimestamp(text);
    let message = rest;
    let size = Buffer.byteLength(message, 'utf8');
    if (size > this.maxBytes) {
      message = Buffer.from(message, 'utf8').subarray(0, this.maxBytes).toString('utf8');
      size = this.maxBytes;
      this.truncated = true;
    }
    this.lines.push({ line: { stream, timestamp, message }, bytes: size });
    this.bytes += size;
    while (this.bytes > this.maxBytes) {
      this.bytes -= this.lines.shift()!.bytes;
      this.truncated = true;
    }
  }

  result(): ContainerLogTail {
    return { lines: this.lines.map((l) => l.line), truncated: this.truncated };
  }
}

/** Splits each stream's bytes into lines across frames and chunks. */
class LineSplitter {
  private readonly partial: Record<RawFrame['stream'], Buffer[]> = { stdout: [], stderr: [] };

  constructor(private readonly emit: (stream: RawFrame['stream'], line: Buffer) => void) {}

  push(frame: RawFrame): void {
    let rest = frame.payload;
    for (let nl = rest.indexOf(0x0a); nl >= 0; nl = rest.indexOf(0x0a)) {
      this.emit(frame.stream, Buffer.concat([...this.partial[frame.stream], rest.subarray(0, nl)]));
      this.partial[frame.stream] = [];
      rest = rest.subarray(nl + 1);
    }
    if (rest.length > 0) this.partial[frame.stream].push(Buffer.from(rest));
  }

  end(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream].length > 0) this.emit(stream, Buffer.concat(this.partial[stream]));
      this.partial[stream] = [];
    }
  }
}

/** `ref`: the container's ID on `api`'s engine. */
export async function readContainerLogs(api: StreamingEngineApi, ref: string, opts: ContainerLogsOptions): Promise<ContainerLogTail> {
  const tail = new LineTail(opts.maxBytes);
  const lines = new LineSplitter((stream, line) => tail.add(stream, line));
  const frames = new FrameSplitter();
  const reading = new AbortController();
  const body = await containerLogsStream(api, ref, opts, reading.signal);
  await readStream(
    body,
    (chunk) => {
      if (opts.tty) lines.push({ stream: 'stdout', payload: chunk });
      else frames.push(chunk).forEach((f) => lines.push(f));
    },
    reading.signal,
  );
  if (!opts.tty) frames.end().forEach((f) => lines.push(f));
  lines.end();
  return tail.result();
}
