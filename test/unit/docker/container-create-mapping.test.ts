// containerRun's mapping (src/docker/mapping/container-create.ts): the input, through the
// resolver's option conversion, becomes exactly the create body `docker run -d` sends; every
// network is in the judged body, the create sends the first only; bad input is refused at its
// field, before any body exists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkContainerRunOptions, splitCreateBody, toContainerCreateBody, validateContainerRunOptions, type ResolvedContainerNetwork } from '../../../src/docker/mapping/container-create.ts';
import { containerRunOptions } from '../../../src/graphql/containers/run-options.ts';
import type { ContainerRunInput } from '../../../src/generated/graphql.ts';

const body = (input: Partial<ContainerRunInput>, networks: ResolvedContainerNetwork[] = []) =>
  toContainerCreateBody(checkContainerRunOptions(containerRunOptions({ name: 'web', image: 'sg-busybox:latest', ...input } as ContainerRunInput)), networks);
const problems = (input: Partial<ContainerRunInput>) => validateContainerRunOptions(containerRunOptions({ name: 'web', image: 'sg-busybox:latest', ...input } as ContainerRunInput)).map((e) => `${e.field?.join('.')} ${e.code}`);

const net = (ref: string, extra: Partial<ResolvedContainerNetwork> = {}): ResolvedContainerNetwork => ({ ref, aliases: [], ipv4Address: null, ipv6Address: null, ...extra });

describe('containerRun mapping', () => {
  test('the least input: the image, the default network mode, restart policy no', () => {
    assert.deepEqual(body({}), { Image: 'sg-busybox:latest', HostConfig: { NetworkMode: 'default', RestartPolicy: { Name: 'no' } } });
  });

  test('command, entrypoint, env merged as the CLI merges it, labels, resources, restart policy', () => {
    assert.deepEqual(
      body({
        command: ['sleep', '600'],
        entrypoint: ['/bin/sh', '-c'],
        env: ['A=1', 'B=2', 'A=3'],
        labels: [{ key: 'team', value: 'payments' }],
        restartPolicy: { name: 'ON_FAILURE', maxRetries: 3 },
        resources: { cpus: 0.5, memory: '64M', pidsLimit: 100 },
        readonlyRootfs: true,
        capAdd: ['net_admin'],
        capDrop: ['mknod'],
      }),
      {
        Image: 'sg-busybox:latest',
        Cmd: ['sleep', '600'],
        Entrypoint: ['/bin/sh', '-c'],
        Env: ['B=2', 'A=3'],
        Labels: { team: 'payments' },
        HostConfig: {
          NetworkMode: 'default',
          RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
          NanoCpus: 500_000_000,
          Memory: 64 * 1024 * 1024,
          PidsLimit: 100,
          CapAdd: ['CAP_NET_ADMIN'],
          CapDrop: ['CAP_MKNOD'],
          ReadonlyRootfs: true,
        },
      },
    );
  });

  test('networks: the first is the network mode; all are in EndpointsConfig with aliases and static addresses; the create sends the first only', () => {
    const b = body({}, [net('app-net', { aliases: ['db'], ipv4Address: '10.77.0.50' }), net('other', { ipv6Address: 'fd00::5' })]);
    assert.equal(b.HostConfig.NetworkMode, 'app-net');
    assert.deepEqual(b.NetworkingConfig, {
      EndpointsConfig: { 'app-net': { IPAMConfig: { IPv4Address: '10.77.0.50' }, Aliases: ['db'] }, other: { IPAMConfig: { IPv6Address: 'fd00::5' } } },
    });
    const { create, connectLater } = splitCreateBody(b);
    assert.deepEqual(create.NetworkingConfig, { EndpointsConfig: { 'app-net': { IPAMConfig: { IPv4Address: '10.77.0.50' }, Aliases: ['db'] } } });
    assert.deepEqual(connectLater, [['other', { IPAMConfig: { IPv6Address: 'fd00::5' } }]]);
    assert.deepEqual(body({}, [net('n')]).NetworkingConfig, { EndpointsConfig: { n: {} } });
  });

  test('the ways to the host are sent as given, for the policy to judge', () => {
    assert.deepEqual(
      body({
        networkMode: 'host',
        privileged: true,
        pidMode: 'host',
        ipcMode: 'host',
        utsMode: 'host',
        usernsMode: 'host',
        cgroupParent: '/system.slice',
        devices: [{ pathOnHost: '/dev/fuse' }],
        securityOpt: ['seccomp=unconfined'],
        mounts: [{ type: 'BIND' as never, source: '/etc', target: '/host-etc' }],
        sysctls: [{ key: 'net.ipv4.ip_forward', value: '1' }],
        ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }],
      }).HostConfig,
      {
        NetworkMode: 'host',
        RestartPolicy: { Name: 'no' },
        Privileged: true,
        PidMode: 'host',
        IpcMode: 'host',
        UTSMode: 'host',
        UsernsMode: 'host',
        CgroupParent: '/system.slice',
        Devices: [{ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rwm' }],
        SecurityOpt: ['seccomp=unconfined'],
        Mounts: [{ Type: 'bind', Source: '/etc', Target: '/host-etc' }],
        Sysctls: { 'net.ipv4.ip_forward': '1' },
        Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
      },
    );
  });

  test('bad input is refused at its field', () => {
    assert.deepEqual(problems({ name: '-x' }), ['name INVALID_VALUE']);
    assert.deepEqual(problems({ networkMode: 'my-net' }), ['networkMode INVALID_VALUE']);
    assert.deepEqual(problems({ networkMode: 'host', networks: [{ network: 'a' }] }), ['networkMode INVALID_VALUE']);
    assert.deepEqual(problems({ networks: [{ network: 'a' }, { network: 'a', aliases: ['bad alias'] }] }), ['networks.1.network INVALID_VALUE', 'networks.1.aliases.0 INVALID_VALUE']);
    assert.deepEqual(problems({ restartPolicy: { name: 'ALWAYS', maxRetries: 2 } }), ['restartPolicy.maxRetries INVALID_VALUE']);
    assert.deepEqual(problems({ resources: { memory: '1k' } }), ['resources.memory INVALID_VALUE']);
    assert.deepEqual(problems({ pidMode: 'hots' }), ['pidMode INVALID_VALUE']);
    assert.deepEqual(problems({ env: ['NOEQUALS'] }), ['env.0 INVALID_VALUE']);
    assert.deepEqual(problems({ devices: [{ pathOnHost: 'dev/x', cgroupPermissions: 'rx' }] }), ['devices.0.pathOnHost INVALID_VALUE', 'devices.0.cgroupPermissions INVALID_VALUE']);
    assert.deepEqual(problems({ ulimits: [{ name: 'nofile', soft: 10, hard: 5 }] }), ['ulimits.0.soft INVALID_VALUE']);
    assert.deepEqual(problems({ sysctls: [{ key: 'nodots', value: '1' }] }), ['sysctls.0.key INVALID_VALUE']);
    assert.deepEqual(problems({ mounts: [{ type: 'TMPFS' as never, source: '/x', target: '/t' }] }), ['mounts.0.source INVALID_VALUE']);
    assert.deepEqual(problems({ labels: [{ key: 'app', value: 'x' }, { key: 'com.docker.swarm.service.id', value: 'abc' }] }), ['labels.1.key INVALID_VALUE']);
    assert.deepEqual(problems({ pidMode: 'container:db', ipcMode: 'private' }), []);
  });
});
