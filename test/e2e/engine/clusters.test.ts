// One gateway in front of two swarms: the `cluster` argument picks the swarm, the first
// configured cluster is the default, and a cluster's manager endpoints fail over when one
// stops. A cluster whose only endpoint is down answers ENGINE_UNAVAILABLE and /readyz 503.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerOk, startNode, stopNode, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const A = 'sgw-cl-a';
const B = 'sgw-cl-b';

async function cli(node: SwarmNode, args: string[]): Promise<string> {
  return (await dockerOk(node, args)).trim();
}
const swarmIdOf = (node: SwarmNode) => cli(node, ['info', '--format', '{{.Swarm.Cluster.ID}}']);

describe('several clusters, failover and a stopped engine', () => {
  let a: SwarmState;
  let b: SwarmState;
  let gw: TestGateway;

  before(async () => {
    // b has three managers so that it keeps its quorum when one stops.
    [a, b] = await Promise.all([swarmUp(A), swarmUp(B, { managers: 3 })]);
    gw = await startGateway(configFor([a, b]));
  });

  after(async () => {
    await gw?.stop();
    await Promise.allSettled([swarmDown(A), swarmDown(B)]);
  });

  test('clusters lists both, the first as default, with every manager endpoint of b', async () => {
    const { clusters } = expectData(await gw.gql('{ clusters { name isDefault endpoints } }'));
    assert.deepEqual(clusters, [
      { name: A, isDefault: true, endpoints: [a.nodes[0]!.host] },
      { name: B, isDefault: false, endpoints: b.nodes.map((n) => n.host) },
    ]);
  });

  test('swarm(cluster) and nodes(cluster) read the named swarm; no cluster means the first', async () => {
    const data = expectData(
      await gw.gql(`{ def: swarm { id cluster } a: swarm(cluster: "${A}") { id } b: swarm(cluster: "${B}") { id cluster } nodes(cluster: "${B}") { nodes { id } } }`),
    );
    const [idA, idB] = await Promise.all([swarmIdOf(a.nodes[0]!), swarmIdOf(b.nodes[0]!)]);
    assert.notEqual(idA, idB);
    assert.deepEqual(data.def, { id: idA, cluster: A });
    assert.equal(data.a.id, idA);
    assert.deepEqual(data.b, { id: idB, cluster: B });
    const cliNodes = (await cli(b.nodes[0]!, ['node', 'ls', '--format', '{{.ID}}'])).split('\n').sort();
    assert.deepEqual(data.nodes.nodes.map((n: { id: string }) => n.id).sort(), cliNodes);
    assert.equal(cliNodes.length, 3);
  });

  test('an unknown cluster is NOT_FOUND', async () => {
    const res = await gw.gql('{ swarm(cluster: "nope") { id } }');
    assert.equal(res.data, null);
    assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.match(res.errors![0]!.message, /cluster "nope" is not configured/);
  });

  test('diagnostics on a real swarm: the data path port and a quorum check', async () => {
    const d = expectData(await gw.gql(`{ diagnostics(cluster: "${B}") { cluster requiredPorts { port protocol purpose } checks { id status summary details } } }`)).diagnostics;
    const dataPathPort = Number(await cli(b.nodes[0]!, ['info', '--format', '{{.Swarm.Cluster.DataPathPort}}']));
    assert.equal(d.cluster, B);
    assert.deepEqual(
      d.requiredPorts.map((p: { port: number; protocol: string }) => `${p.port}/${p.protocol}`),
      ['2377/TCP', '7946/TCP', '7946/UDP', `${dataPathPort}/UDP`],
    );
    const byId = Object.fromEntries(d.checks.map((c: { id: string }) => [c.id, c]));
    assert.deepEqual(Object.keys(byId).sort(), ['encrypted-windows', 'overlay-container-limit', 'ports', 'quorum', 'subnet-overlap', 'unallocated-networks']);
    assert.equal(byId.quorum.status, 'OK');
    assert.match(byId.quorum.summary, /3 of 3 manager\(s\) reachable; majority 2; tolerates 1/);
    assert.equal(byId.ports.status, 'INFO');
    assert.equal(byId['subnet-overlap'].status, 'OK');
    assert.equal(byId['unallocated-networks'].status, 'OK');
  });

  test("failover: with b's first manager stopped, b still answers through the next endpoint", async () => {
    const expected = await swarmIdOf(b.nodes[1]!);
    await stopNode(B, b.nodes[0]!.k, { kill: true });
    // Reads may briefly fail while the two remaining managers elect a leader.
    const swarm = await waitFor('b to answer through another manager', async () => {
      const res = await gw.gql(`{ swarm(cluster: "${B}") { id quorum { managers reachableManagers hasQuorum warnings } } }`);
      return res.errors ? null : res.data.swarm;
    });
    assert.equal(swarm.id, expected);
    const quorum = await waitFor('the stopped manager to be unreachable', async () => {
      const res = await gw.gql(`{ swarm(cluster: "${B}") { quorum { managers reachableManagers hasQuorum warnings } } }`);
      const q = res.data?.swarm?.quorum;
      return q?.reachableManagers === 2 ? q : null;
    });
    assert.equal(quorum.managers, 3);
    assert.equal(quorum.hasQuorum, true);
    assert.ok(quorum.warnings.some((w: string) => /quorum at risk: 2 of 3/.test(w)), JSON.stringify(quorum.warnings));
    const { clusters } = expectData(await gw.gql('{ clusters { name } }'));
    assert.equal(clusters.length, 2);
  });

  test("a's only endpoint stopped: ENGINE_UNAVAILABLE and /readyz 503; started again: /readyz 200", async () => {
    const manager = a.nodes[0]!;
    await stopNode(A, manager.k, { kill: true });
    try {
      const res = await gw.gql(`{ swarm(cluster: "${A}") { id } }`);
      assert.equal(res.data, null);
      assert.equal(res.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE');
      // The default cluster is a as well.
      assert.equal((await gw.gql('{ nodes { totalCount } }')).errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE');
      const ready = await gw.http.get('/readyz');
      assert.equal(ready.status, 503);
      assert.equal(ready.body.clusters[A], 'unavailable');
      assert.equal(ready.body.clusters[B], 'ready');
    } finally {
      await startNode(A, manager.k);
    }
    await waitFor('/readyz 200', async () => (await gw.http.get('/readyz')).status === 200);
    assert.equal(expectData(await gw.gql(`{ swarm(cluster: "${A}") { id } }`)).swarm.id, await swarmIdOf(manager));
  });
});
