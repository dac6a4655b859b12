// The Engine's multiplexed stream split as it arrives: frames across chunk boundaries (a
// header split in two, a payload in many pieces), a stop inside a frame, a body that is not
// multiplexed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FrameSplitter } from '../../../src/docker/multiplexed-stream.ts';
import { frame } from '../../support/fake-engine/stream-frames.ts';

describe('FrameSplitter', () => {
  test('frames split anywhere come out whole, in order', () => {
    const body = Buffer.concat([frame(1, 'hello\n'), frame(2, 'oops\n'), frame(1, '')]);
    for (let cut = 1; cut < body.length; cut++) {
      const splitter = new FrameSplitter();
      const frames = [...splitter.push(body.subarray(0, cut)), ...splitter.push(body.subarray(cut)), ...splitter.end()];
      assert.deepEqual(frames.map((f) => [f.stream, f.payload.toString()]), [['stdout', 'hello\n'], ['stderr', 'oops\n'], ['stdout', '']], `cut at ${cut}`);
    }
  });

  test('a body that stops inside a frame keeps what came; a bad header throws', () => {
    const splitter = new FrameSplitter();
    assert.deepEqual(splitter.push(frame(1, 'abcdef').subarray(0, 11)), []);
    assert.deepEqual(splitter.end().map((f) => f.payload.toString()), ['abc']);
    assert.throws(() => new FrameSplitter().push(Buffer.from('plain text, no frames')), /not multiplexed: bad frame header at byte 0/);
  });
});
