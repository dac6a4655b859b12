// Service ports: the CLI's short syntax expanded to the long form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShortPort, PortSyntaxError } from '../../../../../src/docker/stack/compose/ports.ts';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const p = (target: number, published: number | null, protocol = 'tcp') => ({ target, published, protocol, mode: 'ingress' });

test('published:target, target only, a protocol, a bare number', () => {
  assert.deepEqual(parseShortPort('8080:80'), [p(80, 8080)]);
  assert.deepEqual(parseShortPort('80'), [p(80, null)]);
  assert.deepEqual(parseShortPort(80), [p(80, null)]);
  assert.deepEqual(parseShortPort('8080:80/udp'), [p(80, 8080, 'udp')]);
  assert.deepEqual(parseShortPort('53:53/UDP'), [p(53, 53, 'udp')]);
  assert.deepEqual(parseShortPort('9999/sctp'), [p(9999, null, 'sctp')]);
});

test('ranges: equal ranges pair up, a target range alone is unpublished, a published range for one target fans out', () => {
  assert.deepEqual(parseShortPort('9000-9001:9000-9001'), [p(9000, 9000), p(9001, 9001)]);
  assert.deepEqual(parseShortPort('8000-8001:9000-9001/udp'), [p(9000, 8000, 'udp'), p(9001, 8001, 'udp')]);
  assert.deepEqual(parseShortPort('3000-3001'), [p(3000, null), p(3001, null)]);
  assert.deepEqual(parseShortPort('8000-8002:80'), [p(80, 8000), p(80, 8001), p(80, 8002)]);
});

test('a host IP: 0.0.0.0 and [::] are every address; a specific one is refused', () => {
  assert.deepEqual(parseShortPort('0.0.0.0:8080:80'), [p(80, 8080)]);
  assert.deepEqual(parseShortPort('[::]:8080:80'), [p(80, 8080)]);
  assert.throws(() => parseShortPort('127.0.0.1:8080:80'), (e: unknown) => e instanceof PortSyntaxError && /127\.0\.0\.1.*every address/.test(e.message));
});

test('bad specs: unequal ranges, a bad protocol, not a number, out of range', () => {
  for (const bad of ['9000-9002:80-81', '80/icmp', 'http', '8080:', '0', '70000', '90-80']) {
    assert.throws(() => parseShortPort(bad), PortSyntaxError, bad);
  }
});

test('through loadCompose: expanded in order, a refused one INVALID_VALUE at its index', () => {
  const text = 'services:\n  web:\n    image: nginx\n    ports:\n      - "80"\n      - 9000-9001:9000-9001\n      - target: 443\n        published: 8443\n        mode: host\n';
  assert.deepEqual(loadCompose(text, {}).file.services.web!.ports, [p(80, null), p(9000, 9000), p(9001, 9001), { target: 443, published: 8443, protocol: 'tcp', mode: 'host' }]);
  assert.deepEqual(problemsOf(() => loadCompose('services:\n  web:\n    image: nginx\n    ports: ["80", "127.0.0.1:80:80"]\n', {})), [['INVALID_VALUE', ['services', 'web', 'ports', '1']]]);
});
