import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateContainerRef, validateNetworkName, validateServiceName } from '../../../src/validate/names.ts';
import { validateDriverOptions, validateLabelKeys, validateLabels } from '../../../src/validate/labels.ts';
import { validateImageRef } from '../../../src/validate/image.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);
const F = ['input', 'name'];

test('swarm network names follow swarmkit: DNS name components, at most 63 characters', () => {
  for (const ok of ['a', 'A1', 'my-attachable-overlay', 'a_b', 'a__b', 'a-_b', 'x'.repeat(63)]) {
    assert.deepEqual(validateNetworkName(ok, F), [], ok);
  }
  for (const bad of ['a.b', 'a-', 'a_', '_a', '-a', 'a b', 'a/b', 'x'.repeat(64), '']) {
    assert.deepEqual(codes(validateNetworkName(bad, F)), [['INVALID_VALUE', F]], bad);
  }
  assert.match(validateNetworkName('x'.repeat(64), F)[0]!.message, /64 characters long.*at most 63/);
  assert.match(validateNetworkName('a.b', F)[0]!.message, /"a\.b".*letters, digits/);
});

test('local network names follow moby: may contain "." and be long', () => {
  assert.deepEqual(validateNetworkName('docker_gwbridge', F, 'local'), []);
  assert.deepEqual(validateNetworkName('a.b', F, 'local'), []);
  assert.deepEqual(validateNetworkName('x'.repeat(100), F, 'local'), []);
  assert.deepEqual(codes(validateNetworkName('.a', F, 'local')), [['INVALID_VALUE', F]]);
  assert.deepEqual(codes(validateNetworkName('a b', F, 'local')), [['INVALID_VALUE', F]]);
});

test('service names: swarmkit rule', () => {
  assert.deepEqual(validateServiceName('my-nginx', F), []);
  assert.deepEqual(validateServiceName('web_1', F), []);
  assert.deepEqual(codes(validateServiceName('my.nginx', F)), [['INVALID_VALUE', F]]);
  assert.deepEqual(codes(validateServiceName('-nginx', F)), [['INVALID_VALUE', F]]);
  assert.deepEqual(codes(validateServiceName('s'.repeat(64), F)), [['INVALID_VALUE', F]]);
  assert.match(validateServiceName('', F)[0]!.message, /required/);
});

test('the name check does not backtrack catastrophically', () => {
  const started = performance.now();
  validateServiceName(`${'a-'.repeat(5000)}!`, F);
  validateNetworkName(`${'a_'.repeat(5000)}!`, F);
  assert.ok(performance.now() - started < 500);
});

test('container references: names (optionally with "/") and ID prefixes', () => {
  for (const ok of ['web', '/web', 'a', '3f2a', 'my_container.1-x']) assert.deepEqual(validateContainerRef(ok, ['input', 'container']), [], ok);
  for (const bad of ['', 'a b', '.x', 'x/y']) assert.deepEqual(codes(validateContainerRef(bad, ['input', 'container'])), [['INVALID_VALUE', ['input', 'container']]], bad);
});

test('labels: non-empty keys of the documented characters, no key twice', () => {
  const field = ['input', 'labels'];
  assert.deepEqual(validateLabels([{ key: 'com.example.team', value: 'x' }, { key: 'y' }, { key: 'a/b_c-d' }], field), []);
  assert.deepEqual(codes(validateLabels([{ key: '', value: 'x' }], field)), [['INVALID_VALUE', ['input', 'labels', '0', 'key']]]);
  assert.deepEqual(codes(validateLabels([{ key: 'ok' }, { key: 'has space' }], field)), [['INVALID_VALUE', ['input', 'labels', '1', 'key']]]);
  assert.deepEqual(codes(validateLabels([{ key: 'a=b' }], field)), [['INVALID_VALUE', ['input', 'labels', '0', 'key']]]);
  const dup = validateLabels([{ key: 'team', value: 'a' }, { key: 'x' }, { key: 'team', value: 'b' }], field);
  assert.deepEqual(codes(dup), [['INVALID_VALUE', ['input', 'labels', '2', 'key']]]);
  assert.match(dup[0]!.message, /"team" is given twice \(items 0 and 2\)/);
  // An empty key is reported once, not also as a duplicate of another empty key.
  assert.equal(validateLabels([{ key: '' }, { key: '' }], field).length, 2);
});

test('label keys to remove only need to be non-empty', () => {
  assert.deepEqual(validateLabelKeys(['any key=at all'], ['input', 'labels', 'remove']), []);
  assert.deepEqual(codes(validateLabelKeys(['a', ''], ['input', 'labels', 'remove'])), [['INVALID_VALUE', ['input', 'labels', 'remove', '1']]]);
});

test('driver options: key without blanks or "=", no key twice', () => {
  const field = ['input', 'options'];
  assert.deepEqual(validateDriverOptions([{ key: 'com.docker.network.driver.mtu', value: '1200' }, { key: 'encrypted' }], field), []);
  assert.deepEqual(codes(validateDriverOptions([{ key: 'a b' }, { key: '' }, { key: 'x' }, { key: 'x' }], field)), [
    ['INVALID_VALUE', ['input', 'options', '0', 'key']],
    ['INVALID_VALUE', ['input', 'options', '1', 'key']],
    ['INVALID_VALUE', ['input', 'options', '3', 'key']],
  ]);
});

test('image references: distribution/reference grammar', () => {
  const field = ['input', 'image'];
  for (const ok of ['nginx', 'nginx:1.25', 'library/nginx:latest', 'registry.example.com:5000/team/app:1.0', 'localhost/app', 'sg-busybox:latest', `nginx@sha256:${'a'.repeat(64)}`, `nginx:1@sha256:${'0'.repeat(64)}`, 'a__b/c.d-e']) {
    assert.deepEqual(validateImageRef(ok, field), [], ok);
  }
  for (const bad of ['', 'Nginx', 'nginx:', 'nginx:bad tag', 'nginx@sha256:xyz', 'a b', 'nginx:-x', 'team//app', 'app-']) {
    assert.deepEqual(codes(validateImageRef(bad, field)), [['INVALID_VALUE', field]], bad);
  }
  const started = performance.now();
  validateImageRef(`${'a-'.repeat(3000)}!`, field);
  assert.ok(performance.now() - started < 500);
});
