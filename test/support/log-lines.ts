// A pino logger whose lines are kept, parsed, for tests that check what the gateway logged.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export function keptLogLines(level = 'info'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}
