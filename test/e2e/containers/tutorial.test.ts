// Docker's overlay guide, "Use an overlay network for standalone containers", end to end
// through GraphQL only (README: the overlay tutorial): on a swarm of a manager and a worker,
// each a configured engine, an attachable overlay `test-net` (networkCreate); `alpine1` run on
// the manager's engine and `alpine2` on the worker's, both on it (containerRun); a ping by
// name each way (containerExec) answered by the other container's overlay address; the worker
// lists the overlay now that it has a container on it (networks(engine:)); then
// networkDisconnect (the ping stops working), containerRemove and networkRemove, and nothing is
// left on either engine. Every result is also read from the engines' own Engine API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { engineGet } from '../../support/stack-parity.ts';
import { swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ct-tut';
// The guide uses alpine; no image can be pulled here, and busybox's ping is the same tool.
const IMAGE = 'sg-busybox:latest';
const NET = 'test-net';

type Json = Record<string, any>;

const CREATE = 'mutation($input: NetworkCreateInput!) { networkCreate(input: $input) { network { id name scope attachable } userErrors { field code message } } }';
const RUN = 'mutation($input: ContainerRunInput!) { containerRun(input: $input) { container { id name engine state networks { networkName networkId ipv4Address } } userErrors { field code message } } }';
const EXEC = 'mutation($input: ContainerExecInput!) { containerExec(input: $input) { execId exitCode stdout stderr timedOut userErrors { field code message } } }';
const NETWORKS = 'query($engine: String) { networks(engine: $engine, filter: { name: "test-net" }) { nodes { id name scope engine containers { id name ipv4Address } } } }';
const DISCONNECT = 'mutation($input: NetworkDisconnectInput!) { networkDisconnect(input: $input) { container { name networks { networkName } } userErrors { field code message } } }';
const REMOVE = 'mutation($input: ContainerRemoveInput!) { containerRemove(input: $input) { removed { id name } userErrors { field code message } } }';
const NET_REMOVE = 'mutation($input: NetworkRemoveInput!) { networkRemove(input: $input) { removed { id name } userErrors { field code message } } }';

describe("the overlay guide's standalone-container tutorial, through GraphQL only", () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let gw: TestGateway;
  let netId: string;
  const ids: Record<string, string> = {};

  /** The root field's payload, failing on top-level errors. */
  const call = async (query: string, variables: Json): Promise<Json> => Object.values(expectData(await gw.gql<Json>(query, variables)))[0] as Json;
  const containerOn = (node: SwarmNode, name: string): Promise<Json> => engineGet(node, `/containers/${name}/json`);
  const networksOn = async (node: SwarmNode): Promise<Json[]> => (await engineGet(node, '/networks')) as Json[];
  /** alpine's overlay address as its own engine reports it, without the prefix length. */
  const overlayAddress = async (node: SwarmNode, name: string): Promise<string> => (await containerOn(node, name)).NetworkSettings.Networks[NET].IPAddress as string;

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

  test('networkCreate: the attachable overlay test-net, as the manager\'s Engine API inspects it', async () => {
    const created = await call(CREATE, { input: { name: NET, attachable: true } });
    assert.deepEqual(created.userErrors, []);
    const { id, ...rest } = created.network;
    assert.deepEqual(rest, { name: NET, scope: 'SWARM', attachable: true });
    netId = id;
    const json = await engineGet(manager, `/networks/${NET}`);
    assert.equal(json.Id, netId);
    assert.equal(json.Driver, 'overlay');
    assert.equal(json.Scope, 'swarm');
    assert.equal(json.Attachable, true);
  });

  test('containerRun: alpine1 on the manager\'s engine and alpine2 on the worker\'s, each running on test-net on its own engine', async () => {
    for (const [node, name] of [[manager, 'alpine1'], [worker, 'alpine2']] as const) {
      const run = await call(RUN, { input: { engine: node.hostname, name, image: IMAGE, command: ['sleep', '3600'], networks: [{ network: NET }] } });
      assert.deepEqual(run.userErrors, [], name);
      assert.equal(run.container.engine, node.hostname);
      assert.equal(run.container.state, 'RUNNING');
      assert.deepEqual(run.container.networks.map((n: Json) => [n.networkName, n.networkId]), [[NET, netId]]);
      ids[name] = run.container.id;
      const json = await containerOn(node, name);
      assert.equal(json.Id, ids[name]);
      assert.equal(json.State.Running, true);
      assert.equal(json.NetworkSettings.Networks[NET].NetworkID, netId);
    }
    // Each container is on its own engine only.
    await assert.rejects(containerOn(manager, 'alpine2'), /404/);
    await assert.rejects(containerOn(worker, 'alpine1'), /404/);
  });

  test("networks(engine:) on the worker shows test-net, with alpine2, now that a container there is attached", async () => {
    const listed = (await call(NETWORKS, { engine: worker.hostname })).nodes as Json[];
    assert.equal(listed.length, 1);
    const [net] = listed as [Json];
    assert.equal(net.id, netId);
    assert.equal(net.engine, worker.hostname);
    assert.deepEqual(net.containers.filter((c: Json) => c.id === ids.alpine2).map((c: Json) => [c.name, c.ipv4Address.split('/')[0]]), [['alpine2', await overlayAddress(worker, 'alpine2')]]);
    assert.ok((await networksOn(worker)).some((n) => n.Id === netId), "the worker's Engine API lists it too");
  });

  test('containerExec: `ping -c 2 alpine2` in alpine1 and `ping -c 2 alpine1` in alpine2 both succeed, answered by the other\'s overlay address', async () => {
    const ping = async (from: SwarmNode, container: string, to: string): Promise<Json> => {
      // The overlay's peer list converges within a second or two after the start: poll until
      // the name answers. Only a ping that fails is retried; an error of the gateway ends the wait.
      let failed: unknown = null;
      const r = await waitFor(`${container} -> ${to}`, async () => {
        try {
          const r = await call(EXEC, { input: { engine: from.hostname, container, command: ['ping', '-c', '2', to], timeoutSeconds: 20 } });
          assert.deepEqual(r.userErrors, []);
          return r.exitCode === 0 ? r : null;
        } catch (err) {
          failed = err;
          return true;
        }
      }, 60_000, 1000);
      if (failed) throw failed;
      return r as Json;
    };
    for (const [from, container, toNode, to] of [[manager, 'alpine1', worker, 'alpine2'], [worker, 'alpine2', manager, 'alpine1']] as const) {
      const r = await ping(from, container, to);
      assert.equal(r.timedOut, false);
      assert.match(r.stdout, /2 packets transmitted, 2 packets received/);
      assert.ok(r.stdout.includes(`from ${await overlayAddress(toNode, to)}`), r.stdout);
      // The engine ran exactly that command in that container, and it exited 0.
      const exec = await engineGet(from, `/exec/${r.execId}/json`);
      assert.equal(exec.ContainerID, ids[container]);
      assert.equal(exec.ExitCode, 0);
      assert.deepEqual([exec.ProcessConfig.entrypoint, ...exec.ProcessConfig.arguments], ['ping', '-c', '2', to]);
    }
  });

  test('networkDisconnect: both leave test-net on their engines, and alpine1 no longer reaches alpine2', async () => {
    for (const [node, name] of [[worker, 'alpine2'], [manager, 'alpine1']] as const) {
      const out = await call(DISCONNECT, { input: { engine: node.hostname, network: NET, container: name } });
      assert.deepEqual(out.userErrors, [], name);
      assert.deepEqual(out.container.networks, []);
      assert.equal((await containerOn(node, name)).NetworkSettings.Networks[NET], undefined);
    }
    const r = await call(EXEC, { input: { engine: manager.hostname, container: 'alpine1', command: ['ping', '-c', '1', '-W', '2', 'alpine2'], timeoutSeconds: 20 } });
    assert.deepEqual(r.userErrors, []);
    assert.notEqual(r.exitCode, 0);
  });

  test('containerRemove and networkRemove: nothing is left on either engine', async () => {
    for (const [node, name] of [[manager, 'alpine1'], [worker, 'alpine2']] as const) {
      const out = await call(REMOVE, { input: { engine: node.hostname, container: name, force: true } });
      assert.deepEqual(out, { removed: [{ id: ids[name], name }], userErrors: [] });
    }
    const removed = await call(NET_REMOVE, { input: { ids: [NET] } });
    assert.deepEqual(removed, { removed: [{ id: netId, name: NET }], userErrors: [] });

    for (const node of [manager, worker]) {
      assert.deepEqual(await engineGet(node, '/containers/json?all=1'), [], `no container is left on ${node.hostname}`);
      // A worker drops its copy of the overlay once its last endpoint is gone (asynchronously, in the engine).
      await waitFor(`${NET} gone from ${node.hostname}`, async () => !(await networksOn(node)).some((n) => n.Name === NET || n.Id === netId), 30_000);
    }
    assert.deepEqual((await call(NETWORKS, { engine: worker.hostname })).nodes, []);
    assert.deepEqual((await call(NETWORKS, { engine: null })).nodes, []);
  });
});
