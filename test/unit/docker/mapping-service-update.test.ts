// `current` specs are what the 20.10 engine returned on inspect; expected specs are what the
// 20.10 CLI then sent (recorded through a logging proxy).
import { problemsOf } from '../../support/user-errors.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyServiceScale as scaled,
  applyServiceUpdate as updated,
  checkServiceScaleOptions,
  checkServiceUpdateOptions,
  validateServiceUpdateOptions,
  type ServiceUpdateOptions,
} from '../../../src/docker/mapping/service-update.ts';
import type { PortConfig as PortConfigBody, ServiceSpec } from '../../../src/docker/engine-api/index.ts';

const applyServiceUpdate = (current: ServiceSpec, options: ServiceUpdateOptions, ids: ReadonlyMap<string, string>) => updated(current, checkServiceUpdateOptions(options), ids);
const applyServiceScale = (current: ServiceSpec, replicas: number) => scaled(current, checkServiceScaleOptions({ replicas }));

const NGINX_NET = 'j5rcdglk11aqn6t2pej6cfdpz';
const NGINX_NET_2 = 'fkspdv6jz2ih0vd8no3d9hbpe';
const ATTACHABLE = 'nuxd5uo6uf5e28e3ddsvrgjcz';
const networkIds = new Map([
  ['nginx-net', NGINX_NET],
  ['nginx-net-2', NGINX_NET_2],
  ['my-attachable-overlay', ATTACHABLE],
]);


const tcp = (target: number, published: number, mode: 'ingress' | 'host' = 'ingress'): PortConfigBody => ({ Protocol: 'tcp', TargetPort: target, PublishedPort: published, PublishMode: mode });
const udp = (target: number, published: number): PortConfigBody => ({ Protocol: 'udp', TargetPort: target, PublishedPort: published, PublishMode: 'ingress' });

function inspected(overrides: { name: string; labels?: Record<string, string>; env?: string[]; networks?: ServiceSpec['TaskTemplate']['Networks']; ports?: PortConfigBody[]; replicas?: number }): ServiceSpec {
  return {
    Name: overrides.name,
    Labels: overrides.labels ?? {},
    TaskTemplate: {
      ContainerSpec: { Image: 'sg-busybox:latest', Args: ['sleep', '1d'], ...(overrides.env ? { Env: overrides.env } : {}), Init: false, DNSConfig: {}, Isolation: 'default' },
      Resources: { Limits: {}, Reservations: {} },
      Placement: {},
      ...(overrides.networks ? { Networks: overrides.networks } : {}),
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: overrides.replicas ?? 1 } },
    EndpointSpec: { Mode: 'vip', ...(overrides.ports ? { Ports: overrides.ports } : {}) },
  };
}

test('docker service update --network-add nginx-net-2 --network-rm nginx-net my-nginx', () => {
  const current = inspected({ name: 'my-nginx', networks: [{ Target: NGINX_NET }], ports: [tcp(80, 80)], replicas: 5 });
  const before = structuredClone(current);
  const next = applyServiceUpdate(current, { networkAdd: [{ target: 'nginx-net-2' }], networkRemove: ['nginx-net'] }, networkIds);
  assert.deepEqual(next, { ...before, TaskTemplate: { ...before.TaskTemplate, Networks: [{ Target: NGINX_NET_2 }] } });
  assert.deepEqual(current, before, 'current is not changed');
});

test('many flags at once (s6): ports, env, labels, force, image, replicas', () => {
  // --publish-add 9000:90 --publish-rm 81/udp --env-add C=4 --env-add B=5 --env-rm A --label-add z=3
  // --label-add x=9 --label-rm y --force --image sg-busybox:v2 --replicas 3
  const current = inspected({
    name: 's6',
    labels: { x: '1', y: '2' },
    env: ['A=1', 'B=2'],
    networks: [{ Target: NGINX_NET_2 }, { Target: NGINX_NET }],
    ports: [tcp(80, 8100), udp(81, 8101), tcp(81, 8102)],
  });
  const next = applyServiceUpdate(current, {
    publishAdd: ['9000:90'],
    publishRemove: ['81/udp'],
    envAdd: ['C=4', 'B=5'],
    envRemove: ['A'],
    labels: { add: [{ key: 'z', value: '3' }, { key: 'x', value: '9' }], remove: ['y'] },
    force: true,
    image: 'sg-busybox:v2',
    replicas: 3,
  }, networkIds);
  assert.deepEqual(next, {
    Name: 's6',
    Labels: { x: '9', z: '3' },
    TaskTemplate: {
      ContainerSpec: { Image: 'sg-busybox:v2', Args: ['sleep', '1d'], Env: ['B=5', 'C=4'], Init: false, DNSConfig: {}, Isolation: 'default' },
      Resources: { Limits: {}, Reservations: {} },
      Placement: {},
      Networks: [{ Target: NGINX_NET_2 }, { Target: NGINX_NET }],
      ForceUpdate: 1,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: 3 } },
    EndpointSpec: { Mode: 'vip', Ports: [tcp(80, 8100), tcp(81, 8102), tcp(90, 9000)] },
  });
  // then: --publish-rm 80
  const next2 = applyServiceUpdate(next, { publishRemove: ['80'] }, networkIds);
  assert.deepEqual(next2.EndpointSpec?.Ports, [tcp(81, 8102), tcp(90, 9000)]);
  // then: --network-add nginx-net -> "service is already attached to network nginx-net"
  assert.deepEqual(problemsOf(() => applyServiceUpdate(next2, { networkAdd: [{ target: 'nginx-net' }] }, networkIds)), [['INVALID_STATE', ['networkAdd', '0', 'target']]]);
  // then: --network-rm nginx-net --network-rm nginx-net --network-add name=my-attachable-overlay,alias=foo
  const next3 = applyServiceUpdate(next2, { networkRemove: ['nginx-net', 'nginx-net'], networkAdd: [{ target: 'my-attachable-overlay', aliases: ['foo'] }] }, networkIds);
  assert.deepEqual(next3.TaskTemplate.Networks, [{ Target: NGINX_NET_2 }, { Target: ATTACHABLE, Aliases: ['foo'] }]);
  // then: --force
  assert.equal(applyServiceUpdate(next3, { force: true }, networkIds).TaskTemplate.ForceUpdate, 2);
  assert.equal(applyServiceUpdate(next3, { force: false }, networkIds).TaskTemplate.ForceUpdate, 1);
});

test('removal comes before addition for env and labels (s7)', () => {
  const current = inspected({ name: 's7', env: ['A=1', 'B=2'] });
  // --env-add Q=1 --env-rm Q keeps Q=1; --label-add a=1 --label-rm a keeps a=1
  assert.deepEqual(applyServiceUpdate(current, { envAdd: ['Q=1'], envRemove: ['Q'] }, networkIds).TaskTemplate.ContainerSpec?.Env, ['A=1', 'B=2', 'Q=1']);
  assert.deepEqual(applyServiceUpdate(current, { labels: { add: [{ key: 'a', value: '1' }], remove: ['a'] } }, networkIds).Labels, { a: '1' });
  // removing every variable leaves Env out, as the CLI's JSON does
  assert.equal('Env' in applyServiceUpdate(current, { envRemove: ['A', 'B'] }, networkIds).TaskTemplate.ContainerSpec!, false);
});

test('publish-rm: short form matches either mode (deliberately); mode= restricts it', () => {
  const current = inspected({ name: 's7', ports: [tcp(80, 8200, 'host'), tcp(81, 8201)] });
  // the CLI's "--publish-rm 80" would leave the host-mode port; the gateway removes it
  assert.deepEqual(applyServiceUpdate(current, { publishRemove: ['80'], publishAdd: ['8201:81'] }, networkIds).EndpointSpec?.Ports, [tcp(81, 8201)]);
  assert.deepEqual(applyServiceUpdate(current, { publishRemove: ['target=80,mode=ingress'] }, networkIds).EndpointSpec?.Ports, [tcp(80, 8200, 'host'), tcp(81, 8201)]);
  assert.deepEqual(applyServiceUpdate(current, { publishRemove: ['target=80,mode=host'] }, networkIds).EndpointSpec?.Ports, [tcp(81, 8201)]);
  // all removed: Ports left out
  const none = applyServiceUpdate(current, { publishRemove: ['80', '81'] }, networkIds);
  assert.deepEqual(none.EndpointSpec, { Mode: 'vip' });
  // ports are sorted as the CLI's "published:target/protocol/mode" text
  const sorted = applyServiceUpdate(current, { publishAdd: ['10000:100', '9000:90/udp'] }, networkIds);
  assert.deepEqual(sorted.EndpointSpec?.Ports?.map((p) => `${p.PublishedPort}:${p.TargetPort}`), ['10000:100', '8200:80', '8201:81', '9000:90']);
  // adding a published port that another target already has
  assert.deepEqual(problemsOf(() => applyServiceUpdate(current, { publishAdd: ['8201:82'] }, networkIds)), [['INVALID_PORT', ['publishAdd']]]);
});

test('replicas and scale need a replicated service', () => {
  const global: ServiceSpec = { ...inspected({ name: 'g' }), Mode: { Global: {} } };
  assert.deepEqual(problemsOf(() => applyServiceUpdate(global, { replicas: 2 }, networkIds)), [['INVALID_STATE', ['replicas']]]);
  assert.deepEqual(problemsOf(() => applyServiceScale(global, 2)), [['INVALID_STATE', ['replicas']]]);
  assert.deepEqual(applyServiceScale(inspected({ name: 'r' }), 0).Mode, { Replicated: { Replicas: 0 } });
  assert.deepEqual(problemsOf(() => applyServiceScale(inspected({ name: 'r' }), -1)), [['INVALID_VALUE', ['replicas']]]);
});

test('networks: the deprecated spec.Networks moves to TaskTemplate; unknown references are refused', () => {
  const old: ServiceSpec = { ...inspected({ name: 'o' }), Networks: [{ Target: NGINX_NET }] };
  const next = applyServiceUpdate(old, { networkAdd: [{ target: 'nginx-net-2' }] }, networkIds);
  assert.equal(next.Networks, undefined);
  assert.deepEqual(next.TaskTemplate.Networks, [{ Target: NGINX_NET_2 }, { Target: NGINX_NET }]);
  const removedAll = applyServiceUpdate(old, { networkRemove: ['nginx-net'] }, networkIds);
  assert.equal('Networks' in removedAll.TaskTemplate, false);
  // removing a network the service is not attached to is ignored, as in the CLI
  assert.deepEqual(applyServiceUpdate(old, { networkRemove: ['nginx-net-2'] }, networkIds).TaskTemplate.Networks, [{ Target: NGINX_NET }]);
  assert.deepEqual(problemsOf(() => applyServiceUpdate(old, { networkRemove: ['gone'], networkAdd: [{ target: 'nope' }] }, networkIds)), [
    ['REFERENCE_NOT_FOUND', ['networkRemove', '0']],
    ['REFERENCE_NOT_FOUND', ['networkAdd', '0', 'target']],
  ]);
});

test('fields the update does not touch are carried over unchanged', () => {
  const current = { ...inspected({ name: 'k' }), UpdateConfig: { Parallelism: 2, FailureAction: 'pause', Monitor: 5e9, MaxFailureRatio: 0, Order: 'stop-first' } } as ServiceSpec & { Extra?: unknown };
  (current as { Extra?: unknown }).Extra = { kept: true };
  const next = applyServiceUpdate(current, { image: 'nginx:2' }, networkIds);
  assert.deepEqual({ ...next, TaskTemplate: { ...next.TaskTemplate, ContainerSpec: { ...next.TaskTemplate.ContainerSpec!, Image: 'sg-busybox:latest' } } }, current);
});

test('invalid update inputs name their fields', () => {
  const errors = validateServiceUpdateOptions({
    image: 'Bad Image',
    replicas: -2,
    networkAdd: [{ target: '' }],
    networkRemove: [''],
    publishAdd: ['70000'],
    publishRemove: ['80/icmp'],
    envAdd: ['NOEQUALS'],
    envRemove: ['A=1'],
    labels: { add: [{ key: 'bad key' }], remove: [''] },
  });
  assert.deepEqual(errors.map((e) => [e.code, e.field]), [
    ['INVALID_VALUE', ['image']],
    ['INVALID_VALUE', ['replicas']],
    ['INVALID_VALUE', ['networkAdd', '0', 'target']],
    ['INVALID_VALUE', ['networkRemove', '0']],
    ['INVALID_PORT', ['publishAdd', '0']],
    ['INVALID_PROTOCOL', ['publishRemove', '0']],
    ['INVALID_VALUE', ['envAdd', '0']],
    ['INVALID_VALUE', ['envRemove', '0']],
    ['INVALID_VALUE', ['labels', 'add', '0', 'key']],
    ['INVALID_VALUE', ['labels', 'remove', '0']],
  ]);
});
