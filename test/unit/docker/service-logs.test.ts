// Demultiplexing `GET /services/{id}/logs?timestamps=1&details=1` bodies captured from
// Docker 20.10: a multiplexed stream (no TTY) and a raw one (a service with --tty).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDetails, parseLine, parseServiceLogs } from '../../../src/docker/service-logs.ts';
import { demultiplex } from '../../../src/docker/multiplexed-stream.ts';
import { engineTimestampOf } from '../../../src/docker/engine-time.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

describe('service logs', () => {
  test('a multiplexed body splits into stdout and stderr lines with task and node', () => {
    const lines = parseServiceLogs(fixture('service-logs-multiplexed.bin'), { tty: false });
    assert.equal(lines.length, 6);
    assert.deepEqual(lines[0], {
      stream: 'stderr',
      timestamp: '2026-11-22T06:11:49.813687952Z',
      message: 'err',
      taskId: 'u2onmext4sooyf59r5kbltat7',
      nodeId: 'p92ubc37znik4jhswwm0voz75',
    });
    // tail=3 per task: the running task and the one it replaced, interleaved as sent.
    assert.deepEqual(
      lines.map((l) => `${l.stream}:${l.message}:${l.taskId}`),
      [
        'stderr:err:u2onmext4sooyf59r5kbltat7',
        'stderr:err:kh1jhtwiixzy4oojw7x5v41qo',
        'stderr:err:u2onmext4sooyf59r5kbltat7',
        'stdout:hello:u2onmext4sooyf59r5kbltat7',
        'stdout:hello:kh1jhtwiixzy4oojw7x5v41qo',
        'stderr:err:kh1jhtwiixzy4oojw7x5v41qo',
      ],
    );
  });

  test('a TTY body is raw stdout with CRLF line ends', () => {
    const lines = parseServiceLogs(fixture('service-logs-tty.bin'), { tty: true });
    assert.deepEqual(lines.map((l) => [l.stream, l.message]), [['stdout', 'one'], ['stdout', 'two'], ['stdout', 'a=b c']]);
    assert.equal(lines[0]!.taskId, 'l2jnfz2wo8me8lmepaqgamqel');
    assert.equal(lines[0]!.nodeId, '0h2fpplumn8l8mdtscanhf7gg');
  });

  test('a body that is not multiplexed is refused rather than misread', () => {
    assert.throws(() => parseServiceLogs(fixture('service-logs-tty.bin'), { tty: false }), /not multiplexed/);
  });

  test('frames keep their stream; a message keeps inner spaces and leading blanks', () => {
    const body = Buffer.concat([
      frame(1, '2026-01-01T00:00:00.5Z com.docker.swarm.task.id=t1  indented  text\n'),
      frame(2, '2026-01-01T00:00:01Z com.docker.swarm.node.id=n%2C1,com.docker.swarm.task.id=t2 k=v looks like details\n'),
    ]);
    assert.deepEqual(parseServiceLogs(body, { tty: false }), [
      { stream: 'stdout', timestamp: '2026-01-01T00:00:00.5Z', message: ' indented  text', taskId: 't1', nodeId: null },
      { stream: 'stderr', timestamp: '2026-01-01T00:00:01Z', message: 'k=v looks like details', taskId: 't2', nodeId: 'n,1' },
    ]);
  });

  test('an empty body has no lines; a truncated frame keeps what arrived', () => {
    assert.deepEqual(parseServiceLogs(Buffer.alloc(0), { tty: false }), []);
    const whole = frame(1, '2026-01-01T00:00:00Z a=b partial line\n');
    assert.equal(demultiplex(whole.subarray(0, whole.length - 6))[0]!.payload.toString(), '2026-01-01T00:00:00Z a=b partial');
  });

  test('details: empty, escaped, or not details at all', () => {
    assert.deepEqual(parseDetails(''), {});
    assert.deepEqual(parseDetails('a=1,b=x+y%3D'), { a: '1', b: 'x y=' });
    assert.equal(parseDetails('hello'), null);
    // Empty details (two spaces) leave the message whole.
    assert.equal(parseLine('stdout', '2026-01-01T00:00:00Z  hi there').message, 'hi there');
    // A line without timestamp or details is all message.
    assert.equal(parseLine('stdout', 'plain words').message, 'plain words');
  });

  test('since is sent as Unix seconds with nanoseconds, as the CLI sends it', () => {
    assert.equal(engineTimestampOf('2026-01-01T00:00:01.250Z'), '1767225601.250000000');
  });
});
