// Expected bodies are what the Docker 20.10 CLI sent for the same flags (recorded through a
// logging proxy in front of a real 20.10 engine; network IDs are those of that engine).
import { problemsOf } from '../../support/user-errors.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkServiceCreateOptions,
  mergeEnvLikeCli,
  servicePortsFromInput,
  toServiceSpec as specOf,
  validateServiceCreateOptions,
  type ServiceCreateOptions,
} from '../../../src/docker/mapping/service-spec.ts';

const toServiceSpec = (options: ServiceCreateOptions, networkIds: ReadonlyMap<string, string>) => specOf(checkServiceCreateOptions(options), networkIds);

const NGINX_NET = 'j5rcdglk11aqn6t2pej6cfdpz';
const NGINX_NET_2 = 'fkspdv6jz2ih0vd8no3d9hbpe';
const networkIds = new Map([
  ['nginx-net', NGINX_NET],
  ['nginx-net-2', NGINX_NET_2],
  [NGINX_NET, NGINX_NET],
]);
const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);


test('docker service create --name my-nginx --publish target=80,published=80 --replicas=5 --network nginx-net nginx', () => {
  const input: ServiceCreateOptions = { name: 'my-nginx', image: 'nginx', publish: ['target=80,published=80'], replicas: 5, networks: [{ target: 'nginx-net' }] };
  const expected = {
    Name: 'my-nginx',
    Labels: {},
    TaskTemplate: {
      ContainerSpec: { Image: 'nginx', Init: false, DNSConfig: {} },
      Resources: { Limits: {}, Reservations: {} },
      Placement: {},
      Networks: [{ Target: NGINX_NET }],
      ForceUpdate: 0,
    },
    Mode: { Replicated: { Replicas: 5 } },
    EndpointSpec: { Mode: 'vip', Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 80, PublishMode: 'ingress' }] },
  };
  assert.deepEqual(toServiceSpec(input, networkIds), expected);
  // the same with the ports given structured
  const parsed = servicePortsFromInput(input.publish, input.ports);
  assert.ok('ports' in parsed);
  assert.deepEqual(toServiceSpec({ ...input, publish: null, ports: [{ targetPort: 80, publishedPort: 80 }] }, networkIds), expected);
  // key order as the CLI writes it
  assert.equal(
    JSON.stringify(toServiceSpec(input, networkIds)),
    '{"Name":"my-nginx","Labels":{},"TaskTemplate":{"ContainerSpec":{"Image":"nginx","Init":false,"DNSConfig":{}},"Resources":{"Limits":{},"Reservations":{}},"Placement":{},"Networks":[{"Target":"j5rcdglk11aqn6t2pej6cfdpz"}],"ForceUpdate":0},"Mode":{"Replicated":{"Replicas":5}},"EndpointSpec":{"Mode":"vip","Ports":[{"Protocol":"tcp","TargetPort":80,"PublishedPort":80,"PublishMode":"ingress"}]}}',
  );
});

test('every create option (docker service create --mode global --network name=nginx-net-2,alias=web,alias=www ... )', () => {
  // --mode global --network name=nginx-net-2,alias=web,alias=www --network nginx-net -e A=1 -e B=
  // --label L=1 --label M --container-label C=2 --constraint node.role==manager --constraint node.labels.x!=y
  // --limit-cpu 0.5 --limit-memory 512M --reserve-cpu 0.25 --reserve-memory 1g --hostname h1 --workdir /tmp
  // --user nobody --publish 8080:80/udp --publish published=9090,target=90,mode=host --publish 7070
  // sg-busybox:latest sleep 1d
  const input: ServiceCreateOptions = {
    name: 's2',
    image: 'sg-busybox:latest',
    args: ['sleep', '1d'],
    mode: 'GLOBAL',
    networks: [{ target: 'nginx-net-2', aliases: ['web', 'www'] }, { target: 'nginx-net' }],
    env: ['A=1', 'B='],
    labels: [{ key: 'L', value: '1' }, { key: 'M' }],
    containerLabels: [{ key: 'C', value: '2' }],
    constraints: ['node.role==manager', 'node.labels.x!=y'],
    resources: { limitCpus: 0.5, limitMemory: '512M', reserveCpus: 0.25, reserveMemory: '1g' },
    hostname: 'h1',
    workdir: '/tmp',
    user: 'nobody',
    publish: ['8080:80/udp', 'published=9090,target=90,mode=host', '7070'],
  };
  assert.deepEqual(toServiceSpec(input, networkIds), {
    Name: 's2',
    Labels: { L: '1', M: '' },
    TaskTemplate: {
      ContainerSpec: { Image: 'sg-busybox:latest', Labels: { C: '2' }, Args: ['sleep', '1d'], Hostname: 'h1', Env: ['A=1', 'B='], Dir: '/tmp', User: 'nobody', Init: false, DNSConfig: {} },
      Resources: { Limits: { NanoCPUs: 500000000, MemoryBytes: 536870912 }, Reservations: { NanoCPUs: 250000000, MemoryBytes: 1073741824 } },
      Placement: { Constraints: ['node.role==manager', 'node.labels.x!=y'] },
      Networks: [{ Target: NGINX_NET_2, Aliases: ['web', 'www'] }, { Target: NGINX_NET }],
      ForceUpdate: 0,
    },
    Mode: { Global: {} },
    EndpointSpec: {
      Mode: 'vip',
      Ports: [
        { Protocol: 'udp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
        { Protocol: 'tcp', TargetPort: 90, PublishedPort: 9090, PublishMode: 'host' },
        { Protocol: 'tcp', TargetPort: 7070, PublishMode: 'ingress' },
      ],
    },
  });
});

test('update and rollback policies are sent only when given, over swarmkit defaults', () => {
  // --update-parallelism 2 --update-delay 10s --rollback-monitor 1m --entrypoint "sleep 10"
  const s3 = toServiceSpec({ name: 's3', image: 'sg-busybox:latest', command: ['sleep', '10'], updateConfig: { parallelism: 2, delay: '10s' }, rollbackConfig: { monitor: '1m' } }, networkIds);
  assert.deepEqual(s3, {
    Name: 's3',
    Labels: {},
    TaskTemplate: { ContainerSpec: { Image: 'sg-busybox:latest', Command: ['sleep', '10'], Init: false, DNSConfig: {} }, Resources: { Limits: {}, Reservations: {} }, Placement: {}, ForceUpdate: 0 },
    Mode: { Replicated: {} },
    UpdateConfig: { Parallelism: 2, Delay: 10000000000, FailureAction: 'pause', Monitor: 5000000000, MaxFailureRatio: 0, Order: 'stop-first' },
    RollbackConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 60000000000, MaxFailureRatio: 0, Order: 'stop-first' },
    EndpointSpec: { Mode: 'vip' },
  });
  // --update-order start-first --rollback-failure-action continue --rollback-max-failure-ratio 0.5
  const s4 = toServiceSpec({ name: 's4', image: 'i', updateConfig: { order: 'start-first' }, rollbackConfig: { failureAction: 'continue', maxFailureRatio: 0.5 } }, networkIds);
  assert.deepEqual(s4.UpdateConfig, { Parallelism: 1, FailureAction: 'pause', Monitor: 5000000000, MaxFailureRatio: 0, Order: 'start-first' });
  assert.deepEqual(s4.RollbackConfig, { Parallelism: 1, FailureAction: 'continue', Monitor: 5000000000, MaxFailureRatio: 0.5, Order: 'stop-first' });
  // an empty policy object is like no flag at all
  assert.equal(toServiceSpec({ name: 's5', image: 'i', updateConfig: {} }, networkIds).UpdateConfig, undefined);
});

test('port ranges, replicas left to the engine, DNSRR with host ports', () => {
  // -p 8000-8001:80-81/tcp
  const s5 = toServiceSpec({ name: 's5', image: 'i', publish: ['8000-8001:80-81/tcp'] }, networkIds);
  assert.deepEqual(s5.EndpointSpec, {
    Mode: 'vip',
    Ports: [
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8000, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 81, PublishedPort: 8001, PublishMode: 'ingress' },
    ],
  });
  assert.deepEqual(s5.Mode, { Replicated: {} });
  assert.deepEqual(toServiceSpec({ name: 's', image: 'i', replicas: 0 }, networkIds).Mode, { Replicated: { Replicas: 0 } });
  const dnsrr = toServiceSpec({ name: 's', image: 'i', endpointMode: 'DNSRR', publish: ['published=8080,target=80,mode=host'] }, networkIds);
  assert.deepEqual(dnsrr.EndpointSpec, { Mode: 'dnsrr', Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }] });
});

test('env merges like ToService; networks are sorted by resolved ID', () => {
  // -e A=1 -e B=2 -e A=3 -e A=3  ->  ["B=2","A=3","A=3"]
  assert.deepEqual(mergeEnvLikeCli(['A=1', 'B=2', 'A=3', 'A=3']), ['B=2', 'A=3', 'A=3']);
  // --network nginx-net --network nginx-net-2 -> sorted by ID
  const spec = toServiceSpec({ name: 's6', image: 'i', networks: [{ target: 'nginx-net' }, { target: 'nginx-net-2' }] }, networkIds);
  assert.deepEqual(spec.TaskTemplate.Networks, [{ Target: NGINX_NET_2 }, { Target: NGINX_NET }]);
});

test('invalid service inputs name their fields', () => {
  const base = { name: 'web', image: 'nginx' };
  const check = (input: Partial<ServiceCreateOptions>) => codes(validateServiceCreateOptions({ ...base, ...input }));
  assert.deepEqual(check({ name: 'my.web' }), [['INVALID_VALUE', ['name']]]);
  assert.deepEqual(check({ image: 'Nginx' }), [['INVALID_VALUE', ['image']]]);
  assert.deepEqual(check({ mode: 'GLOBAL', replicas: 2 }), [['INVALID_VALUE', ['replicas']]]);
  assert.deepEqual(check({ replicas: -1 }), [['INVALID_VALUE', ['replicas']]]);
  assert.deepEqual(check({ publish: ['80', '0'] }), [['INVALID_PORT', ['publish', '1']]]);
  assert.deepEqual(check({ publish: ['70000'] }), [['INVALID_PORT', ['publish', '0']]]);
  assert.deepEqual(check({ publish: ['8080:80/icmp'] }), [['INVALID_PROTOCOL', ['publish', '0']]]);
  assert.deepEqual(check({ ports: [{ targetPort: 0 }] }), [['INVALID_PORT', ['ports', '0', 'targetPort']]]);
  assert.deepEqual(check({ publish: ['80:80'], ports: [{ targetPort: 81, publishedPort: 80 }] }), [['INVALID_PORT', ['publish']]]);
  assert.deepEqual(check({ endpointMode: 'DNSRR', publish: ['80'] }), [['INVALID_VALUE', ['publish']]]);
  assert.deepEqual(check({ networks: [{ target: 'a' }, { target: 'a' }] }), [['INVALID_VALUE', ['networks', '1', 'target']]]);
  assert.deepEqual(check({ networks: [{ target: 'a', aliases: ['has space'] }] }), [['INVALID_VALUE', ['networks', '0', 'aliases', '0']]]);
  assert.deepEqual(check({ env: ['NOVALUE'] }), [['INVALID_VALUE', ['env', '0']]]);
  assert.deepEqual(check({ labels: [{ key: 'a b' }] }), [['INVALID_VALUE', ['labels', '0', 'key']]]);
  assert.deepEqual(check({ containerLabels: [{ key: 'x' }, { key: 'x' }] }), [['INVALID_VALUE', ['containerLabels', '1', 'key']]]);
  assert.deepEqual(check({ constraints: ['node.role=manager'] }), [['INVALID_VALUE', ['constraints', '0']]]);
  assert.deepEqual(check({ resources: { limitMemory: '1m', reserveCpus: -1 } }), [
    ['INVALID_VALUE', ['resources', 'limitMemory']],
    ['INVALID_VALUE', ['resources', 'reserveCpus']],
  ]);
  assert.deepEqual(check({ updateConfig: { delay: '1 minute' } }), [['INVALID_VALUE', ['updateConfig', 'delay']]]);
  assert.deepEqual(check({ rollbackConfig: { failureAction: 'rollback' } }), [['INVALID_VALUE', ['rollbackConfig', 'failureAction']]]);
  assert.deepEqual(check({ workdir: 'relative' }), [['INVALID_VALUE', ['workdir']]]);
  assert.deepEqual(check({}), []);
});

test('toServiceSpec refuses invalid input and unresolved or repeated networks', () => {
  assert.deepEqual(problemsOf(() => toServiceSpec({ name: 'web', image: 'nginx', publish: ['0'] }, networkIds)), [['INVALID_PORT', ['publish', '0']]]);
  assert.deepEqual(problemsOf(() => toServiceSpec({ name: 'web', image: 'nginx', networks: [{ target: 'nope' }] }, networkIds)), [
    ['REFERENCE_NOT_FOUND', ['networks', '0', 'target']],
  ]);
  assert.deepEqual(problemsOf(() => toServiceSpec({ name: 'web', image: 'nginx', networks: [{ target: 'nginx-net' }, { target: NGINX_NET }] }, networkIds)), [
    ['INVALID_VALUE', ['networks', '1', 'target']],
  ]);
});
