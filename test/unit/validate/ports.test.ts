import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePortRemoveSpec, parsePublishSpec, portConfigFromInput, validatePortConfig, validateServicePorts, type PortConfigLike } from '../../../src/validate/ports.ts';

const F = ['input', 'publish', '0'];
const port = (targetPort: number, publishedPort: number | null, protocol: PortConfigLike['protocol'] = 'TCP', publishMode: PortConfigLike['publishMode'] = 'INGRESS'): PortConfigLike => ({
  targetPort,
  publishedPort,
  protocol,
  publishMode,
});

function ports(spec: string): PortConfigLike[] {
  const r = parsePublishSpec(spec, F);
  assert.ok('ports' in r, `${spec}: ${JSON.stringify(r)}`);
  return r.ports;
}

function errorOf(spec: string): [string, string[] | null, string] {
  const r = parsePublishSpec(spec, F);
  assert.ok('errors' in r, `${spec} should fail`);
  assert.equal(r.errors.length, 1);
  return [r.errors[0]!.code, r.errors[0]!.field, r.errors[0]!.message];
}

test('short forms', () => {
  assert.deepEqual(ports('80'), [port(80, null)]);
  assert.deepEqual(ports('8080:80'), [port(80, 8080)]);
  assert.deepEqual(ports('8080:80/udp'), [port(80, 8080, 'UDP')]);
  assert.deepEqual(ports('8080:80/UDP'), [port(80, 8080, 'UDP')]);
  assert.deepEqual(ports('8080:80/Sctp'), [port(80, 8080, 'SCTP')]);
  assert.deepEqual(ports('8080:80/'), [port(80, 8080)]);
  assert.deepEqual(ports(':80'), [port(80, null)]);
  assert.deepEqual(ports('8080-8081:80-81/tcp'), [port(80, 8080), port(81, 8081)]);
  assert.deepEqual(ports('80-81'), [port(80, null), port(81, null)]);
  // one target, a published range: each published port leads to the target (nat.ParsePortSpec)
  assert.deepEqual(ports('8080-8081:80'), [port(80, 8080), port(80, 8081)]);
  assert.deepEqual(ports('65535'), [port(65535, null)]);
});

test('long form', () => {
  assert.deepEqual(ports('published=8080,target=80,protocol=udp,mode=host'), [port(80, 8080, 'UDP', 'HOST')]);
  assert.deepEqual(ports('target=80,published=80'), [port(80, 80)]);
  assert.deepEqual(ports('target=80'), [port(80, null)]);
  assert.deepEqual(ports('Target=80,Protocol=TCP,Mode=Ingress'), [port(80, null)]);
});

test('both publish forms give the same PortConfig', () => {
  assert.deepEqual(ports('8080:80/udp'), [port(80, 8080, 'UDP')]);
  assert.deepEqual(ports('published=8080,target=80,protocol=udp'), ports('8080:80/udp'));
  assert.deepEqual(ports('published=8080,target=80,protocol=udp,mode=host'), [{ ...ports('8080:80/udp')[0]!, publishMode: 'HOST' }]);
});

test('port 0 and port 70000 are INVALID_PORT', () => {
  for (const spec of ['0', '70000', '8080:0', '0:80', '70000:80', '8080:70000', 'target=0', 'target=70000', 'published=0,target=80', 'published=70000,target=80']) {
    const [code, field, message] = errorOf(spec);
    assert.equal(code, 'INVALID_PORT', spec);
    assert.deepEqual(field, F);
    assert.match(message, /1 to 65535/, spec);
  }
});

test('unknown protocols are INVALID_PROTOCOL', () => {
  for (const spec of ['8080:80/icmp', '80/http', 'published=8080,target=80,protocol=icmp']) {
    const [code, field, message] = errorOf(spec);
    assert.equal(code, 'INVALID_PROTOCOL', spec);
    assert.deepEqual(field, F);
    assert.match(message, /tcp, udp or sctp/);
  }
});

test('malformed publish specs are INVALID_PORT', () => {
  for (const spec of ['', 'abc', '80:', '1.2.3.4:8080:80', '[::1]:8080:80', '8080:80/tcp/x', '80-', '81-80', '8080-8082:80-81', 'published=8080', 'published=8080,target', 'foo=1,target=80', 'target=80,target=81', 'target=80, published=8080', 'target=8x', '1-2000']) {
    const [code, field] = errorOf(spec);
    assert.equal(code, 'INVALID_PORT', spec);
    assert.deepEqual(field, F);
  }
  assert.equal(errorOf('target=80,mode=bridge')[0], 'INVALID_VALUE');
  assert.match(errorOf('1.2.3.4:8080:80')[2], /host IP/);
  assert.match(errorOf('published=8080')[2], /no target=/);
});

test('structured ports', () => {
  const field = ['input', 'ports', '0'];
  assert.deepEqual(validatePortConfig({ targetPort: 80, publishedPort: 8080 }, field), []);
  assert.deepEqual(
    validatePortConfig({ targetPort: 0, publishedPort: 70000 }, field).map((e) => [e.code, e.field]),
    [
      ['INVALID_PORT', ['input', 'ports', '0', 'targetPort']],
      ['INVALID_PORT', ['input', 'ports', '0', 'publishedPort']],
    ],
  );
  assert.deepEqual(portConfigFromInput({ targetPort: 80 }), port(80, null));
  assert.deepEqual(portConfigFromInput({ targetPort: 80, publishedPort: 8080, protocol: 'UDP', publishMode: 'HOST' }), port(80, 8080, 'UDP', 'HOST'));
  // same PortConfig as the string forms
  assert.deepEqual(portConfigFromInput({ targetPort: 80, publishedPort: 8080, protocol: 'UDP' }), ports('8080:80/udp')[0]);
});

test('--publish-rm specs', () => {
  const field = ['input', 'publishRemove', '0'];
  assert.deepEqual(parsePortRemoveSpec('80', field), { port: { targetPort: 80, protocol: 'TCP', publishMode: null } });
  assert.deepEqual(parsePortRemoveSpec('80/udp', field), { port: { targetPort: 80, protocol: 'UDP', publishMode: null } });
  assert.deepEqual(parsePortRemoveSpec('target=80,mode=host', field), { port: { targetPort: 80, protocol: 'TCP', publishMode: 'HOST' } });
  assert.deepEqual(parsePortRemoveSpec('target=80,protocol=udp', field), { port: { targetPort: 80, protocol: 'UDP', publishMode: null } });
  const bad = (spec: string) => {
    const r = parsePortRemoveSpec(spec, field);
    assert.ok('errors' in r, spec);
    return r.errors.map((e) => [e.code, e.field]);
  };
  assert.deepEqual(bad('0'), [['INVALID_PORT', field]]);
  assert.deepEqual(bad('70000'), [['INVALID_PORT', field]]);
  assert.deepEqual(bad('80/icmp'), [['INVALID_PROTOCOL', field]]);
  assert.deepEqual(bad('8080:80'), [['INVALID_PORT', field]]);
  assert.deepEqual(bad('80/tcp/x'), [['INVALID_PORT', field]]);
});

test('ports of one service: duplicates and dnsrr with ingress ports', () => {
  const field = ['input', 'publish'];
  assert.deepEqual(validateServicePorts([port(80, 8300), port(80, 8300, 'UDP')], 'VIP', field), []);
  assert.deepEqual(validateServicePorts([port(80, null), port(81, null)], 'VIP', field), []);
  assert.deepEqual(validateServicePorts([port(80, 80), port(81, 80)], 'VIP', field).map((e) => e.code), ['INVALID_PORT']);
  assert.deepEqual(validateServicePorts([port(80, 8080)], 'DNSRR', field).map((e) => e.code), ['INVALID_VALUE']);
  assert.deepEqual(validateServicePorts([port(80, 8080, 'TCP', 'HOST')], 'DNSRR', field), []);
});
