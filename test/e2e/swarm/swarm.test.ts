// The swarm itself through the gateway: inspect, settings, join tokens, quorum, and
// `swarmInit`/`swarmLeave` on a plain engine. Every result is checked with the Docker CLI
// (`docker info`'s Swarm.Cluster is what `GET /swarm` returns, minus the join tokens).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { addNode, dockerOk, engineUp, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sgw-swarm';
const ENGINE = 'sgw-swarm-eng';

const SWARM_FIELDS = `
  id cluster version createdAt updatedAt defaultAddrPool subnetSize dataPathPort rootRotationInProgress
  spec {
    name labels { key value }
    raft { snapshotInterval keepOldSnapshots logEntriesForSlowFollowers electionTick heartbeatTick }
    dispatcher { heartbeatPeriodSeconds }
    caConfig { nodeCertExpirySeconds externalCaUrls }
    taskHistoryRetentionLimit autolockManagers
  }
  quorum { managers reachableManagers majority faultTolerance hasQuorum warnings }`;

async function cliJson<T = any>(node: SwarmNode, args: string[]): Promise<T> {
  return JSON.parse(await dockerOk(node, args)) as T;
}

async function cli(node: SwarmNode, args: string[]): Promise<string> {
  return (await dockerOk(node, args)).trim();
}

/** What `docker swarm inspect` would show, if the CLI had it: `docker info`'s Swarm.Cluster (GET /swarm without the tokens). */
const inspectSwarm = async (node: SwarmNode) => cliJson(node, ['info', '--format', '{{json .Swarm.Cluster}}']);

describe('swarm', () => {
  let swarm: SwarmState;
  let engine: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;

  before(async () => {
    [swarm, engine] = await Promise.all([swarmUp(SWARM), engineUp(ENGINE)]);
    manager = swarm.nodes[0]!;
    gw = await startGateway(configFor([swarm], { engines: [engine] }));
  });

  after(async () => {
    await gw?.stop();
    await Promise.allSettled([swarmDown(SWARM), swarmDown(ENGINE)]);
  });

  test('swarm matches `docker info` (Swarm.Cluster)', async () => {
    const { swarm: s } = expectData(await gw.gql(`{ swarm { ${SWARM_FIELDS} } }`));
    const cli = await inspectSwarm(manager);
    const info = await cliJson(manager, ['info', '--format', '{{json .Swarm}}']);
    assert.equal(s.id, cli.ID);
    assert.equal(s.id, info.Cluster.ID);
    assert.equal(s.cluster, SWARM);
    assert.equal(s.version, cli.Version.Index);
    assert.equal(Date.parse(s.createdAt), Date.parse(cli.CreatedAt));
    assert.equal(Date.parse(s.updatedAt), Date.parse(cli.UpdatedAt));
    assert.deepEqual(s.spec.raft, {
      snapshotInterval: cli.Spec.Raft.SnapshotInterval,
      keepOldSnapshots: cli.Spec.Raft.KeepOldSnapshots,
      logEntriesForSlowFollowers: cli.Spec.Raft.LogEntriesForSlowFollowers,
      electionTick: cli.Spec.Raft.ElectionTick,
      heartbeatTick: cli.Spec.Raft.HeartbeatTick,
    });
    assert.equal(s.spec.name, 'default');
    assert.equal(s.spec.dispatcher.heartbeatPeriodSeconds, cli.Spec.Dispatcher.HeartbeatPeriod / 1e9);
    assert.equal(s.spec.caConfig.nodeCertExpirySeconds, cli.Spec.CAConfig.NodeCertExpiry / 1e9);
    assert.deepEqual(s.spec.caConfig.externalCaUrls, []);
    assert.equal(s.spec.taskHistoryRetentionLimit, cli.Spec.Orchestration.TaskHistoryRetentionLimit);
    assert.equal(s.spec.autolockManagers, false);
    assert.deepEqual(s.defaultAddrPool, info.Cluster.DefaultAddrPool);
    assert.equal(s.subnetSize, info.Cluster.SubnetSize);
    assert.equal(s.dataPathPort, info.Cluster.DataPathPort);
    assert.equal(s.rootRotationInProgress, false);
  });

  test('swarmJoinTokens equal `docker swarm join-token -q`', async () => {
    const { swarmJoinTokens } = expectData(await gw.gql('{ swarmJoinTokens { worker manager } }'));
    assert.equal(swarmJoinTokens.worker, await cli(manager, ['swarm', 'join-token', '-q', 'worker']));
    assert.equal(swarmJoinTokens.manager, await cli(manager, ['swarm', 'join-token', '-q', 'manager']));
  });

  test('swarmRotateJoinToken changes the worker token only, and does not return it', async () => {
    const worker = await cli(manager, ['swarm', 'join-token', '-q', 'worker']);
    const managerToken = await cli(manager, ['swarm', 'join-token', '-q', 'manager']);
    const res = await gw.http
      .post('/graphql')
      .send({ query: 'mutation { swarmRotateJoinToken(input: { role: WORKER }) { swarm { id version } userErrors { code message } } }' });
    const body = res.text;
    assert.deepEqual(res.body.data.swarmRotateJoinToken.userErrors, []);
    const newWorker = await cli(manager, ['swarm', 'join-token', '-q', 'worker']);
    assert.notEqual(newWorker, worker);
    assert.equal(await cli(manager, ['swarm', 'join-token', '-q', 'manager']), managerToken);
    assert.ok(!body.includes(newWorker) && !body.includes(worker), 'no token in the response');
    assert.equal(res.body.data.swarmRotateJoinToken.swarm.version, (await inspectSwarm(manager)).Version.Index);
  });

  test('swarmUpdate changes task history, snapshot interval, dispatcher heartbeat and cert expiry', async () => {
    const { swarm: before } = expectData(await gw.gql('{ swarm { version } }'));
    const res = expectData(
      await gw.gql(
        `mutation($input: SwarmUpdateInput!) { swarmUpdate(input: $input) { swarm { version spec { taskHistoryRetentionLimit raft { snapshotInterval } dispatcher { heartbeatPeriodSeconds } caConfig { nodeCertExpirySeconds } } } userErrors { field code message } } }`,
        { input: { version: before.version, taskHistoryLimit: 3, snapshotInterval: 5000, dispatcherHeartbeatSeconds: 7, certExpirySeconds: 48 * 3600 } },
      ),
    );
    assert.deepEqual(res.swarmUpdate.userErrors, []);
    const cli = await inspectSwarm(manager);
    assert.equal(cli.Spec.Orchestration.TaskHistoryRetentionLimit, 3);
    assert.equal(cli.Spec.Raft.SnapshotInterval, 5000);
    assert.equal(cli.Spec.Dispatcher.HeartbeatPeriod, 7e9);
    assert.equal(cli.Spec.CAConfig.NodeCertExpiry, 48 * 3600 * 1e9);
    // Everything else kept its value.
    assert.equal(cli.Spec.Raft.ElectionTick, 10);
    assert.equal(res.swarmUpdate.swarm.version, cli.Version.Index);
    assert.deepEqual(res.swarmUpdate.swarm.spec, {
      taskHistoryRetentionLimit: 3,
      raft: { snapshotInterval: 5000 },
      dispatcher: { heartbeatPeriodSeconds: 7 },
      caConfig: { nodeCertExpirySeconds: 48 * 3600 },
    });
  });

  test('swarmUpdate with a stale version: VERSION_CONFLICT, nothing changed', async () => {
    const before = await inspectSwarm(manager);
    const res = expectData(
      await gw.gql('mutation($input: SwarmUpdateInput!) { swarmUpdate(input: $input) { swarm { id } userErrors { field code message } } }', {
        input: { version: before.Version.Index - 1, taskHistoryLimit: 9 },
      }),
    );
    assert.equal(res.swarmUpdate.swarm, null);
    assert.equal(res.swarmUpdate.userErrors.length, 1);
    assert.equal(res.swarmUpdate.userErrors[0].code, 'VERSION_CONFLICT');
    const after = await inspectSwarm(manager);
    assert.equal(after.Version.Index, before.Version.Index);
    assert.equal(after.Spec.Orchestration.TaskHistoryRetentionLimit, before.Spec.Orchestration.TaskHistoryRetentionLimit);
  });

  test('swarmUpdate refuses bad values before the engine sees them', async () => {
    const before = await inspectSwarm(manager);
    const res = expectData(
      await gw.gql('mutation($input: SwarmUpdateInput!) { swarmUpdate(input: $input) { swarm { id } userErrors { field code } } }', {
        input: { taskHistoryLimit: -5, dispatcherHeartbeatSeconds: 0 },
      }),
    );
    assert.equal(res.swarmUpdate.swarm, null);
    const fields = res.swarmUpdate.userErrors.map((e: { field: string[] }) => e.field.join('.'));
    assert.ok(fields.includes('input.taskHistoryLimit'), JSON.stringify(res.swarmUpdate.userErrors));
    assert.ok(fields.includes('input.dispatcherHeartbeatSeconds'), JSON.stringify(res.swarmUpdate.userErrors));
    assert.equal((await inspectSwarm(manager)).Version.Index, before.Version.Index);
  });

  test('autolock: swarmUnlockKey is null without it, and the CLI key with it', async () => {
    assert.equal(expectData(await gw.gql('{ swarmUnlockKey }')).swarmUnlockKey, null);
    const on = expectData(await gw.gql('mutation { swarmUpdate(input: { autolock: true }) { swarm { spec { autolockManagers } } userErrors { code message } } }'));
    assert.deepEqual(on.swarmUpdate.userErrors, []);
    assert.equal(on.swarmUpdate.swarm.spec.autolockManagers, true);
    const key = await cli(manager, ['swarm', 'unlock-key', '-q']);
    assert.equal(expectData(await gw.gql('{ swarmUnlockKey }')).swarmUnlockKey, key);
    const off = expectData(await gw.gql('mutation { swarmUpdate(input: { autolock: false }) { swarm { spec { autolockManagers } } userErrors { code } } }'));
    assert.equal(off.swarmUpdate.swarm.spec.autolockManagers, false);
    assert.equal((await inspectSwarm(manager)).Spec.EncryptionConfig.AutoLockManagers, false);
  });

  test('quorum: one manager, then two (an even number is warned about)', async () => {
    const one = expectData(await gw.gql('{ swarm { quorum { managers reachableManagers majority faultTolerance hasQuorum warnings } } }')).swarm.quorum;
    assert.deepEqual({ ...one, warnings: one.warnings.length }, { managers: 1, reachableManagers: 1, majority: 1, faultTolerance: 0, hasQuorum: true, warnings: 1 });
    assert.match(one.warnings[0], /losing any manager loses quorum/);

    swarm = await addNode(SWARM, 'manager');
    const managers = (await cli(manager, ['node', 'ls', '--filter', 'role=manager', '--format', '{{.ID}}'])).split('\n');
    assert.equal(managers.length, 2);
    const two = await waitFor('both managers reachable', async () => {
      const q = expectData(await gw.gql('{ swarm { quorum { managers reachableManagers majority faultTolerance hasQuorum warnings } } }')).swarm.quorum;
      return q.reachableManagers === 2 ? q : null;
    });
    assert.equal(two.managers, 2);
    assert.equal(two.majority, 2);
    assert.equal(two.faultTolerance, 0);
    assert.equal(two.hasQuorum, true);
    assert.ok(two.warnings.some((w: string) => /even number/.test(w)), JSON.stringify(two.warnings));
    assert.ok(two.warnings.some((w: string) => /quorum at risk/.test(w)), JSON.stringify(two.warnings));
  });

  describe('swarmInit and swarmLeave on a plain engine', () => {
    const INIT = `mutation($input: SwarmInitInput!) { swarmInit(input: $input) { nodeId swarm { id defaultAddrPool subnetSize dataPathPort spec { taskHistoryRetentionLimit } quorum { managers } } userErrors { field code message } } }`;

    test('bad input is refused, field by field, and the engine stays out of a swarm', async () => {
      const fieldsOf = async (input: Record<string, unknown>) => {
        const res = expectData(await gw.gql(INIT, { input: { engine: engine.nodes[0]!.hostname, ...input } }));
        assert.equal(res.swarmInit.swarm, null);
        return [...new Set(res.swarmInit.userErrors.map((e: { field: string[] }) => e.field.slice(0, 2).join('.')))].sort();
      };
      assert.deepEqual(await fieldsOf({ advertiseAddr: 'not an address', dataPathPort: 80, defaultAddrPool: ['10.300.0.0/16'] }), [
        'input.advertiseAddr',
        'input.dataPathPort',
        'input.defaultAddrPool',
      ]);
      assert.deepEqual(await fieldsOf({ subnetSize: 31, dataPathPort: 49152 }), ['input.dataPathPort', 'input.subnetSize']);
      assert.deepEqual(await fieldsOf({ engine: 'nope' }), ['input.engine']);
      const info = await cliJson(engine.nodes[0]!, ['info', '--format', '{{json .Swarm}}']);
      assert.equal(info.LocalNodeState, 'inactive');
    });

    test('swarmInit with advertise address, data path port, address pool and subnet size', async () => {
      const node = engine.nodes[0]!;
      const res = expectData(
        await gw.gql(INIT, {
          input: { engine: node.hostname, advertiseAddr: node.addr, dataPathPort: 5789, defaultAddrPool: ['10.123.0.0/16'], subnetSize: 26, taskHistoryLimit: 2 },
        }),
      );
      assert.deepEqual(res.swarmInit.userErrors, []);
      const info = await cliJson(node, ['info', '--format', '{{json .Swarm}}']);
      assert.equal(info.LocalNodeState, 'active');
      assert.equal(info.NodeID, res.swarmInit.nodeId);
      assert.equal(info.NodeAddr, node.addr);
      assert.deepEqual(info.Cluster.DefaultAddrPool, ['10.123.0.0/16']);
      assert.equal(info.Cluster.SubnetSize, 26);
      assert.equal(info.Cluster.DataPathPort, 5789);
      const inspected = await inspectSwarm(node);
      assert.equal(inspected.Spec.Orchestration.TaskHistoryRetentionLimit, 2);
      assert.equal(res.swarmInit.swarm.id, inspected.ID);
      assert.deepEqual(res.swarmInit.swarm.defaultAddrPool, ['10.123.0.0/16']);
      assert.equal(res.swarmInit.swarm.subnetSize, 26);
      assert.equal(res.swarmInit.swarm.dataPathPort, 5789);
      assert.equal(res.swarmInit.swarm.quorum.managers, 1);
      // An overlay gets its subnet from the pool, at the requested size.
      await cli(node, ['network', 'create', '-d', 'overlay', 'pool-check']);
      const net = (await cliJson<any[]>(node, ['network', 'inspect', 'pool-check']))[0];
      assert.match(net.IPAM.Config[0].Subnet, /^10\.123\.\d+\.\d+\/26$/);
    });

    test('swarmInit again: ALREADY_IN_SWARM', async () => {
      const res = expectData(await gw.gql(INIT, { input: { engine: engine.nodes[0]!.hostname, advertiseAddr: engine.nodes[0]!.addr } }));
      assert.equal(res.swarmInit.swarm, null);
      assert.equal(res.swarmInit.userErrors[0].code, 'ALREADY_IN_SWARM');
    });

    test('swarmLeave: a manager needs force; with force it leaves', async () => {
      const node = engine.nodes[0]!;
      const LEAVE = 'mutation($input: SwarmLeaveInput!) { swarmLeave(input: $input) { left userErrors { field code message } } }';
      const refused = expectData(await gw.gql(LEAVE, { input: { engine: node.hostname } }));
      assert.equal(refused.swarmLeave.left, false);
      assert.equal(refused.swarmLeave.userErrors[0].code, 'INVALID_STATE');
      const res = expectData(await gw.gql(LEAVE, { input: { engine: node.hostname, force: true } }));
      assert.deepEqual(res.swarmLeave, { left: true, userErrors: [] });
      const info = await cliJson(node, ['info', '--format', '{{json .Swarm}}']);
      assert.equal(info.LocalNodeState, 'inactive');
      const again = expectData(await gw.gql(LEAVE, { input: { engine: node.hostname, force: true } }));
      assert.equal(again.swarmLeave.userErrors[0].code, 'NOT_IN_SWARM');
    });
  });
});
