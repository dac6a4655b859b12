// A compose file as a user writes it, loaded and converted: a mount's options, and the endpoint
// mode, are what `docker stack deploy` sends (docker/cli convert/volume.go and
// convertEndpointSpec, the short syntax as its volume spec parser reads it): BindOptions only
// when the file gives `bind:` or a propagation, TmpfsOptions only when it gives `tmpfs:`,
// options of another type refused as the CLI refuses them, the endpoint mode lowercased.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { convertStack } from '../../../../../src/docker/stack/convert/index.ts';
import { InvalidOptionsError } from '../../../../../src/errors/gateway-error.ts';

const converted = (service: string[]) => {
  const text = ['services:', '  app:', '    image: busybox', ...service.map((l) => `    ${l}`), ''].join('\n');
  return convertStack('s1', loadCompose(text, {}).file).resources.services[0]!.spec;
};
const mountsOf = (volumes: string[]) => converted(['volumes:', ...volumes.map((v) => `  ${v}`)]).TaskTemplate.ContainerSpec!.Mounts;

test('a short bind mount has no BindOptions; a propagation in it does', () => {
  assert.deepEqual(mountsOf(['- /src:/dst', '- /srv/a:/a:ro,rshared']), [
    { Type: 'bind', Source: '/src', Target: '/dst' },
    { Type: 'bind', Source: '/srv/a', Target: '/a', ReadOnly: true, BindOptions: { Propagation: 'rshared' } },
  ]);
});

test('the long syntax: BindOptions when `bind:` is given (empty without a propagation), TmpfsOptions when `tmpfs:` is, neither otherwise', () => {
  assert.deepEqual(
    mountsOf([
      '- { type: bind, source: /src, target: /dst }',
      '- { type: bind, source: /src, target: /b, bind: {} }',
      '- { type: tmpfs, target: /t }',
      '- { type: tmpfs, target: /u, tmpfs: { size: 1024 } }',
    ]),
    [
      { Type: 'bind', Source: '/src', Target: '/dst' },
      { Type: 'bind', Source: '/src', Target: '/b', BindOptions: {} },
      { Type: 'tmpfs', Target: '/t' },
      { Type: 'tmpfs', Target: '/u', TmpfsOptions: { SizeBytes: 1024 } },
    ],
  );
});

test("options of another type are refused, as the CLI refuses them, at the mount's path", () => {
  assert.throws(() => mountsOf(['- { type: bind, source: /src, target: /dst, volume: { nocopy: true } }', '- { type: tmpfs, target: /t, bind: { propagation: rshared } }']), (err: unknown) => {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(err.problems.map((p) => [p.field?.join('.'), p.message]), [
      ['services.app.volumes.0', 'volume options are incompatible with type bind'],
      ['services.app.volumes.1', 'bind options are incompatible with type tmpfs'],
    ]);
    return true;
  });
});

test('endpoint_mode in any case is sent lowercased, as the CLI sends it; another mode is refused at its path', () => {
  assert.deepEqual(converted(['deploy:', '  endpoint_mode: DNSRR']).EndpointSpec, { Mode: 'dnsrr' });
  assert.deepEqual(converted(['deploy:', '  endpoint_mode: Vip']).EndpointSpec, { Mode: 'vip' });
  assert.throws(() => converted(['deploy:', '  endpoint_mode: roundrobin']), (err: unknown) => {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(err.problems.map((p) => [p.code, p.field?.join('.')]), [['COMPOSE_INVALID', 'services.app.deploy.endpoint_mode']]);
    return true;
  });
});
