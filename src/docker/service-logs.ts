// Reads the body of `GET /services/{id}/logs?timestamps=1&details=1`.
//
// Without a TTY the Engine multiplexes stdout and stderr into one stream of frames
// (multiplexed-stream.ts); with a TTY the body is the raw stdout.
// Each line the Engine sends is `<RFC3339Nano timestamp> <details> <message>\n`, where the
// details are `k=v` pairs, comma-separated and query-escaped (the Docker CLI's
// `service logs` parses them the same way); they name the task and node.

import { demultiplex } from './multiplexed-stream.ts';
import { splitLines, splitTimestamp } from './log-lines.ts';

export interface ServiceLogLine {
  stream: 'stdout' | 'stderr';
  timestamp: string | null;
  message: string;
  taskId: string | null;
  nodeId: string | null;
}

/**
 * Parses a logs body into lines. `tty`: the service's containers have a TTY, so the body is
 * not multiplexed. Lines of several tasks come in the order the Engine sent them.
 */
export function parseServiceLogs(body: Buffer, opts: { tty: boolean }): ServiceLogLine[] {
  const frames = opts.tty ? [{ stream: 'stdout' as const, payload: body }] : demultiplex(body);
  const lines: ServiceLogLine[] = [];
  for (const frame of frames) {
    // A frame normally holds one line; split anyway so that a frame with several lines
    // (or a raw TTY body) still yields one record per line.
    const text = frame.payload.toString('utf8');
    for (const line of splitLines(text)) lines.push(parseLine(frame.stream, line));
  }
  return lines;
}

/** `<timestamp> <details> <message>`; the details part is empty when the Engine has none. */
export function parseLine(stream: ServiceLogLine['stream'], line: string): ServiceLogLine {
  const { timestamp, rest: afterTimestamp } = splitTimestamp(line);
  let rest = afterTimestamp;
  let details: Record<string, string> = {};
  const space = rest.indexOf(' ');
  const candidate = space < 0 ? rest : rest.slice(0, space);
  const parsed = parseDetails(candidate);
  if (parsed) {
    details = parsed;
    rest = space < 0 ? '' : rest.slice(space + 1);
  }
  return {
    stream,
    timestamp,
    message: rest,
    taskId: details['com.docker.swarm.task.id'] ?? null,
    nodeId: details['com.docker.swarm.node.id'] ?? null,
  };
}

/** `k=v,k=v` with query-escaped parts, or null when `text` is not a details field. */
export function parseDetails(text: string): Record<string, string> | null {
  if (text === '') return {};
  const result: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    try {
      result[unescape(pair.slice(0, eq))] = unescape(pair.slice(eq + 1));
    } catch {
      return null;
    }
  }
  return result;
}

/** Go's url.QueryUnescape: `+` is a space, `%XX` a byte. */
function unescape(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}
