// readContainerLogs on a hand-made engine: lines assembled across frames and chunks (a line
// split over two frames, two lines in one chunk), and a body that never ends refused at the
// deadline instead of holding the request.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { readContainerLogs } from '../../../src/docker/container-logs.ts';
import type { EngineRequest, StreamingEngineApi } from '../../../src/docker/endpoint.ts';
import { frame } from '../../support/fake-engine/stream-frames.ts';

function engineSending(chunks: Buffer[], end: boolean): StreamingEngineApi & { asked: EngineRequest[] } {
  const asked: EngineRequest[] = [];
  return {
    asked,
    request: () => Promise.reject(new Error('not used')),
    stream: async (req) => {
      asked.push(req);
      const body = new Readable({ read() {} });
      for (const c of chunks) body.push(c);
      if (end) body.push(null);
      return body;
    },
  };
}

const OPTS = { tail: 10, stdout: true, stderr: true, tty: false, maxBytes: 1000 };

describe('readContainerLogs', () => {
  test('lines across frames and chunks, each with its stream and timestamp', async () => {
    const body = Buffer.concat([frame(1, '2026-01-01T00:00:01Z hel'), frame(1, 'lo\n2026-01-01T00:00:02Z again\n'), frame(2, '2026-01-01T00:00:03Z oops\n')]);
    const api = engineSending([body.subarray(0, 5), body.subarray(5, 40), body.subarray(40)], true);
    const logs = await readContainerLogs(api, 'abc', OPTS);
    assert.deepEqual(logs, {
      truncated: false,
      lines: [
        { stream: 'stdout', timestamp: '2026-01-01T00:00:01Z', message: 'hello' },
        { stream: 'stdout', timestamp: '2026-01-01T00:00:02Z', message: 'again' },
        { stream: 'stderr', timestamp: '2026-01-01T00:00:03Z', message: 'oops' },
      ],
    });
    assert.deepEqual(api.asked[0]!.query, { stdout: true, stderr: true, tail: 10, timestamps: true, since: undefined });
  });

  test('a body that does not end is ENGINE_UNAVAILABLE at the deadline', async () => {
    const api = engineSending([frame(1, '2026-01-01T00:00:01Z partial\n')], false);
    await assert.rejects(readContainerLogs(api, 'abc', { ...OPTS, deadlineMs: 200 }), (err: Error & { code?: string }) => err.code === 'ENGINE_UNAVAILABLE' && /within 0.2 s/.test(err.message));
  });
});
