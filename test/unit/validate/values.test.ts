import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDuration } from '../../../src/validate/duration.ts';
import { parseMemoryBytes } from '../../../src/validate/memory.ts';
import { parseNanoCpus } from '../../../src/validate/cpus.ts';
import { validateEnv, validateEnvKeys } from '../../../src/validate/env.ts';
import { validateConstraints } from '../../../src/validate/constraints.ts';
import { parseResources } from '../../../src/validate/resources.ts';
import { hasUpdatePolicy, parseUpdatePolicy } from '../../../src/validate/update-policy.ts';
import { validateDataPathAddress, validateNodeAddress } from '../../../src/validate/addresses.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);
const F = ['input', 'updateConfig', 'delay'];

function nanos(text: string): number {
  const r = parseGoDuration(text, F);
  assert.ok('nanoseconds' in r, `${text}: ${JSON.stringify(r)}`);
  return r.nanoseconds;
}

test('Go durations in nanoseconds', () => {
  assert.equal(nanos('1m30s'), 90e9);
  assert.equal(nanos('500ms'), 500e6);
  assert.equal(nanos('10s'), 10e9);
  assert.equal(nanos('1h'), 3600e9);
  assert.equal(nanos('1.5h'), 5400e9);
  assert.equal(nanos('.5s'), 500e6);
  assert.equal(nanos('1h2m3s4ms5us6ns'), 3723004005006);
  assert.equal(nanos('2µs'), 2000);
  assert.equal(nanos('2μs'), 2000);
  assert.equal(nanos('0'), 0);
  assert.equal(nanos('+5s'), 5e9);
  assert.equal(nanos('2160h'), 2160 * 3600e9);
});

test('malformed and negative durations are INVALID_VALUE', () => {
  for (const bad of ['', '10', '1x', '1 s', 's', '.s', '1.2.3s', '-', '1h 30m', 'constructor', '1e3s', '10S', '9999999999999h']) {
    const r = parseGoDuration(bad, F);
    assert.ok('errors' in r, bad);
    assert.deepEqual(codes(r.errors), [['INVALID_VALUE', F]], bad);
  }
  const negative = parseGoDuration('-1s', F);
  assert.ok('errors' in negative);
  assert.match(negative.errors[0]!.message, /negative/);
  assert.ok('nanoseconds' in parseGoDuration('-0', F));
});

function bytes(text: string): number {
  const r = parseMemoryBytes(text, ['m']);
  assert.ok('bytes' in r, `${text}: ${JSON.stringify(r)}`);
  return r.bytes;
}

test('memory sizes as go-units RAMInBytes reads them', () => {
  assert.equal(bytes('512M'), 512 * 1024 ** 2);
  assert.equal(bytes('512m'), 512 * 1024 ** 2);
  assert.equal(bytes('1g'), 1024 ** 3);
  assert.equal(bytes('1024'), 1024);
  assert.equal(bytes('1.5GiB'), 1.5 * 1024 ** 3);
  assert.equal(bytes('1.5gib'), 1.5 * 1024 ** 3);
  assert.equal(bytes('2 kb'), 2048);
  assert.equal(bytes('10b'), 10);
  assert.equal(bytes('1.9'), 1);
  assert.equal(bytes('1t'), 1024 ** 4);
});

test('malformed memory sizes are INVALID_VALUE', () => {
  for (const bad of ['', 'M', '-1M', '1x', '1.2.3M', '1  M', '1MBB', 'lots', '1e3', '0x10']) {
    const r = parseMemoryBytes(bad, ['input', 'resources', 'limitMemory']);
    assert.ok('errors' in r, bad);
    assert.deepEqual(codes(r.errors), [['INVALID_VALUE', ['input', 'resources', 'limitMemory']]], bad);
  }
});

test('CPUs to nano-CPUs', () => {
  assert.deepEqual(parseNanoCpus(0.5, ['c']), { nanoCpus: 500_000_000 });
  assert.deepEqual(parseNanoCpus(0.1, ['c']), { nanoCpus: 100_000_000 });
  assert.deepEqual(parseNanoCpus(2, ['c']), { nanoCpus: 2_000_000_000 });
  assert.ok('errors' in parseNanoCpus(-1, ['c']));
  assert.ok('errors' in parseNanoCpus(1e-10, ['c']));
  assert.ok('errors' in parseNanoCpus(Number.NaN, ['c']));
});

test('resources: parsed, with swarmkit minimums', () => {
  const field = ['input', 'resources'];
  assert.deepEqual(parseResources({ limitCpus: 0.5, limitMemory: '512M', reserveCpus: 0.25, reserveMemory: '1g' }, field), {
    resources: { limitNanoCpus: 500_000_000, limitMemoryBytes: 536870912, reserveNanoCpus: 250_000_000, reserveMemoryBytes: 1073741824 },
  });
  const r = parseResources({ limitCpus: 0.0001, limitMemory: '1m', reserveMemory: 'lots' }, field);
  assert.ok('errors' in r);
  assert.deepEqual(codes(r.errors), [
    ['INVALID_VALUE', ['input', 'resources', 'limitCpus']],
    ['INVALID_VALUE', ['input', 'resources', 'limitMemory']],
    ['INVALID_VALUE', ['input', 'resources', 'reserveMemory']],
  ]);
});

test('environment: KEY=VALUE with a non-empty key without blanks', () => {
  const field = ['input', 'env'];
  assert.deepEqual(validateEnv(['A=1', 'B=', 'C=a=b', 'lower_case=x y'], field), []);
  assert.deepEqual(codes(validateEnv(['A=1', 'B', '=x', 'MY VAR=1', 'TAB\tX=1'], field)), [
    ['INVALID_VALUE', ['input', 'env', '1']],
    ['INVALID_VALUE', ['input', 'env', '2']],
    ['INVALID_VALUE', ['input', 'env', '3']],
    ['INVALID_VALUE', ['input', 'env', '4']],
  ]);
  // A NUL (or another control character) in a name used to be accepted (issue 9).
  for (const bad of ['A\u0000B=1', '\u0000=1', 'A\u001bX=1', 'A\u007f=1']) {
    const errors = validateEnv([bad], field);
    assert.deepEqual(codes(errors), [['INVALID_VALUE', ['input', 'env', '0']]], JSON.stringify(bad));
    assert.match(errors[0]!.message, /control character/);
  }
  assert.deepEqual(codes(validateEnvKeys(['A\u0000'], ['input', 'envRemove'])), [['INVALID_VALUE', ['input', 'envRemove', '0']]]);
  assert.deepEqual(validateEnv(['A=value with \u0007 bell'], field), [], 'values are not names');
  assert.deepEqual(validateEnvKeys(['A', 'b_c'], ['input', 'envRemove']), []);
  assert.deepEqual(codes(validateEnvKeys(['A=1', '', 'A B'], ['input', 'envRemove'])), [
    ['INVALID_VALUE', ['input', 'envRemove', '0']],
    ['INVALID_VALUE', ['input', 'envRemove', '1']],
    ['INVALID_VALUE', ['input', 'envRemove', '2']],
  ]);
});

test('placement constraints as swarmkit parses them', () => {
  const field = ['input', 'constraints'];
  assert.deepEqual(validateConstraints(['node.role==manager', 'node.labels.x != y', 'node.hostname==worker-1', 'engine.labels.os==linux'], field), []);
  assert.deepEqual(codes(validateConstraints(['node.role=manager', 'node.role==manager>', '==x', 'node.role=='], field)), [
    ['INVALID_VALUE', ['input', 'constraints', '0']],
    ['INVALID_VALUE', ['input', 'constraints', '1']],
    ['INVALID_VALUE', ['input', 'constraints', '2']],
    ['INVALID_VALUE', ['input', 'constraints', '3']],
  ]);
});

test('update policies', () => {
  const field = ['input', 'updateConfig'];
  assert.equal(hasUpdatePolicy({}), false);
  assert.equal(hasUpdatePolicy({ delay: null }), false);
  assert.equal(hasUpdatePolicy({ parallelism: 0 }), true);
  assert.deepEqual(parseUpdatePolicy({ parallelism: 2, delay: '10s', monitor: '1m', failureAction: 'ROLLBACK', maxFailureRatio: 0.5, order: 'start-first' }, 'update', field), {
    policy: { parallelism: 2, delayNanos: 10e9, monitorNanos: 60e9, failureAction: 'rollback', maxFailureRatio: 0.5, order: 'start-first' },
  });
  const bad = parseUpdatePolicy({ parallelism: -1, delay: '-1s', monitor: 'soon', failureAction: 'explode', maxFailureRatio: 2, order: 'random' }, 'update', field);
  assert.ok('errors' in bad);
  assert.deepEqual(codes(bad.errors), ['parallelism', 'delay', 'monitor', 'failureAction', 'maxFailureRatio', 'order'].map((f) => ['INVALID_VALUE', [...field, f]]));
  const rollback = parseUpdatePolicy({ failureAction: 'rollback' }, 'rollback', ['input', 'rollbackConfig']);
  assert.ok('errors' in rollback);
  assert.deepEqual(codes(rollback.errors), [['INVALID_VALUE', ['input', 'rollbackConfig', 'failureAction']]]);
});

test('node addresses', () => {
  const f = ['input', 'advertiseAddr'];
  for (const ok of ['198.18.13.11', '198.18.13.11:2377', 'eth0', 'eth0:2377', '0.0.0.0:2377', 'fd00::1', '[fd00::1]:2377']) assert.deepEqual(validateNodeAddress(ok, f, 'advertise address'), [], ok);
  for (const bad of ['', '1.2.3.4:', '1.2.3.4:99999', 'eth0:x', 'a/b', 'has space', 'averyveryverylonginterface']) {
    assert.deepEqual(codes(validateNodeAddress(bad, f, 'advertise address')), [['INVALID_VALUE', f]], bad);
  }
  assert.deepEqual(validateDataPathAddress('eth1', ['d']), []);
  assert.deepEqual(codes(validateDataPathAddress('10.0.0.1:4789', ['d'])), [['INVALID_VALUE', ['d']]]);
});
