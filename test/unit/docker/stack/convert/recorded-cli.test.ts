// The converter against what the docker CLI (28.2.2) really sent for fixtures/rich.compose.yml
// (recorded through a stub engine, fixtures/rich.cli-bodies.json): the file written here in
// the normalized form the loader hands on. Go leaves its zero values in the JSON ("Init":
// false, "Options": null...) where the gateway's bodies leave the key out, and the CLI's loader
// leaves a long-syntax port's protocol and mode empty where the gateway's names tcp/ingress;
// the engine reads each pair the same, so the comparison treats them as equal and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { convertStack } from '../../../../../src/docker/stack/convert/index.ts';
import { composeFile, network, service, volume } from './compose-builders.ts';

const recorded: { path: string; body: Record<string, unknown> }[] = JSON.parse(readFileSync(new URL('./fixtures/rich.cli-bodies.json', import.meta.url), 'utf8'));

const none = { volume: null, bind: null, tmpfs: null, read_only: false };
const rich = composeFile({
  services: {
    web: service({
      entrypoint: ['sh'],
      command: ['-c', 'sleep 1'],
      environment: { B: '2', A: '1', NOVALUE: null },
      extra_hosts: ['db:10.0.0.5', 'v6:::1'],
      dns: ['8.8.8.8', '2001:DB8:0:0::1'],
      dns_search: ['example.com'],
      cap_add: ['net_admin', 'SYS_TIME'],
      cap_drop: ['NET_ADMIN', 'mknod'],
      sysctls: { 'net.core.somaxconn': '1024' },
      ulimits: { nproc: { soft: 65535, hard: 65535 }, nofile: { soft: 20000, hard: 40000 } },
      isolation: 'default',
      logging: { driver: 'json-file', options: { 'max-size': '10m' } },
      init: false,
      tty: true,
      stdin_open: true,
      read_only: true,
      stop_signal: 'SIGINT',
      ports: [{ target: 9000, published: null, protocol: 'tcp', mode: 'ingress' }],
      networks: { ext: { aliases: [], ipv4_address: null, ipv6_address: null }, own: { aliases: ['a1'], ipv4_address: null, ipv6_address: null } },
      volumes: [
        { ...none, type: 'volume', source: 'opts', target: '/a', volume: { nocopy: true } },
        { ...none, type: 'volume', source: 'extvol', target: '/b' },
        { ...none, type: 'volume', source: null, target: '/anon' },
        { ...none, type: 'bind', source: '/srv/x', target: '/x', bind: { propagation: 'rshared' } },
        { ...none, type: 'bind', source: '/srv/y', target: '/y' },
      ],
      deploy: {
        mode: 'replicated-job',
        replicas: 3,
        resources: { limits: { cpus: '1.5', memory: null, pids: null }, reservations: null },
        restart_policy: { condition: 'none', delay: null, max_attempts: null, window: null },
      },
    }),
    other: service({
      deploy: { mode: 'global', update_config: { parallelism: 0, delay: null, failure_action: null, monitor: null, max_failure_ratio: null, order: null } },
    }),
  },
  networks: { ext: network({ external: true, name: 'some-ext' }), own: network({ name: 'fixed-own', internal: true }) },
  volumes: { opts: volume({ driver_opts: { type: 'nfs' } }), extvol: volume({ external: true }) },
});

const isGoZero = (v: unknown) => v === null || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0);

/** Drops Go's zero values (the engine decodes an absent key to the same); keeps `{}`, which the CLI sends for pointers it sets. */
function withoutZeroValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutZeroValues);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => !isGoZero(v)).map(([k, v]) => [k, withoutZeroValues(v)]));
  }
  return value;
}

function recordedBody(path: string, name: string): unknown {
  const entry = recorded.find((e) => e.path === path && e.body['Name'] === name);
  assert.ok(entry, `the CLI sent ${path} for ${name}`);
  return withoutZeroValues(entry.body);
}

test('the CLI sent exactly these creates: the networks services are on, then the services', () => {
  assert.deepEqual(recorded.map((e) => [e.path, e.body['Name']]), [
    ['/networks/create', 'fixed-own'],
    ['/networks/create', 's1_default'],
    ['/services/create', 's1_web'],
    ['/services/create', 's1_other'],
  ]);
  const { resources } = convertStack('s1', rich);
  assert.deepEqual(resources.networks.filter((n) => n.create).map((n) => n.name), ['s1_default', 'fixed-own']);
  assert.deepEqual(resources.networks.filter((n) => n.external).map((n) => n.name), ['some-ext']);
});

test('each network body equals the one the CLI sent', () => {
  for (const n of convertStack('s1', rich).resources.networks.filter((x) => x.create)) {
    assert.deepEqual(withoutZeroValues(n.create), recordedBody('/networks/create', n.name), n.name);
  }
});

test('each service spec equals the one the CLI sent (ports: the loader names tcp/ingress, the CLI leaves them empty)', () => {
  for (const s of convertStack('s1', rich).resources.services) {
    const mine = structuredClone(s.spec) as Record<string, any>;
    for (const port of mine['EndpointSpec']?.Ports ?? []) {
      if (port.Protocol === 'tcp') delete port.Protocol;
      if (port.PublishMode === 'ingress') delete port.PublishMode;
    }
    assert.deepEqual(withoutZeroValues(mine), recordedBody('/services/create', s.name), s.name);
  }
});
