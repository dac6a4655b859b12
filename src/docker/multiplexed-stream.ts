// The Engine's multiplexed stream (logs and attached exec output of a container without a
// TTY): frames of an 8-byte header (stream type 0 = stdin, 1 = stdout, 2 = stderr; three
// zero bytes; payload length, big-endian uint32) and the payload. A TTY container's output
// is not framed: it is the raw stdout. The one parser of that framing, used whole
// (service logs) or chunk by chunk as the body arrives (container logs, exec output).

export interface RawFrame {
  stream: 'stdout' | 'stderr';
  payload: Buffer;
}

const HEADER = 8;
const STREAMS: Record<number, RawFrame['stream'] | undefined> = { 0: 'stdout', 1: 'stdout', 2: 'stderr' };

/**
 * Splits a multiplexed body into frames as its chunks arrive: `push` returns the frames
 * complete so far, `end` the last one if the body stopped inside it (kept as far as it goes).
 * A header that is not a frame header throws: the body is not multiplexed.
 */
export class FrameSplitter {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes consumed before `pending`, for messages. */
  private offset = 0;

  push(chunk: Buffer): RawFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: RawFrame[] = [];
    let at = 0;
    while (at + HEADER <= this.pending.length) {
      const stream = headerStream(this.pending, at, this.offset + at);
      const size = this.pending.readUInt32BE(at + 4);
      if (at + HEADER + size > this.pending.length) break;
      frames.push({ stream, payload: this.pending.subarray(at + HEADER, at + HEADER + size) });
      at += HEADER + size;
    }
    this.offset += at;
    this.pending = this.pending.subarray(at);
    return frames;
  }

  end(): RawFrame[] {
    const rest = this.pending;
    this.pending = Buffer.alloc(0);
    if (rest.length < HEADER) return [];
    const stream = headerStream(rest, 0, this.offset);
    return [{ stream, payload: rest.subarray(HEADER) }];
  }
}

function headerStream(buffer: Buffer, at: number, position: number): RawFrame['stream'] {
  const stream = STREAMS[buffer[at]!];
  if (!stream || buffer[at + 1] !== 0 || buffer[at + 2] !== 0 || buffer[at + 3] !== 0) {
    throw new Error(`the stream is not multiplexed: bad frame header at byte ${position}`);
  }
  return stream;
}

/** Splits a whole multiplexed body into frames. A truncated last frame is kept as far as it goes. */
export function demultiplex(body: Buffer): RawFrame[] {
  const splitter = new FrameSplitter();
  return [...splitter.push(body), ...splitter.end()];
}
