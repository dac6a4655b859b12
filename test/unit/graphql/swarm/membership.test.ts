// swarmInit, swarmJoin, swarmLeave and networkCreateGatewayBridge against fake engines: the
// bodies `docker swarm init|join` and the overlay guide's `docker network create` send, an
// engine already in a swarm refused before anything is sent, the join token fetched by the
// gateway and never answered, a manager leaving only with force, access and the audit log.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { EngineError } from '../../../support/fake-engine/server.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const pairs = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

describe('swarm membership', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway({ engines: [{ name: 'spare-1' }, { name: 'spare-2' }, { name: 'spare-3' }] });
  });
  after(() => fake.stop());
  beforeEach(() => {
    for (const e of [fake.engine, ...Object.values(fake.engines)]) e.clearRequests();
    fake.audit.clear();
  });
  const engine = (name: string) => fake.engines[name]!;

  describe('networkCreateGatewayBridge, then swarmJoin, then swarmLeave (spare-1)', () => {
    const BRIDGE = 'network { id name driver scope options { key value } ipam { subnet gateway } }';

    test('bad input is refused field by field, nothing sent to the engine', async () => {
      const { userErrors } = await fake.mutate('networkCreateGatewayBridge', { engine: 'spare-1', subnet: '10.11.0.0/33', bridgeName: 'way/too/long/name', mtu: 10 }, BRIDGE);
      assert.deepEqual(pairs(userErrors), [
        ['INVALID_CIDR', ['input', 'subnet']],
        ['INVALID_VALUE', ['input', 'bridgeName']],
        ['INVALID_VALUE', ['input', 'mtu']],
      ]);
      assert.deepEqual(engine('spare-1').requests, []);
    });

    test('creates docker_gwbridge with the guide\'s options', async () => {
      const { payload, userErrors } = await fake.mutate('networkCreateGatewayBridge', { engine: 'spare-1', subnet: '10.11.0.0/16', gateway: '10.11.0.1' }, BRIDGE);
      assert.deepEqual(userErrors, []);
      const [sent] = engine('spare-1').writes();
      assert.equal(sent!.path, '/networks/create');
      assert.deepEqual((sent!.body as Json).Options, {
        'com.docker.network.bridge.name': 'docker_gwbridge',
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
      });
      assert.deepEqual((sent!.body as Json).IPAM, { Driver: 'default', Options: {}, Config: [{ Subnet: '10.11.0.0/16', Gateway: '10.11.0.1' }] });
      assert.equal(payload!.network.name, 'docker_gwbridge');
      assert.equal(payload!.network.driver, 'bridge');
      assert.equal(payload!.network.scope, 'LOCAL');
      assert.deepEqual(fake.engine.writes(), []);
      assert.equal(fake.audit.outcomeOf('networkCreateGatewayBridge')?.status, 'succeeded');
    });

    test('a second docker_gwbridge: NAME_CONFLICT with its subnet, nothing sent', async () => {
      const { userErrors } = await fake.mutate('networkCreateGatewayBridge', { engine: 'spare-1', subnet: '10.12.0.0/16' }, BRIDGE);
      assert.deepEqual(pairs(userErrors), [['NAME_CONFLICT', ['input', 'engine']]]);
      assert.match(userErrors[0]!.message, /10\.11\.0\.0\/16/);
      assert.deepEqual(engine('spare-1').writes(), []);
    });

    test('swarmJoin with a bad manager address: INVALID_VALUE, nothing sent', async () => {
      const { userErrors } = await fake.mutate('swarmJoin', { engine: 'spare-1', remoteAddrs: ['10.0.0.1:2377', '999.1.1.1'], advertiseAddr: 'not an address' }, 'node { id }');
      assert.deepEqual(pairs(userErrors), [
        ['INVALID_VALUE', ['input', 'advertiseAddr']],
        ['INVALID_VALUE', ['input', 'remoteAddrs', '1']],
      ]);
      assert.deepEqual(engine('spare-1').requests, []);
    });

    test('swarmJoin as a worker: the token the cluster gave, the managers\' addresses; the node as the managers list it', async () => {
      const res = await fake.mutate('swarmJoin', { engine: 'spare-1', advertiseAddr: '10.99.0.50' }, 'node { id role state }');
      assert.deepEqual(res.userErrors, []);
      const swarm = fake.engine.state.swarm!;
      const join = engine('spare-1').writes().find((r) => r.path === '/swarm/join')!;
      assert.deepEqual(join.body, {
        ListenAddr: '0.0.0.0:2377',
        AdvertiseAddr: '10.99.0.50',
        DataPathAddr: '',
        RemoteAddrs: [[...fake.engine.state.nodes.values()][0]!.ManagerStatus.Addr],
        JoinToken: swarm.JoinTokens.Worker,
      });
      assert.ok(!JSON.stringify(res.response).includes('SWMTKN'), 'no token in the answer');
      assert.ok(!JSON.stringify(fake.audit.intents).includes('SWMTKN'), 'no token in the audit log');
      const node = res.payload!.node;
      assert.equal(node.role, 'WORKER');
      assert.equal(fake.engine.state.nodes.get(node.id)?.Spec.Role, 'worker');
      assert.deepEqual(fake.audit.outcomeOf('swarmJoin')?.objectIds, [node.id]);
    });

    test('an engine already in a swarm: ALREADY_IN_SWARM for swarmJoin and the gateway bridge, nothing sent', async () => {
      const join = await fake.mutate('swarmJoin', { engine: 'spare-1' }, 'node { id }');
      assert.deepEqual(pairs(join.userErrors), [['ALREADY_IN_SWARM', ['input', 'engine']]]);
      const bridge = await fake.mutate('networkCreateGatewayBridge', { engine: 'spare-1', subnet: '10.13.0.0/16' }, 'network { id }');
      assert.deepEqual(pairs(bridge.userErrors), [['ALREADY_IN_SWARM', ['input', 'engine']]]);
      assert.deepEqual(engine('spare-1').writes(), []);
    });

    test('swarmLeave: the worker leaves without force; the managers see it down', async () => {
      const nodeId = engine('spare-1').state.localNodeId;
      const { payload, userErrors } = await fake.mutate('swarmLeave', { engine: 'spare-1' }, 'left');
      assert.deepEqual(userErrors, []);
      assert.equal(payload!.left, true);
      assert.deepEqual(engine('spare-1').writes().map((r) => [r.path, r.query.force]), [['/swarm/leave', 'false']]);
      assert.equal(fake.engine.state.nodes.get(nodeId)?.Status.State, 'down');
      assert.deepEqual(fake.audit.outcomeOf('swarmLeave')?.objectIds, [nodeId]);
    });

    test('swarmLeave again: NOT_IN_SWARM, nothing sent', async () => {
      const { userErrors } = await fake.mutate('swarmLeave', { engine: 'spare-1' }, 'left');
      assert.deepEqual(pairs(userErrors), [['NOT_IN_SWARM', ['input', 'engine']]]);
      assert.deepEqual(engine('spare-1').writes(), []);
    });
  });

  describe('swarmJoin errors', () => {
    test('the engine\'s refusal never carries the token', async () => {
      const token = fake.engine.state.swarm!.JoinTokens.Manager;
      const restore = engine('spare-3').override('POST', '/swarm/join', () => {
        throw new EngineError(400, `rpc error: code = InvalidArgument desc = invalid join token ${token}`);
      });
      try {
        const res = await fake.mutate('swarmJoin', { engine: 'spare-3', role: 'MANAGER' }, 'node { id }');
        assert.ok(!JSON.stringify(res.response).includes('SWMTKN'), JSON.stringify(res.response));
        assert.equal((engine('spare-3').writes()[0]!.body as Json).JoinToken, token);
        assert.ok(!JSON.stringify(fake.audit.outcomes).includes('SWMTKN'));
      } finally {
        restore();
      }
    });

    test('an engine that is not configured: REFERENCE_NOT_FOUND at input.engine', async () => {
      const { userErrors } = await fake.mutate('swarmJoin', { engine: 'nowhere' }, 'node { id }');
      assert.deepEqual(pairs(userErrors), [['REFERENCE_NOT_FOUND', ['input', 'engine']]]);
    });

    test('an operator is refused: FORBIDDEN, audited, nothing sent', async () => {
      const token = await fake.tokenFor('operator');
      const { errorCodes } = await fake.mutate('swarmJoin', { engine: 'spare-3' }, 'node { id }', { token });
      assert.deepEqual(errorCodes, ['FORBIDDEN']);
      assert.equal(fake.audit.refusals.at(-1)?.operation, 'swarmJoin');
      assert.deepEqual(engine('spare-3').writes(), []);
    });

    test('as a manager through the addresses given: the manager token, those addresses, the node a manager', async () => {
      const res = await fake.mutate('swarmJoin', { engine: 'spare-3', role: 'MANAGER', remoteAddrs: ['10.99.0.2:2377'], listenAddr: '0.0.0.0:2377' }, 'node { id role }');
      assert.deepEqual(res.userErrors, []);
      const join = engine('spare-3').writes().find((r) => r.path === '/swarm/join')!.body as Json;
      assert.deepEqual([join.RemoteAddrs, join.JoinToken], [['10.99.0.2:2377'], fake.engine.state.swarm!.JoinTokens.Manager]);
      assert.equal(res.payload!.node.role, 'MANAGER');
      // The managers' node list is read only when no addresses are given.
      assert.ok(!fake.engine.requests.some((r) => r.path === '/nodes'));
    });
  });

  describe('swarmInit and swarmLeave (spare-2)', () => {
    const INIT = 'nodeId swarm { id defaultAddrPool subnetSize dataPathPort quorum { managers hasQuorum } }';

    test('bad input is refused field by field, nothing sent', async () => {
      const { userErrors } = await fake.mutate('swarmInit', { engine: 'spare-2', advertiseAddr: 'nowhere:xx', dataPathPort: 80, subnetSize: 40 }, INIT);
      assert.deepEqual(pairs(userErrors), [
        ['INVALID_VALUE', ['input', 'advertiseAddr']],
        ['INVALID_PORT', ['input', 'dataPathPort']],
        ['INVALID_VALUE', ['input', 'subnetSize']],
      ]);
      const pool = await fake.mutate('swarmInit', { engine: 'spare-2', defaultAddrPool: ['10.0.0.0/33'] }, INIT);
      assert.deepEqual(pairs(pool.userErrors), [['INVALID_CIDR', ['input', 'defaultAddrPool', '0']]]);
      assert.deepEqual(engine('spare-2').requests, []);
    });

    test('sends the CLI\'s body; the new swarm is read from the engine, with its quorum', async () => {
      const { payload, userErrors } = await fake.mutate(
        'swarmInit',
        { engine: 'spare-2', advertiseAddr: '10.99.1.1', dataPathPort: 7789, defaultAddrPool: ['10.200.0.0/16'], subnetSize: 26, taskHistoryLimit: 3 },
        INIT,
      );
      assert.deepEqual(userErrors, []);
      const init = engine('spare-2').writes().find((r) => r.path === '/swarm/init')!;
      const body = init.body as Json;
      assert.equal(body.ListenAddr, '0.0.0.0:2377');
      assert.equal(body.AdvertiseAddr, '10.99.1.1');
      assert.equal(body.DataPathPort, 7789);
      assert.deepEqual(body.DefaultAddrPool, ['10.200.0.0/16']);
      assert.equal(body.SubnetSize, 26);
      assert.deepEqual(body.Spec.Orchestration, { TaskHistoryRetentionLimit: 3 });
      const state = engine('spare-2').state;
      assert.equal(payload!.nodeId, state.localNodeId);
      assert.deepEqual(payload!.swarm, { id: state.swarm!.ID, defaultAddrPool: ['10.200.0.0/16'], subnetSize: 26, dataPathPort: 7789, quorum: { managers: 1, hasQuorum: true } });
      // The quorum comes from the engine itself, not from the default cluster.
      assert.ok(engine('spare-2').requests.some((r) => r.path === '/nodes'));
      assert.deepEqual(fake.audit.outcomeOf('swarmInit')?.objectIds, [state.localNodeId, state.swarm!.ID]);
    });

    test('swarmInit again: ALREADY_IN_SWARM naming the swarm, nothing sent', async () => {
      const { userErrors } = await fake.mutate('swarmInit', { engine: 'spare-2' }, INIT);
      assert.deepEqual(pairs(userErrors), [['ALREADY_IN_SWARM', ['input', 'engine']]]);
      assert.match(userErrors[0]!.message, new RegExp(engine('spare-2').state.swarm!.ID));
      assert.deepEqual(engine('spare-2').writes(), []);
    });

    test('a manager leaves only with force', async () => {
      const refused = await fake.mutate('swarmLeave', { engine: 'spare-2' }, 'left');
      assert.deepEqual(pairs(refused.userErrors), [['INVALID_STATE', ['input', 'force']]]);
      assert.deepEqual(engine('spare-2').writes(), []);
      const left = await fake.mutate('swarmLeave', { engine: 'spare-2', force: true }, 'left');
      assert.deepEqual(left.userErrors, []);
      assert.deepEqual(engine('spare-2').writes().map((r) => [r.path, r.query.force]), [['/swarm/leave', 'true']]);
      assert.equal(engine('spare-2').state.swarm, null);
    });

    test('the cluster\'s own endpoint: ALREADY_IN_SWARM at input.cluster', async () => {
      const { userErrors } = await fake.mutate('swarmInit', {}, INIT);
      assert.deepEqual(pairs(userErrors), [['ALREADY_IN_SWARM', ['input', 'cluster']]]);
      assert.deepEqual(fake.engine.writes(), []);
    });

    test('an engine named with another cluster: INVALID_VALUE at input.cluster', async () => {
      const { userErrors, errorCodes } = await fake.mutate('swarmInit', { engine: 'fake-engine', cluster: 'elsewhere' }, INIT);
      assert.ok(pairs(userErrors).length > 0 || errorCodes.length > 0);
      assert.deepEqual(fake.engine.writes(), []);
    });
  });
});
