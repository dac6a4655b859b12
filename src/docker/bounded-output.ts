// The output of an exec, kept up to a bound per stream: the first `limit` bytes of stdout
// and of stderr; what comes after is counted and dropped, so memory stays bounded however
// much the command writes.
import type { RawFrame } from './multiplexed-stream.ts';

export interface StreamOutput {
  /** The bytes kept, as UTF-8 text (invalid bytes become U+FFFD). */
  text: string;
  /** Whether bytes were dropped. */
  truncated: boolean;
  /** Bytes written in all, kept or not. */
  totalBytes: number;
}

class BoundedStream {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  total = 0;

  constructor(private readonly limit: number) {}

  add(payload: Buffer): void {
    this.total += payload.length;
    const room = this.limit - this.kept;
    if (room <= 0) return;
    // A copy: the payload may be a view into a larger buffer that would otherwise stay alive.
    const piece = Buffer.from(payload.subarray(0, room));
    this.chunks.push(piece);
    this.kept += piece.length;
  }

  result(): StreamOutput {
    return { text: Buffer.concat(this.chunks).toString('utf8'), truncated: this.total > this.kept, totalBytes: this.total };
  }
}

export class BoundedOutput {
  private readonly streams: Record<RawFrame['stream'], BoundedStream>;

  constructor(limitPerStream: number) {
    this.streams = { stdout: new BoundedStream(limitPerStream), stderr: new BoundedStream(limitPerStream) };
  }

  add(frame: RawFrame): void {
    this.streams[frame.stream].add(frame.payload);
  }

  stdout(): StreamOutput {
    return this.streams.stdout.result();
  }

  stderr(): StreamOutput {
    return this.streams.stderr.result();
  }
}
