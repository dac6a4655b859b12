// Mounts and capabilities of serviceCreate. The expected bodies are what the Docker 20.10
// CLI sent for the same flags (recorded through a logging proxy in front of a harness
// engine, API 1.41).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveCapabilities, normalizeCapability } from '../../../src/docker/mapping/service-mounts.ts';
import { checkServiceCreateOptions, toServiceSpec as specOf, validateServiceCreateOptions, type ServiceCreateOptions } from '../../../src/docker/mapping/service-spec.ts';
import { problemsOf } from '../../support/user-errors.ts';

const toServiceSpec = (options: ServiceCreateOptions, networkIds: ReadonlyMap<string, string>) => specOf(checkServiceCreateOptions(options), networkIds);

const none = new Map<string, string>();
const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field?.join('.')]);

test('docker service create --mount ... --cap-add ... --cap-drop ... sends the CLI\'s ContainerSpec', () => {
  // --replicas 0 --mount type=bind,src=/srv/data,dst=/data,readonly
  // --mount type=volume,src=vol1,dst=/vol,volume-driver=local,volume-opt=type=none,volume-opt=o=bind,volume-opt=device=/srv/x
  // --mount type=tmpfs,dst=/tmp --mount type=volume,dst=/anon --mount type=volume,src=v2,dst=/v2,volume-driver=foo
  // --cap-add net_admin --cap-add CAP_SYS_TIME --cap-drop mknod --cap-drop NET_ADMIN sg-busybox:latest
  const input: ServiceCreateOptions = {
    name: 'm1',
    image: 'sg-busybox:latest',
    replicas: 0,
    mounts: [
      { type: 'BIND', source: '/srv/data', target: '/data', readOnly: true },
      {
        type: 'VOLUME',
        source: 'vol1',
        target: '/vol',
        volumeDriver: 'local',
        volumeOptions: [
          { key: 'type', value: 'none' },
          { key: 'o', value: 'bind' },
          { key: 'device', value: '/srv/x' },
        ],
      },
      { type: 'TMPFS', target: '/tmp' },
      { type: 'VOLUME', target: '/anon', readOnly: false },
      { type: 'VOLUME', source: 'v2', target: '/v2', volumeDriver: 'foo' },
    ],
    capabilityAdd: ['net_admin', 'CAP_SYS_TIME'],
    capabilityDrop: ['mknod', 'NET_ADMIN'],
  };
  assert.deepEqual(validateServiceCreateOptions(input), []);
  assert.equal(
    JSON.stringify(toServiceSpec(input, none)),
    '{"Name":"m1","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"sg-busybox:latest","Init":false,"Mounts":[{"Type":"bind","Source":"/srv/data","Target":"/data","ReadOnly":true},{"Type":"volume","Source":"vol1","Target":"/vol","VolumeOptions":{"DriverConfig":{"Name":"local","Options":{"device":"/srv/x","o":"bind","type":"none"}}}},{"Type":"tmpfs","Target":"/tmp"},{"Type":"volume","Target":"/anon"},{"Type":"volume","Source":"v2","Target":"/v2","VolumeOptions":{"DriverConfig":{"Name":"foo"}}}],"DNSConfig":{},"CapabilityAdd":["CAP_NET_ADMIN","CAP_SYS_TIME"],"CapabilityDrop":["CAP_MKNOD"]},"Resources":{"Limits":{},"Reservations":{}},"Placement":{},"ForceUpdate":0},"Mode":{"Replicated":{"Replicas":0}},"EndpointSpec":{"Mode":"vip"}}',
  );
});

test('--cap-add ALL --cap-add net_admin --cap-drop ALL: ALL replaces the others and is not dropped', () => {
  const spec = toServiceSpec({ name: 'm2', image: 'sg-busybox:latest', replicas: 0, capabilityAdd: ['ALL', 'net_admin'], capabilityDrop: ['ALL'] }, none);
  assert.deepEqual(spec.TaskTemplate.ContainerSpec, { Image: 'sg-busybox:latest', Init: false, DNSConfig: {}, CapabilityAdd: ['ALL'] });
});

test('capability names are normalized as opts.NormalizeCapability does', () => {
  assert.equal(normalizeCapability(' net_admin '), 'CAP_NET_ADMIN');
  assert.equal(normalizeCapability('CAP_SYS_TIME'), 'CAP_SYS_TIME');
  assert.equal(normalizeCapability('all'), 'ALL');
  assert.deepEqual(effectiveCapabilities(['b', 'a', 'CAP_A'], ['a', 'c', 'ALL']), { add: ['CAP_A', 'CAP_B'], drop: ['ALL'] });
});

test('invalid mounts and capabilities are refused at their fields', () => {
  const input: ServiceCreateOptions = {
    name: 'bad',
    image: 'sg-busybox:latest',
    mounts: [
      { type: 'BIND', source: 'relative/path', target: '/a' },
      { type: 'BIND', target: '/b' },
      { type: 'VOLUME', source: 'ok', target: 'c' },
      { type: 'TMPFS', source: 'x', target: '/d' },
      { type: 'BIND', source: '/srv', target: '/e', volumeDriver: 'local' },
      { type: 'VOLUME', source: '/srv/x', target: '/f' },
      { type: 'VOLUME', target: '/g', readOnly: true },
      { type: 'VOLUME', source: 'vol', target: '/a/' },
      { type: 'VOLUME', source: 'vol', target: '/' },
      { type: 'VOLUME', source: 'vol', target: '/h', volumeOptions: [{ key: '', value: 'x' }] },
      { type: 'VOLUME', source: 'v', target: '/i' },
    ],
    capabilityAdd: ['NET ADMIN', 'NET_ADMIN'],
    capabilityDrop: ['cap-x'],
  };
  assert.deepEqual(codes(validateServiceCreateOptions(input)), [
    ['INVALID_VALUE', 'mounts.0.source'],
    ['INVALID_VALUE', 'mounts.1.source'],
    ['INVALID_VALUE', 'mounts.2.target'],
    ['INVALID_VALUE', 'mounts.3.source'],
    ['INVALID_VALUE', 'mounts.4.volumeDriver'],
    ['INVALID_VALUE', 'mounts.5.source'],
    ['INVALID_VALUE', 'mounts.6.readOnly'],
    ['INVALID_VALUE', 'mounts.7.target'],
    ['INVALID_VALUE', 'mounts.8.target'],
    ['INVALID_VALUE', 'mounts.9.volumeOptions.0.key'],
    ['INVALID_VALUE', 'mounts.10.source'],
    ['INVALID_VALUE', 'capabilityAdd.0'],
    ['INVALID_VALUE', 'capabilityDrop.0'],
  ]);
  assert.deepEqual(
    problemsOf(() => toServiceSpec(input, none)).slice(0, 1),
    [['INVALID_VALUE', ['mounts', '0', 'source']]],
  );
});

test('a volume name of another driver is left to that driver', () => {
  assert.deepEqual(validateServiceCreateOptions({ name: 's', image: 'i', mounts: [{ type: 'VOLUME', source: 'bucket/path', target: '/b', volumeDriver: 'rexray' }] }), []);
});
