// The one constraint parser (src/validate/constraints.ts), read as swarmkit's constraint.Parse
// and NodeMatches: used by input validation and the policy's placement rule alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeMeets, parseConstraint, sameConstraint, validateConstraints, type Constraint } from '../../../src/validate/constraints.ts';

const ok = (text: string): Constraint => {
  const c = parseConstraint(text);
  assert.ok(!('error' in c), `${text}: ${JSON.stringify(c)}`);
  return c;
};
const error = (text: string): string => {
  const c = parseConstraint(text);
  assert.ok('error' in c, `${text} should be refused`);
  return c.error;
};

test('key, operator (== or !=, the first found) and value, trimmed', () => {
  assert.deepEqual(ok(' node.role == worker '), { key: 'node.role', parsedKey: { kind: 'node.role' }, equal: true, value: 'worker' });
  assert.deepEqual(ok('node.labels.zone!=a'), { key: 'node.labels.zone', parsedKey: { kind: 'node.labels', label: 'zone' }, equal: false, value: 'a' });
  assert.deepEqual(ok('engine.labels.os==linux').parsedKey, { kind: 'engine.labels', label: 'os' });
  assert.equal(ok('NODE.HOSTNAME==w1').parsedKey.kind, 'node.hostname');
  assert.match(error('node.role!=a==b'), /key "node.role!=a" is not valid/);
});

test('a label key needs a label name; unknown keys, empty values and other operators are refused', () => {
  assert.match(error('node.labels.==x'), /names no label/);
  assert.match(error('engine.labels.!=x'), /names no label/);
  assert.match(error('node.colour==red'), /not one swarmkit matches on/);
  assert.match(error('Node.Labels.zone==a'), /not one swarmkit matches on/, 'the label prefix is case-sensitive in swarmkit');
  assert.match(error('node.role=='), /value "" is not valid/);
  assert.match(error('node.role>manager'), /no operator/);
  assert.deepEqual(validateConstraints(['node.role==worker', 'node.labels.==x'], ['input', 'constraints']).map((e) => e.field), [['input', 'constraints', '1']]);
});

test('matching a node: values case-insensitively, label names exactly, a missing label is ""', () => {
  const worker = { id: 'w1id', hostname: 'Worker-1', manager: false, labels: { zone: 'A' }, engineLabels: {}, os: 'linux', arch: 'x86_64' };
  assert.equal(nodeMeets(worker, ok('node.role==WORKER')), true);
  assert.equal(nodeMeets(worker, ok('node.hostname==worker-1')), true);
  assert.equal(nodeMeets(worker, ok('node.labels.zone==a')), true);
  assert.equal(nodeMeets(worker, ok('node.labels.Zone==a')), false);
  assert.equal(nodeMeets(worker, ok('node.labels.rack!=x')), true);
  assert.equal(sameConstraint(ok('NODE.ROLE == Worker'), ok('node.role==worker')), true);
  assert.equal(sameConstraint(ok('node.role!=worker'), ok('node.role==worker')), false);
});
