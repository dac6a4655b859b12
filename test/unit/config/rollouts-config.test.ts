// Config section `rollouts`: how often the trackers read a cluster with open rollouts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, parseConfig } from '../../../src/config/config.ts';

const base = { clusters: [{ name: 'c1', managers: [{ url: 'unix:///var/run/docker.sock' }] }] };

describe('config rollouts', () => {
  test('pollMs defaults to 1000 and takes a value in range', () => {
    assert.equal(parseConfig(base).rollouts.pollMs, 1_000);
    assert.equal(parseConfig({ ...base, rollouts: { pollMs: 250 } }).rollouts.pollMs, 250);
  });

  test('a pollMs out of range or an unknown key is refused, naming it', () => {
    assert.throws(() => parseConfig({ ...base, rollouts: { pollMs: 10 } }), (e) => e instanceof ConfigError && /rollouts\.pollMs/.test(e.message));
    assert.throws(() => parseConfig({ ...base, rollouts: { pollMs: 1.5 } }), (e) => e instanceof ConfigError && /rollouts\.pollMs/.test(e.message));
    assert.throws(() => parseConfig({ ...base, rollouts: { interval: 5 } }), (e) => e instanceof ConfigError && /rollouts/.test(e.message));
  });
});
