// The Engine's multiplexed stream as dockerd writes it (logs, attached exec output).

/** One frame: stream byte (1 stdout, 2 stderr), 3 zero bytes, big-endian length, payload. */
export function frame(stream: 1 | 2, data: string | Buffer): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** A boolean query parameter as dockerd reads it. */
export const truthy = (value: string | undefined) => value === '1' || value === 'true';
