// The overlay guide's "Customize the docker_gwbridge", through the gateway: a plain engine
// on the swarm's network gets its own docker_gwbridge before joining, then joins as a
// worker with a token the gateway fetched itself (and never shows), then leaves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerOk, engineUp, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sgw-join';
const ENGINE = 'sgw-join-eng';

async function cli(node: SwarmNode, args: string[]): Promise<string> {
  return (await dockerOk(node, args)).trim();
}

const GWBRIDGE = `mutation($input: NetworkCreateGatewayBridgeInput!) { networkCreateGatewayBridge(input: $input) {
  network { id name driver scope ipam { subnet gateway } options { key value } }
  userErrors { field code message } } }`;
const JOIN = 'mutation($input: SwarmJoinInput!) { swarmJoin(input: $input) { node { id hostname role state availability address } userErrors { field code message } } }';

describe('customize docker_gwbridge, then join', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let engine: SwarmNode;
  let gw: TestGateway;

  const gwbridgeOnEngine = async () => JSON.parse(await cli(engine, ['network', 'inspect', 'docker_gwbridge']))[0];

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    const plain = await engineUp(ENGINE, { attachTo: SWARM });
    engine = plain.nodes[0]!;
    gw = await startGateway(configFor([swarm], { engines: [plain] }));
  });

  after(async () => {
    await gw?.stop();
    // The engine sits on the swarm's bridge: take it down first.
    await swarmDown(ENGINE).catch(() => {});
    await swarmDown(SWARM);
  });

  test('bad input is refused before the engine sees it', async () => {
    const res = expectData(await gw.gql(GWBRIDGE, { input: { engine: engine.hostname, subnet: '10.200.0.0/33', gateway: '10.201.0.1' } })).networkCreateGatewayBridge;
    assert.equal(res.network, null);
    assert.ok(res.userErrors.length >= 1);
    assert.equal(res.userErrors[0].code, 'INVALID_CIDR');
    const unknown = expectData(await gw.gql(GWBRIDGE, { input: { engine: 'nope', subnet: '10.200.0.0/16' } })).networkCreateGatewayBridge;
    assert.equal(unknown.userErrors[0].code, 'REFERENCE_NOT_FOUND');
    const list = await cli(engine, ['network', 'ls', '--format', '{{.Name}}']);
    assert.ok(!list.split('\n').includes('docker_gwbridge'));
  });

  test('networkCreateGatewayBridge: a custom subnet, ICC off, masquerading on', async () => {
    const res = expectData(
      await gw.gql(GWBRIDGE, { input: { engine: engine.hostname, subnet: '10.200.0.0/16', gateway: '10.200.0.1', enableIcc: false, enableIpMasquerade: true } }),
    ).networkCreateGatewayBridge;
    assert.deepEqual(res.userErrors, []);
    const inspected = await gwbridgeOnEngine();
    assert.equal(res.network.id, inspected.Id);
    assert.equal(res.network.name, 'docker_gwbridge');
    assert.equal(res.network.driver, 'bridge');
    assert.equal(res.network.scope, 'LOCAL');
    assert.deepEqual(res.network.ipam, [{ subnet: '10.200.0.0/16', gateway: '10.200.0.1' }]);
    assert.equal(inspected.Driver, 'bridge');
    assert.equal(inspected.IPAM.Config[0].Subnet, '10.200.0.0/16');
    assert.equal(inspected.IPAM.Config[0].Gateway, '10.200.0.1');
    assert.equal(inspected.Options['com.docker.network.bridge.enable_icc'], 'false');
    assert.equal(inspected.Options['com.docker.network.bridge.enable_ip_masquerade'], 'true');
    assert.equal(inspected.Options['com.docker.network.bridge.name'], 'docker_gwbridge');
  });

  test('a second docker_gwbridge: NAME_CONFLICT', async () => {
    const res = expectData(await gw.gql(GWBRIDGE, { input: { engine: engine.hostname, subnet: '10.201.0.0/16' } })).networkCreateGatewayBridge;
    assert.equal(res.network, null);
    assert.equal(res.userErrors[0].code, 'NAME_CONFLICT');
    assert.equal((await gwbridgeOnEngine()).IPAM.Config[0].Subnet, '10.200.0.0/16');
  });

  test('swarmJoin as a worker: the token is never in the response; the manager lists the node Ready', async () => {
    const tokens = [await cli(manager, ['swarm', 'join-token', '-q', 'worker']), await cli(manager, ['swarm', 'join-token', '-q', 'manager'])];
    const res = await gw.http.post('/graphql').send({ query: JOIN, variables: { input: { engine: engine.hostname, role: 'WORKER', advertiseAddr: engine.addr } } });
    for (const token of tokens) assert.ok(!res.text.includes(token), 'the response contains a join token');
    assert.ok(!/SWMTKN/.test(res.text));
    const join = res.body.data.swarmJoin;
    assert.deepEqual(join.userErrors, []);
    assert.equal(join.node.hostname, engine.hostname);
    assert.equal(join.node.role, 'WORKER');
    assert.equal(join.node.state, 'READY');
    assert.equal(join.node.address, engine.addr);

    const listed = await cli(manager, ['node', 'ls', '--filter', `name=${engine.hostname}`, '--format', '{{.ID}} {{.Status}}']);
    assert.equal(listed, `${join.node.id} Ready`);
    assert.equal(await cli(engine, ['info', '--format', '{{.Swarm.LocalNodeState}}']), 'active');
    // Joining did not replace the bridge made beforehand.
    assert.equal((await gwbridgeOnEngine()).IPAM.Config[0].Subnet, '10.200.0.0/16');
  });

  test('an engine already in a swarm: swarmJoin and networkCreateGatewayBridge say ALREADY_IN_SWARM', async () => {
    const join = expectData(await gw.gql(JOIN, { input: { engine: engine.hostname } })).swarmJoin;
    assert.equal(join.node, null);
    assert.equal(join.userErrors[0].code, 'ALREADY_IN_SWARM');
    const bridge = expectData(await gw.gql(GWBRIDGE, { input: { engine: engine.hostname, subnet: '10.202.0.0/16' } })).networkCreateGatewayBridge;
    assert.equal(bridge.userErrors[0].code, 'ALREADY_IN_SWARM');
  });

  test('swarmLeave: the worker leaves; the manager sees it down', async () => {
    const id = await cli(engine, ['info', '--format', '{{.Swarm.NodeID}}']);
    const res = expectData(await gw.gql(`mutation { swarmLeave(input: { engine: "${engine.hostname}" }) { left userErrors { code message } } }`)).swarmLeave;
    assert.deepEqual(res, { left: true, userErrors: [] });
    assert.equal(await cli(engine, ['info', '--format', '{{.Swarm.LocalNodeState}}']), 'inactive');
    await waitFor('the manager to see the node down', async () => (await cli(manager, ['node', 'inspect', id, '--format', '{{.Status.State}}'])) === 'down');
  });
});
