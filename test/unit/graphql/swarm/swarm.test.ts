// The swarm's own operations against the fake engine: swarmUpdate (the whole spec sent back
// with only the given settings changed, at the version it was read at; a caller's stale
// version is VERSION_CONFLICT with nothing sent; the engine's "update out of sequence" too),
// swarmRotateJoinToken (the spec unchanged with the rotate flag, no token in the answer),
// and the reads: swarm with its quorum, join tokens and unlock key (admin only, audited
// before they are returned, refused when the audit log cannot record them).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { EngineError, outOfSequence } from '../../../support/fake-engine/server.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const pairs = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

describe('swarm', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
    const state = fake.engine.state;
    state.addNode({ hostname: 'manager-2', role: 'manager' });
    state.addNode({ hostname: 'worker-1', role: 'worker' });
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.engine.clearRequests();
    fake.audit.clear();
  });
  const swarm = () => fake.engine.state.swarm!;
  const SWARM = 'swarm { id version spec { taskHistoryRetentionLimit raft { snapshotInterval } dispatcher { heartbeatPeriodSeconds } caConfig { nodeCertExpirySeconds } autolockManagers labels { key value } } }';

  describe('swarmUpdate', () => {
    test('sends the whole spec back with the given settings, at the version read', async () => {
      const before = structuredClone(swarm());
      const { payload, userErrors } = await fake.mutate(
        'swarmUpdate',
        { taskHistoryLimit: 7, snapshotInterval: 5000, dispatcherHeartbeatSeconds: 10, certExpirySeconds: 86400, labels: [{ key: 'env', value: 'test' }] },
        SWARM,
      );
      assert.deepEqual(userErrors, []);
      const [update] = fake.engine.writes();
      assert.equal(update!.path, '/swarm/update');
      assert.equal(update!.query.version, String(before.Version.Index));
      assert.deepEqual(update!.body, {
        ...before.Spec,
        Labels: { env: 'test' },
        Orchestration: { ...before.Spec.Orchestration, TaskHistoryRetentionLimit: 7 },
        Raft: { ...before.Spec.Raft, SnapshotInterval: 5000 },
        Dispatcher: { ...before.Spec.Dispatcher, HeartbeatPeriod: 10_000_000_000 },
        CAConfig: { ...before.Spec.CAConfig, NodeCertExpiry: 86_400_000_000_000 },
      });
      assert.deepEqual(payload!.swarm.spec, {
        taskHistoryRetentionLimit: 7,
        raft: { snapshotInterval: 5000 },
        dispatcher: { heartbeatPeriodSeconds: 10 },
        caConfig: { nodeCertExpirySeconds: 86400 },
        autolockManagers: false,
        labels: [{ key: 'env', value: 'test' }],
      });
      assert.equal(payload!.swarm.version, swarm().Version.Index);
      assert.deepEqual(fake.audit.outcomeOf('swarmUpdate')?.objectIds, [swarm().ID]);
    });

    test('bad values: a userError each, nothing read or sent', async () => {
      const { userErrors } = await fake.mutate('swarmUpdate', { taskHistoryLimit: -1, snapshotInterval: 0, dispatcherHeartbeatSeconds: 0, certExpirySeconds: 60 }, SWARM);
      assert.deepEqual(pairs(userErrors), [
        ['INVALID_VALUE', ['input', 'taskHistoryLimit']],
        ['INVALID_VALUE', ['input', 'snapshotInterval']],
        ['INVALID_VALUE', ['input', 'dispatcherHeartbeatSeconds']],
        ['INVALID_VALUE', ['input', 'certExpirySeconds']],
      ]);
      assert.deepEqual(fake.engine.requests, []);
    });

    test('a stale version from the caller: VERSION_CONFLICT, nothing sent', async () => {
      const { userErrors } = await fake.mutate('swarmUpdate', { version: swarm().Version.Index - 1, taskHistoryLimit: 2 }, SWARM);
      assert.deepEqual(pairs(userErrors), [['VERSION_CONFLICT', ['input', 'version']]]);
      assert.match(userErrors[0]!.message, new RegExp(`version ${swarm().Version.Index}`));
      assert.deepEqual(fake.engine.writes(), []);
    });

    test('the engine\'s "update out of sequence" (a change in between): VERSION_CONFLICT', async () => {
      const restore = fake.engine.override('POST', '/swarm/update', () => {
        throw outOfSequence();
      });
      try {
        const { userErrors } = await fake.mutate('swarmUpdate', { taskHistoryLimit: 3 }, SWARM);
        assert.deepEqual(userErrors.map((e) => e.code), ['VERSION_CONFLICT']);
        assert.equal(fake.engine.writes().length, 1);
      } finally {
        restore();
      }
    });

    test('an operator is refused: FORBIDDEN, nothing sent', async () => {
      const token = await fake.tokenFor('operator');
      const { errorCodes } = await fake.mutate('swarmUpdate', { taskHistoryLimit: 3 }, SWARM, { token });
      assert.deepEqual(errorCodes, ['FORBIDDEN']);
      assert.deepEqual(fake.engine.writes(), []);
      assert.equal(fake.audit.refusals.at(-1)?.operation, 'swarmUpdate');
    });
  });

  describe('swarmRotateJoinToken', () => {
    test('sends the spec unchanged with the worker flag; only the worker token changes; no token answered', async () => {
      const before = structuredClone(swarm());
      const res = await fake.mutate('swarmRotateJoinToken', { role: 'WORKER' }, 'swarm { id }');
      assert.deepEqual(res.userErrors, []);
      const [update] = fake.engine.writes();
      assert.deepEqual([update!.path, update!.query.version, update!.query.rotateWorkerToken, update!.query.rotateManagerToken], ['/swarm/update', String(before.Version.Index), 'true', undefined]);
      assert.deepEqual(update!.body, before.Spec);
      assert.notEqual(swarm().JoinTokens.Worker, before.JoinTokens.Worker);
      assert.equal(swarm().JoinTokens.Manager, before.JoinTokens.Manager);
      assert.ok(!JSON.stringify(res.response).includes('SWMTKN'));
    });

    test('an engine that accepts but keeps the token: INTERNAL, not a silent success', async () => {
      const restore = fake.engine.override('POST', '/swarm/update', () => undefined);
      try {
        const res = await fake.mutate('swarmRotateJoinToken', { role: 'MANAGER' }, 'swarm { id }');
        assert.deepEqual(res.errorCodes, ['INTERNAL']);
      } finally {
        restore();
      }
    });
  });

  describe('reads', () => {
    test('swarm with its quorum: three managers would be better than two', async () => {
      const res = await fake.gql('{ swarm { id cluster defaultAddrPool subnetSize dataPathPort quorum { managers reachableManagers majority faultTolerance hasQuorum warnings } } }');
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const s = res.data.swarm;
      assert.equal(s.id, swarm().ID);
      assert.equal(s.cluster, 'fake');
      assert.deepEqual([s.defaultAddrPool, s.subnetSize, s.dataPathPort], [['10.0.0.0/8'], 24, 4789]);
      assert.deepEqual({ ...s.quorum, warnings: undefined }, { managers: 2, reachableManagers: 2, majority: 2, faultTolerance: 0, hasQuorum: true, warnings: undefined });
      assert.ok(s.quorum.warnings.some((w: string) => /even number/.test(w)), JSON.stringify(s.quorum.warnings));
    });

    test('a manager unreachable: quorum at risk', async () => {
      const second = [...fake.engine.state.nodes.values()].find((n: Json) => n.Description.Hostname === 'manager-2')!;
      second.ManagerStatus.Reachability = 'unreachable';
      try {
        const res = await fake.gql('{ swarm { quorum { managers reachableManagers hasQuorum warnings } } }');
        assert.deepEqual([res.data.swarm.quorum.reachableManagers, res.data.swarm.quorum.hasQuorum], [1, false]);
      } finally {
        second.ManagerStatus.Reachability = 'reachable';
      }
    });

    test('without a leader: the quorum from the manager\'s own view (/info), with the engine\'s words', async () => {
      const noLeader = 'rpc error: code = Unknown desc = The swarm does not have a leader. It\'s possible that too few managers are online. Make sure more than half of the managers are online.';
      const nodes = [...fake.engine.state.nodes.values()].filter((n: Json) => n.Spec.Role === 'manager');
      const restoreSwarm = fake.engine.override('GET', '/swarm', () => {
        throw new EngineError(500, noLeader);
      });
      const restoreInfo = fake.engine.override('GET', '/info', () => ({
        Swarm: { NodeID: nodes[0]!.ID, LocalNodeState: 'active', ControlAvailable: true, Error: noLeader, RemoteManagers: nodes.map((n: Json) => ({ NodeID: n.ID, Addr: n.ManagerStatus.Addr })) },
      }));
      try {
        const res = await fake.gql('{ swarm { quorum { managers reachableManagers hasQuorum warnings } } }');
        assert.equal(res.errors, undefined, JSON.stringify(res.errors));
        const q = res.data.swarm.quorum;
        assert.deepEqual([q.managers, q.reachableManagers, q.hasQuorum], [2, 1, false]);
        assert.ok(q.warnings.some((w: string) => /does not have a leader/.test(w)), JSON.stringify(q.warnings));
      } finally {
        restoreSwarm();
        restoreInfo();
      }
    });

    test('an unknown cluster: NOT_FOUND', async () => {
      const res = await fake.gql('{ swarm(cluster: "nope") { id } }');
      assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    });

    test('join tokens and the unlock key: as the engine has them, each read audited', async () => {
      const res = await fake.gql('{ swarmJoinTokens { worker manager } swarmUnlockKey }');
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(res.data.swarmJoinTokens, { worker: swarm().JoinTokens.Worker, manager: swarm().JoinTokens.Manager });
      assert.equal(res.data.swarmUnlockKey, null);
      assert.deepEqual(fake.audit.sensitiveReads.map((r) => r.operation).sort(), ['swarmJoinTokens', 'swarmUnlockKey']);
      assert.ok(!JSON.stringify(fake.audit.sensitiveReads).includes('SWMTKN'));
    });

    test('a read the audit log cannot record: AUDIT_UNAVAILABLE and no token', async () => {
      const original = fake.audit.sensitiveRead;
      fake.audit.sensitiveRead = async () => {
        throw new Error('database down');
      };
      try {
        const res = await fake.gql('{ swarmJoinTokens { worker manager } }');
        assert.equal(res.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE');
        assert.ok(!JSON.stringify(res).includes('SWMTKN'));
      } finally {
        fake.audit.sensitiveRead = original;
      }
    });

    test('an operator may read the swarm but not its tokens', async () => {
      const token = await fake.tokenFor('operator');
      const ok = await fake.gql('{ swarm { id } }', {}, { token });
      assert.equal(ok.data.swarm.id, swarm().ID);
      const refused = await fake.gql('{ swarmJoinTokens { worker } }', {}, { token });
      assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.deepEqual(fake.audit.sensitiveReads, []);
    });
  });
});
