// Overlay networks through the gateway against a real swarm, checked with the docker CLI:
// create with every option, list filters and paging, inspect fields (VXLAN IDs, services
// with their VIP), remove several, prune; parity with the overlay guide's CLI commands;
// and bad input, each refused with its code and field while the engine's list stays as
// it was.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Network as EngineNetwork } from '../../../src/docker/engine-api/index.ts';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import type { UserErrorData } from '../../support/user-errors.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'nw-net';
const VXLAN = 'com.docker.network.driver.overlay.vxlanid_list';

interface NetworkData {
  id: string;
  name: string;
  driver: string;
  scope: string;
  attachable: boolean;
  internal: boolean;
  ipv6: boolean;
  encrypted: boolean;
  ingress: boolean;
  mtu: number | null;
  vxlanIds: number[];
  ipam: { subnet: string | null; gateway: string | null; ipRange: string | null }[];
  labels: { key: string; value: string }[];
  options: { key: string; value: string }[];
}

const NETWORK_FIELDS = 'id name driver scope attachable internal ipv6 encrypted ingress mtu vxlanIds ipam { subnet gateway ipRange } labels { key value } options { key value }';
const CREATE = `mutation($input: NetworkCreateInput!) { networkCreate(input: $input) { network { ${NETWORK_FIELDS} } userErrors { field code message } } }`;
const REMOVE = 'mutation($ids: [ID!]!) { networkRemove(input: { ids: $ids }) { removed { id name } userErrors { field code message } } }';

const bySubnet = <T extends { Subnet?: string }>(configs: T[] | null | undefined) => [...(configs ?? [])].sort((a, b) => (a.Subnet! < b.Subnet! ? -1 : 1));

describe('networks', () => {
  let swarm: SwarmState;
  let gw: TestGateway;
  let manager: SwarmNode;

  const docker = (...args: string[]) => dockerOk(manager, args);
  const inspect = async (ref: string): Promise<EngineNetwork> => JSON.parse(await docker('network', 'inspect', ref))[0];
  // Swarm-scoped only: the gateway creates nothing else, while Docker itself adds local
  // networks (docker_gwbridge when a node's first task starts) at moments of its own.
  const networkIds = async () => (await docker('network', 'ls', '-q', '--no-trunc', '--filter', 'scope=swarm')).trim().split('\n').sort();
  const networkNames = async (...filters: string[]) =>
    (await docker('network', 'ls', ...filters.flatMap((f) => ['--filter', f]), '--format', '{{.Name}}')).trim().split('\n').filter(Boolean).sort();
  const create = async (input: Record<string, unknown>) =>
    expectData(await gw.gql<{ networkCreate: { network: NetworkData | null; userErrors: UserErrorData[] } }>(CREATE, { input })).networkCreate;
  const remove = async (ids: string[]) =>
    expectData(await gw.gql<{ networkRemove: { removed: { id: string; name: string }[]; userErrors: UserErrorData[] } }>(REMOVE, { ids })).networkRemove;
  const names = async (filter: Record<string, unknown>) =>
    expectData(await gw.gql<{ networks: { nodes: { name: string }[] } }>('query($f: NetworkFilter) { networks(filter: $f, first: 100) { nodes { name } } }', { f: filter }))
      .networks.nodes.map((n) => n.name);

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    gw = await startGateway(configFor([swarm]));
    // Networks the list, inspect and bad-input tests share: one used by a service, one idle.
    await docker('network', 'create', '-d', 'overlay', '--label', 'team=payments', 'svc-net');
    await docker('network', 'create', '-d', 'overlay', '--label', 'team=ops', 'idle-net');
    await docker('service', 'create', '--detach', '--no-resolve-image', '--name', 'api', '--network', 'name=svc-net,alias=api-alias', 'sg-busybox:latest', 'sleep', '600');
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('networkCreate with every option: docker network inspect shows each of them', async () => {
    const res = await create({
      name: 'full-ov',
      attachable: true,
      internal: true,
      ipv6: true,
      encrypted: true,
      mtu: 1400,
      ipam: [
        { subnet: '10.60.0.0/24', gateway: '10.60.0.1', ipRange: '10.60.0.128/25' },
        { subnet: '10.61.0.0/24', gateway: '10.61.0.254', ipRange: '10.61.0.0/26' },
        { subnet: 'fd00:60::/64', gateway: 'fd00:60::1' },
      ],
      labels: [
        { key: 'team', value: 'payments' },
        { key: 'env', value: 'prod' },
      ],
      options: [{ key: 'com.example.note', value: 'made-by-test' }],
    });
    assert.deepEqual(res.userErrors, []);

    const net = await inspect('full-ov');
    assert.equal(net.Id, res.network!.id);
    assert.equal(net.Driver, 'overlay');
    assert.equal(net.Scope, 'swarm');
    assert.equal(net.Attachable, true);
    assert.equal(net.Internal, true);
    assert.equal(net.EnableIPv6, true);
    assert.deepEqual(bySubnet(net.IPAM?.Config), [
      { Subnet: '10.60.0.0/24', Gateway: '10.60.0.1', IPRange: '10.60.0.128/25' },
      { Subnet: '10.61.0.0/24', Gateway: '10.61.0.254', IPRange: '10.61.0.0/26' },
      { Subnet: 'fd00:60::/64', Gateway: 'fd00:60::1' },
    ]);
    assert.equal(net.Options?.['com.docker.network.driver.mtu'], '1400');
    assert.equal(net.Options?.encrypted, '');
    assert.equal(net.Options?.['com.example.note'], 'made-by-test');
    assert.deepEqual(net.Labels, { team: 'payments', env: 'prod' });

    // The payload is the network read back, fields parsed from the options.
    const m = res.network!;
    assert.deepEqual([m.attachable, m.internal, m.ipv6, m.encrypted, m.ingress], [true, true, true, true, false]);
    assert.equal(m.mtu, 1400);
    assert.deepEqual(m.vxlanIds, net.Options![VXLAN]!.split(',').map(Number));
    assert.equal(m.vxlanIds.length, 3);
    assert.deepEqual(m.labels, [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'payments' },
    ]);
  });

  test('network: VXLAN IDs, MTU, services with their VIP and aliases, containers and peers', async () => {
    // The service's task must be running on the manager for its container to show.
    await waitFor('api task on svc-net', async () => Object.values((await inspect('svc-net')).Containers ?? {}).some((c) => String(c.Name).startsWith('api.1.')));
    const engine = await inspect('svc-net');
    const service = JSON.parse(await docker('service', 'inspect', 'api'))[0] as { ID: string; Endpoint: { VirtualIPs: { NetworkID: string; Addr: string }[] } };
    const vip = service.Endpoint.VirtualIPs.find((v) => v.NetworkID === engine.Id)!.Addr.split('/')[0];

    const data = expectData(
      await gw.gql<{ network: NetworkData & { services: any[]; containers: any[]; peers: any[] } }>(
        `{ network(id: "svc-net") { ${NETWORK_FIELDS} services { virtualIp aliases service { id name } } containers { id name ipv4Address } peers { name ip } } }`,
      ),
    ).network;
    assert.equal(data.id, engine.Id);
    assert.deepEqual(data.vxlanIds, engine.Options![VXLAN]!.split(',').map(Number));
    assert.equal(data.mtu, null);
    assert.equal(data.encrypted, false);
    assert.deepEqual(data.services, [{ virtualIp: vip, aliases: ['api-alias'], service: { id: service.ID, name: 'api' } }]);
    const engineContainers = Object.entries(engine.Containers as Record<string, { Name: string; IPv4Address: string }>)
      .map(([id, c]) => ({ id, name: c.Name, ipv4Address: c.IPv4Address }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    assert.deepEqual(data.containers, engineContainers);
    assert.ok(data.containers.some((c) => c.id === 'lb-svc-net'));
    assert.deepEqual(data.peers.map((p) => p.ip), [manager.addr]);
  });

  test('networks: filters as docker network ls applies them, dangling from services and containers, pages by name', async () => {
    assert.deepEqual((await names({ driver: 'overlay' })).sort(), await networkNames('driver=overlay'));
    assert.deepEqual((await names({ scope: 'LOCAL' })).sort(), await networkNames('scope=local'));
    assert.deepEqual(await names({ name: '-net' }), ['idle-net', 'svc-net']);
    assert.deepEqual(await names({ label: ['team=payments'] }), ['full-ov', 'svc-net']);
    assert.deepEqual(await names({ label: ['team'] }), ['full-ov', 'idle-net', 'svc-net']);
    assert.deepEqual(await names({ label: ['team=payments', 'env=prod'] }), ['full-ov']);
    // svc-net carries a service; the others nobody uses (no service publishes through ingress).
    assert.deepEqual(await names({ driver: 'overlay', dangling: false }), ['svc-net']);
    assert.deepEqual(await names({ driver: 'overlay', dangling: true }), ['full-ov', 'idle-net', 'ingress']);

    const all = await networkNames();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { networks: { totalCount: number; nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = expectData(
        await gw.gql('query($after: String) { networks(first: 3, after: $after) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }', { after }),
      );
      assert.equal(page.networks.totalCount, all.length);
      seen.push(...page.networks.nodes.map((n) => n.name));
      if (!page.networks.pageInfo.hasNextPage) break;
      after = page.networks.pageInfo.endCursor;
    }
    assert.deepEqual(seen, all);
  });

  test('networkRemove removes several at once, by name or ID', async () => {
    for (const n of ['rm-a', 'rm-b', 'rm-c']) await docker('network', 'create', '-d', 'overlay', n);
    const [a, b] = [(await inspect('rm-a')).Id, (await inspect('rm-b')).Id];
    const res = await remove(['rm-a', b]);
    assert.deepEqual(res.userErrors, []);
    assert.deepEqual(res.removed, [{ id: a, name: 'rm-a' }, { id: b, name: 'rm-b' }]);
    const left = await networkNames();
    assert.ok(!left.includes('rm-a') && !left.includes('rm-b'), left.join(' '));
    assert.ok(left.includes('rm-c'));
  });

  test('networkPrune removes the unused networks with the label, and only those', async () => {
    await docker('network', 'create', '-d', 'overlay', '--label', 'purpose=scratch', 'prune-1');
    await docker('network', 'create', '-d', 'overlay', '--label', 'purpose=scratch', 'prune-2');
    await docker('network', 'create', '-d', 'overlay', '--label', 'purpose=keep', 'keep-1');
    const res = expectData(
      await gw.gql<{ networkPrune: { removed: { id: string | null; name: string }[]; userErrors: UserErrorData[] } }>(
        'mutation { networkPrune(input: { label: ["purpose=scratch"] }) { removed { id name } userErrors { field code message } } }',
      ),
    ).networkPrune;
    assert.deepEqual(res.userErrors, []);
    assert.deepEqual(res.removed.map((r) => r.name), ['prune-1', 'prune-2']);
    assert.ok(res.removed.every((r) => r.id && /^[0-9a-z]{25}$/.test(r.id)), `pruned networks have their IDs: ${JSON.stringify(res.removed)}`);
    const left = await networkNames();
    assert.ok(!left.includes('prune-1') && !left.includes('prune-2'));
    for (const kept of ['keep-1', 'svc-net', 'idle-net', 'full-ov', 'rm-c']) assert.ok(left.includes(kept), `${kept} was pruned`);
  });

  describe('parity with the Docker CLI (the overlay guide\'s commands)', () => {
    /**
     * Creates the network with the CLI, inspects and removes it, then creates it through
     * the gateway under the same name and inspects that. One at a time, because a
     * subnet given explicitly cannot be used by two networks.
     */
    /**
     * The network once the swarm's allocator has filled it in: inspected at once after a
     * create, a busy manager can still show the bare object (Driver "", IPAM Config null),
     * seen in a CI run under load.
     */
    async function inspectAllocated(name: string): Promise<EngineNetwork> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const n = await inspect(name);
        if ((n.Driver ?? '') !== '' || Date.now() > deadline) return n;
        await new Promise((r) => setTimeout(r, 200));
      }
    }

    async function compare(cliArgs: string[], input: Record<string, unknown>, allocated: boolean) {
      const name = input.name as string;
      await docker('network', 'create', ...cliArgs, name);
      const byCli = await inspectAllocated(name);
      await docker('network', 'rm', name);
      const res = await create(input);
      assert.deepEqual(res.userErrors, []);
      const byGateway = await inspectAllocated(name);
      await docker('network', 'rm', name);
      const normalize = (n: EngineNetwork) => {
        const copy = structuredClone(n) as Record<string, any>;
        // Differ between any two networks: identity, creation time, the VXLAN IDs the
        // swarm allocates, and the subnet/gateway it picks when none is given.
        delete copy.Id;
        delete copy.Created;
        delete copy.Options?.[VXLAN];
        if (allocated) for (const c of copy.IPAM.Config ?? []) (delete c.Subnet, delete c.Gateway);
        return copy;
      };
      assert.deepEqual(normalize(byGateway), normalize(byCli));
    }

    test('docker network create -d overlay --attachable my-attachable-overlay', async () => {
      await compare(['-d', 'overlay', '--attachable'], { name: 'my-attachable-overlay', attachable: true }, true);
    });

    test('docker network create --opt encrypted --driver overlay --attachable my-attachable-multi-host-network', async () => {
      await compare(['--opt', 'encrypted', '--driver', 'overlay', '--attachable'], { name: 'my-attachable-multi-host-network', encrypted: true, attachable: true }, true);
    });

    test('docker network create -d overlay --subnet --gateway --ip-range --label --opt mtu', async () => {
      await compare(
        ['-d', 'overlay', '--subnet', '10.70.0.0/24', '--gateway', '10.70.0.254', '--ip-range', '10.70.0.64/26', '--label', 'team=payments', '--label', 'tier=web', '--opt', 'com.docker.network.driver.mtu=1350'],
        {
          name: 'custom-overlay',
          ipam: [{ subnet: '10.70.0.0/24', gateway: '10.70.0.254', ipRange: '10.70.0.64/26' }],
          labels: [
            { key: 'team', value: 'payments' },
            { key: 'tier', value: 'web' },
          ],
          mtu: 1350,
        },
        false,
      );
    });
  });

  describe('bad input: a code and a field, and the engine\'s networks unchanged', () => {
    async function refused(run: () => Promise<{ userErrors: UserErrorData[] }>, code: string, field: string[]) {
      const before = await networkIds();
      const res = await run();
      assert.deepEqual(res.userErrors.map((e) => ({ code: e.code, field: e.field })), [{ code, field }], JSON.stringify(res.userErrors));
      assert.ok(res.userErrors[0]!.message.length > 10);
      assert.deepEqual(await networkIds(), before);
      return res.userErrors[0]!;
    }

    test('an invalid CIDR', async () => {
      await refused(() => create({ name: 'bad-cidr', ipam: [{ subnet: '10.300.0.0/24' }] }), 'INVALID_CIDR', ['input', 'ipam', '0', 'subnet']);
    });

    test('a gateway outside the subnet', async () => {
      await refused(() => create({ name: 'bad-gw', ipam: [{ subnet: '10.80.0.0/24', gateway: '10.81.0.1' }] }), 'GATEWAY_OUTSIDE_SUBNET', ['input', 'ipam', '0', 'gateway']);
    });

    test('an IP range outside the subnet', async () => {
      await refused(
        () => create({ name: 'bad-range', ipam: [{ subnet: '10.80.0.0/24', ipRange: '10.80.1.0/25' }] }),
        'IP_RANGE_OUTSIDE_SUBNET',
        ['input', 'ipam', '0', 'ipRange'],
      );
    });

    test('a name that is taken', async () => {
      const e = await refused(() => create({ name: 'svc-net' }), 'NAME_CONFLICT', ['input', 'name']);
      assert.match(e.message, /svc-net/);
    });

    test('removing a network a service is attached to', async () => {
      const e = await refused(() => remove(['svc-net']), 'IN_USE', ['input', 'ids', '0']);
      assert.match(e.message, /\bapi\b/);
    });

    test('removing several when one is in use removes none of them', async () => {
      const e = await refused(() => remove(['rm-c', 'svc-net']), 'IN_USE', ['input', 'ids', '1']);
      assert.match(e.message, /\bapi\b/);
    });

    test('connecting a container to a network that is not attachable', async () => {
      await docker('run', '-d', '--name', 'lone', 'sg-busybox:latest', 'sleep', '600');
      const e = await refused(
        async () =>
          expectData(
            await gw.gql<{ networkConnect: { container: unknown; userErrors: UserErrorData[] } }>(
              'mutation { networkConnect(input: { network: "idle-net", container: "lone" }) { container { id } userErrors { field code message } } }',
            ),
          ).networkConnect,
        'NOT_ATTACHABLE',
        ['input', 'network'],
      );
      assert.match(e.message, /attachable/);
      const attached = JSON.parse(await docker('inspect', '--format', '{{json .NetworkSettings.Networks}}', 'lone'));
      assert.deepEqual(Object.keys(attached), ['bridge']);
    });
  });
});
