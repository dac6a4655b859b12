// The overlay guide's "standalone containers on an overlay" tutorial, across two nodes,
// with the network work done through the gateway: an attachable overlay made with
// networkCreate, a container on the manager and one on the worker started with the
// docker CLI, each connected with networkConnect (one with an alias, one with a static
// address), then pings by name both ways, the containers query, and networkDisconnect.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerCli, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'nw-sac';
const NET = 'test-net';
const SUBNET = '10.77.0.0/24';
const STATIC_IP = '10.77.0.50';

const CONTAINER_FIELDS = 'id name engine state taskId networks { networkName networkId ipv4Address staticIpv4Address aliases }';

interface Attachment {
  networkName: string;
  networkId: string;
  ipv4Address: string | null;
  staticIpv4Address: string | null;
  aliases: string[];
}
interface ContainerData {
  id: string;
  name: string;
  engine: string | null;
  state: string;
  taskId: string | null;
  networks: Attachment[];
}
interface ConnectData {
  container: ContainerData | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
}

/** `docker inspect` of a container: its networks as the engine reports them. */
async function engineNetworksOf(node: SwarmNode, container: string): Promise<Record<string, { NetworkID: string; IPAddress: string; Aliases: string[] | null; IPAMConfig: { IPv4Address?: string } | null }>> {
  const r = await dockerCli(node, ['inspect', '--format', '{{json .NetworkSettings.Networks}}', container]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('standalone containers on an attachable overlay, across two nodes', () => {
  let swarm: SwarmState;
  let gw: TestGateway;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let networkId: string;

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    worker = swarm.nodes.find((n) => n.role === 'worker')!;
    gw = await startGateway(configFor([swarm]));
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('networkCreate makes the attachable overlay on the manager', async () => {
    const data = expectData(
      await gw.gql<{ networkCreate: { network: { id: string; name: string; attachable: boolean; scope: string } | null; userErrors: unknown[] } }>(
        `mutation($input: NetworkCreateInput!) { networkCreate(input: $input) { network { id name attachable scope } userErrors { field code message } } }`,
        { input: { name: NET, attachable: true, ipam: [{ subnet: SUBNET }] } },
      ),
    );
    assert.deepEqual(data.networkCreate.userErrors, []);
    networkId = data.networkCreate.network!.id;
    const r = await dockerCli(manager, ['network', 'inspect', '--format', '{{.Id}} {{.Driver}} {{.Scope}} {{.Attachable}}', NET]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), `${networkId} overlay swarm true`);
  });

  test('containers started with the CLI on each node, then connected through the gateway', async () => {
    for (const [node, name] of [
      [manager, 'alpine1'],
      [worker, 'alpine2'],
    ] as const) {
      const r = await dockerCli(node, ['run', '-d', '--name', name, 'sg-busybox:latest', 'sleep', '600']);
      assert.equal(r.code, 0, r.stderr);
    }

    // alpine1 on the cluster's manager endpoint (no engine), with an alias.
    const first = expectData(
      await gw.gql<{ networkConnect: ConnectData }>(
        `mutation($input: NetworkConnectInput!) { networkConnect(input: $input) { container { ${CONTAINER_FIELDS} } userErrors { field code message } } }`,
        { input: { network: NET, container: 'alpine1', aliases: ['web-a'] } },
      ),
    ).networkConnect;
    assert.deepEqual(first.userErrors, []);
    const a1 = first.container!.networks.find((n) => n.networkName === NET)!;
    assert.equal(a1.networkId, networkId);
    assert.ok(a1.aliases.includes('web-a'), `aliases: ${a1.aliases.join(',')}`);
    assert.equal(first.container!.engine, null);

    // A static address outside the network's subnet is refused before the engine is asked.
    const outside = expectData(
      await gw.gql<{ networkConnect: ConnectData }>(
        `mutation($input: NetworkConnectInput!) { networkConnect(input: $input) { container { id } userErrors { field code message } } }`,
        { input: { network: NET, container: 'alpine2', engine: worker.hostname, ipv4Address: '10.78.0.50' } },
      ),
    ).networkConnect;
    assert.deepEqual(outside.userErrors.map((e) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'ipv4Address']]]);
    assert.match(outside.userErrors[0]!.message, /10\.77\.0\.0\/24/);
    assert.deepEqual(Object.keys(await engineNetworksOf(worker, 'alpine2')), ['bridge']);

    // alpine2 on the worker, through its configured engine, with a static address.
    const second = expectData(
      await gw.gql<{ networkConnect: ConnectData }>(
        `mutation($input: NetworkConnectInput!) { networkConnect(input: $input) { container { ${CONTAINER_FIELDS} } userErrors { field code message } } }`,
        { input: { network: NET, container: 'alpine2', engine: worker.hostname, ipv4Address: STATIC_IP } },
      ),
    ).networkConnect;
    assert.deepEqual(second.userErrors, []);
    const a2 = second.container!.networks.find((n) => n.networkName === NET)!;
    assert.equal(a2.ipv4Address, `${STATIC_IP}/24`);
    assert.equal(a2.staticIpv4Address, STATIC_IP);
    assert.equal(second.container!.engine, worker.hostname);

    // What each engine itself reports.
    const onManager = (await engineNetworksOf(manager, 'alpine1'))[NET]!;
    assert.equal(onManager.NetworkID, networkId);
    assert.ok(onManager.Aliases?.includes('web-a'));
    const onWorker = (await engineNetworksOf(worker, 'alpine2'))[NET]!;
    assert.equal(onWorker.NetworkID, networkId);
    assert.equal(onWorker.IPAddress, STATIC_IP);
    assert.equal(onWorker.IPAMConfig?.IPv4Address, STATIC_IP);
  });

  test('the containers ping each other by name across the nodes, both ways (and by alias)', async () => {
    // The overlay's peer list converges within a second or two after the connect: poll.
    const ping = (node: SwarmNode, from: string, to: string) =>
      waitFor(`${from} -> ${to}`, async () => {
        const r = await dockerCli(node, ['exec', from, 'ping', '-c', '2', '-W', '2', to], { timeoutMs: 20_000 });
        return r.code === 0 ? r : null;
      }, 60_000, 1000);
    const there = await ping(manager, 'alpine1', 'alpine2');
    assert.match(there.stdout, new RegExp(`from ${STATIC_IP.replace(/\./g, '\\.')}`));
    const back = await ping(worker, 'alpine2', 'alpine1');
    assert.match(back.stdout, /2 packets received/);
    const alias = await ping(worker, 'alpine2', 'web-a');
    assert.match(alias.stdout, /2 packets received/);
  });

  test('the containers query shows the attachments on each engine; task containers are left out by default', async () => {
    const data = expectData(
      await gw.gql<{ m: { totalCount: number; nodes: ContainerData[] }; w: { nodes: ContainerData[] }; one: ContainerData }>(
        `query($worker: String!, $net: ID!) {
          m: containers { totalCount nodes { ${CONTAINER_FIELDS} } }
          w: containers(engine: $worker, filter: { network: $net }) { nodes { ${CONTAINER_FIELDS} } }
          one: container(engine: $worker, id: "alpine2") { ${CONTAINER_FIELDS} }
        }`,
        { worker: worker.hostname, net: NET },
      ),
    );
    assert.deepEqual(data.m.nodes.map((c) => c.name), ['alpine1']);
    const m1 = data.m.nodes[0]!;
    assert.equal(m1.state, 'RUNNING');
    assert.equal(m1.taskId, null);
    assert.deepEqual(m1.networks.map((n) => n.networkName), ['bridge', NET]);
    assert.ok(m1.networks.find((n) => n.networkName === NET)!.aliases.includes('web-a'));
    assert.deepEqual(data.w.nodes.map((c) => [c.name, c.engine]), [['alpine2', worker.hostname]]);
    const w2 = data.w.nodes[0]!.networks.find((n) => n.networkName === NET)!;
    assert.equal(w2.staticIpv4Address, STATIC_IP);
    assert.deepEqual(data.one.networks, data.w.nodes[0]!.networks);

    // A swarm task on the worker: left out unless standaloneOnly is false, then with its task ID.
    const svc = await dockerCli(manager, ['service', 'create', '--detach', '--no-resolve-image', '--name', 'bg', '--constraint', 'node.role==worker', 'sg-busybox:latest', 'sleep', '600']);
    assert.equal(svc.code, 0, svc.stderr);
    const taskId = await waitFor('bg task running', async () => {
      const ps = await dockerCli(manager, ['service', 'ps', '--filter', 'desired-state=running', '--format', '{{.ID}} {{.CurrentState}}', '--no-trunc', 'bg']);
      const line = ps.stdout.split('\n').find((l) => l.includes('Running'));
      return line ? line.split(' ')[0] : null;
    });
    const listed = expectData(
      await gw.gql<{ standalone: { nodes: ContainerData[] }; everything: { nodes: ContainerData[] } }>(
        `query($worker: String!) {
          standalone: containers(engine: $worker) { nodes { name taskId } }
          everything: containers(engine: $worker, filter: { standaloneOnly: false }) { nodes { name taskId } }
        }`,
        { worker: worker.hostname },
      ),
    );
    assert.deepEqual(listed.standalone.nodes, [{ name: 'alpine2', taskId: null }]);
    assert.deepEqual(listed.everything.nodes.map((c) => c.taskId).sort(), [null, taskId].sort());
    assert.ok(listed.everything.nodes.some((c) => c.name.startsWith('bg.1.') && c.taskId === taskId));
  });

  test('networkDisconnect removes each attachment, as docker inspect shows', async () => {
    for (const [node, name, engine] of [
      [manager, 'alpine1', null],
      [worker, 'alpine2', worker.hostname],
    ] as const) {
      const res = expectData(
        await gw.gql<{ networkDisconnect: ConnectData }>(
          `mutation($input: NetworkDisconnectInput!) { networkDisconnect(input: $input) { container { ${CONTAINER_FIELDS} } userErrors { field code message } } }`,
          { input: { network: NET, container: name, ...(engine ? { engine } : {}) } },
        ),
      ).networkDisconnect;
      assert.deepEqual(res.userErrors, []);
      assert.deepEqual(res.container!.networks.map((n) => n.networkName), ['bridge']);
      assert.deepEqual(Object.keys(await engineNetworksOf(node, name)), ['bridge']);
    }
    // Disconnecting again is refused, and says why.
    const again = expectData(
      await gw.gql<{ networkDisconnect: ConnectData }>(
        `mutation { networkDisconnect(input: { network: "${NET}", container: "alpine1" }) { container { id } userErrors { field code message } } }`,
      ),
    ).networkDisconnect;
    assert.equal(again.container, null);
    assert.deepEqual(again.userErrors.map((e) => [e.code, e.field]), [['INVALID_STATE', ['input', 'container']]]);
  });
});
