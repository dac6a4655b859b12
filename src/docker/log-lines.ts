// Pieces of a log line the Engine sends (`GET /containers/{id}/logs`, `/services/{id}/logs`)
// with `timestamps=1`: `<RFC3339Nano timestamp> <rest>\n`.

/** The lines of a text; a trailing newline ends the last line, and a `\r` before a newline goes with it. */
export function splitLines(text: string): string[] {
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((p) => (p.endsWith('\r') ? p.slice(0, -1) : p));
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The line's leading timestamp (null when it has none) and what follows it. */
export function splitTimestamp(line: string): { timestamp: string | null; rest: string } {
  const space = line.indexOf(' ');
  const head = space < 0 ? line : line.slice(0, space);
  if (!TIMESTAMP.test(head)) return { timestamp: null, rest: line };
  return { timestamp: head, rest: space < 0 ? '' : line.slice(space + 1) };
}
