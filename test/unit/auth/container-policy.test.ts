// The container policy (src/auth/policy/container-*.ts) on create bodies built by the real
// mapping: every escape of the table refused with the input field at fault, the limited fields
// allowed within their limits, the service policy's mount and capability settings applied the
// same way, and a body field the table does not hold refused. Every ContainerRunInput field is
// named by a row, so an input added later cannot bypass the table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildSchema, GraphQLInputObjectType } from 'graphql';
import { guardrailsSchema, type GuardrailSettings } from '../../../src/config/access-config.ts';
import { containerPolicyViolations } from '../../../src/auth/policy/container-evaluate.ts';
import { CONTAINER_NOT_BODY_INPUTS, CONTAINER_POLICY_TABLE } from '../../../src/auth/policy/container-policy-table.ts';
import { renderContainerPolicyTable } from '../../../src/auth/policy/container-render.ts';
import type { NetworkFacts } from '../../../src/auth/policy/index.ts';
import { checkContainerRunOptions, toContainerCreateBody, type ResolvedContainerNetwork } from '../../../src/docker/mapping/container-create.ts';
import { containerRunOptions } from '../../../src/graphql/containers/run-options.ts';
import type { ContainerRunInput } from '../../../src/generated/graphql.ts';

const NETWORKS = new Map<string, NetworkFacts>([
  ['app-net', { name: 'app-net', driver: 'overlay' }],
  ['local-br', { name: 'local-br', driver: 'bridge' }],
  ['mac', { name: 'mac', driver: 'macvlan' }],
  ['host', { name: 'host', driver: 'host' }],
]);

const DEFAULTS = guardrailsSchema.parse({});

function verdict(input: Partial<ContainerRunInput>, settings: GuardrailSettings = DEFAULTS, body?: (b: Record<string, any>) => void) {
  const full = { name: 'web', image: 'sg-busybox:latest', command: ['sleep', '600'], ...input } as ContainerRunInput;
  const options = checkContainerRunOptions(containerRunOptions(full));
  const networks: ResolvedContainerNetwork[] = (full.networks ?? []).map((n) => ({ ref: n.network, aliases: n.aliases ?? [], ipv4Address: n.ipv4Address ?? null, ipv6Address: n.ipv6Address ?? null }));
  const created = toContainerCreateBody(options, networks) as unknown as Record<string, any>;
  body?.(created);
  return containerPolicyViolations(created, { settings, network: (ref) => NETWORKS.get(ref) ?? null }, options, networks).map((v) => `${v.field.join('.')} ${v.rule}`);
}

describe('container policy', () => {
  test('an ordinary container passes: networks with aliases and a static address, env, labels, limits, restart, tmpfs, a named volume, dropped capabilities', () => {
    assert.deepEqual(
      verdict({
        env: ['A=1'],
        labels: [{ key: 'team', value: 'payments' }],
        networks: [{ network: 'app-net', aliases: ['db'], ipv4Address: '10.0.0.5' }, { network: 'local-br' }],
        restartPolicy: { name: 'UNLESS_STOPPED' },
        resources: { cpus: 0.5, memory: '64M', pidsLimit: 50 },
        ipcMode: 'private',
        capDrop: ['ALL'],
        securityOpt: ['no-new-privileges'],
        readonlyRootfs: true,
        mounts: [
          { type: 'TMPFS' as never, target: '/tmp' },
          { type: 'VOLUME' as never, source: 'data', target: '/data' },
        ],
      }),
      [],
    );
    assert.deepEqual(verdict({ networkMode: 'none' }), []);
    assert.deepEqual(verdict({ networkMode: 'bridge' }), []);
  });

  test('every escape of the table is refused at the input field that asks for it', () => {
    const cases: [Partial<ContainerRunInput>, string][] = [
      [{ privileged: true }, 'input.privileged refused-field'],
      [{ pidMode: 'host' }, 'input.pidMode refused-field'],
      [{ pidMode: 'container:other' }, 'input.pidMode refused-field'],
      [{ ipcMode: 'host' }, 'input.ipcMode allowed-ipc-modes'],
      [{ ipcMode: 'shareable' }, 'input.ipcMode allowed-ipc-modes'],
      [{ utsMode: 'host' }, 'input.utsMode refused-field'],
      [{ usernsMode: 'host' }, 'input.usernsMode refused-field'],
      [{ cgroupParent: '/' }, 'input.cgroupParent refused-field'],
      [{ devices: [{ pathOnHost: '/dev/mem' }] }, 'input.devices refused-field'],
      [{ capAdd: ['sys_admin'] }, 'input.capAdd.0 no-added-capabilities'],
      [{ securityOpt: ['no-new-privileges', 'seccomp=unconfined'] }, 'input.securityOpt.1 allowed-security-options'],
      [{ securityOpt: ['apparmor=unconfined'] }, 'input.securityOpt.0 allowed-security-options'],
      [{ sysctls: [{ key: 'net.ipv4.ip_forward', value: '1' }] }, 'input.sysctls refused-field'],
      [{ ulimits: [{ name: 'nofile', soft: 1, hard: 2 }] }, 'input.ulimits refused-field'],
      [{ networkMode: 'host' }, 'input.networkMode allowed-network-modes'],
      [{ networkMode: 'container:other' }, 'input.networkMode allowed-network-modes'],
      [{ mounts: [{ type: 'BIND' as never, source: '/etc', target: '/e' }] }, 'input.mounts.0.source no-host-bind-mounts'],
      [{ mounts: [{ type: 'BIND' as never, source: '/var/run/docker.sock', target: '/s' }] }, 'input.mounts.0.source no-docker-socket'],
      [{ mounts: [{ type: 'VOLUME' as never, source: 'vol', target: '/v', volumeDriver: 'rexray' }] }, 'input.mounts.0.volumeDriver allowed-volume-drivers'],
      [{ mounts: [{ type: 'VOLUME' as never, source: 'vol', target: '/v', volumeOptions: [{ key: 'type', value: 'proc' }] }] }, 'input.mounts.0.volumeOptions.0.value allowed-volume-options'],
    ];
    for (const [input, expected] of cases) assert.deepEqual(verdict(input), [expected], JSON.stringify(input));
  });

  test('every network attached is judged, the first (the network mode) and the others', () => {
    assert.deepEqual(verdict({ networks: [{ network: 'host' }] }), ['input.networks.0.network allowed-network-modes', 'input.networks.0.network allowed-network-modes']);
    assert.deepEqual(verdict({ networks: [{ network: 'app-net' }, { network: 'mac' }] }), ['input.networks.1.network allowed-network-modes']);
    assert.deepEqual(verdict({ networks: [{ network: 'app-net' }, { network: 'gone' }] }), ['input.networks.1.network allowed-network-modes']);
  });

  test("the service policy's settings apply as they do to services", () => {
    const open = guardrailsSchema.parse({ allowedBindPrefixes: ['/srv/data'], allowedCapabilities: ['NET_ADMIN'], allowedVolumeDrivers: ['rexray'], allowHostNetwork: true });
    assert.deepEqual(
      verdict(
        {
          capAdd: ['net_admin'],
          networkMode: 'host',
          mounts: [
            { type: 'BIND' as never, source: '/srv/data/x', target: '/x' },
            { type: 'VOLUME' as never, source: 'vol', target: '/v', volumeDriver: 'rexray' },
          ],
        },
        open,
      ),
      [],
    );
    // A path refused for a service is refused for a container, whatever the prefixes.
    assert.deepEqual(verdict({ mounts: [{ type: 'BIND' as never, source: '/srv/data/../../etc', target: '/x' }] }, open), ['input.mounts.0.source no-host-bind-mounts']);
    assert.deepEqual(verdict({ mounts: [{ type: 'BIND' as never, source: '/run', target: '/x' }] }, guardrailsSchema.parse({ allowedBindPrefixes: ['/'] })), ['input.mounts.0.source no-docker-socket']);
  });

  test('a body field the table does not hold is refused, and so is a refused one the mapping does not produce', () => {
    assert.deepEqual(verdict({}, DEFAULTS, (b) => (b.HostConfig.OomKillDisable = true)), ['input unclassified-field']);
    assert.deepEqual(verdict({}, DEFAULTS, (b) => (b.Volumes = { '/x': {} })), ['input unclassified-field']);
    assert.deepEqual(verdict({}, DEFAULTS, (b) => (b.HostConfig.Binds = ['/:/host'])), ['input refused-field']);
    assert.deepEqual(verdict({ networks: [{ network: 'app-net' }] }, DEFAULTS, (b) => (b.NetworkingConfig.EndpointsConfig['app-net'].DriverOpts = { x: 'y' })), ['input.networks.0.network unclassified-field']);
  });

  test('every ContainerRunInput field is named by a row of the table (or selects the engine)', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
    const fields = Object.keys((schema.getType('ContainerRunInput') as GraphQLInputObjectType).getFields());
    const named = new Set([...CONTAINER_NOT_BODY_INPUTS, ...CONTAINER_POLICY_TABLE.flatMap((r) => r.input ?? [])]);
    assert.deepEqual(fields.filter((f) => !named.has(f)), []);
  });

  test('the README rendering names every row', () => {
    const text = renderContainerPolicyTable();
    for (const row of CONTAINER_POLICY_TABLE) assert.ok(text.includes(`| \`${row.path}\` |`), row.path);
  });
});
