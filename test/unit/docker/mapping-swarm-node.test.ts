// Expected bodies are what the Docker 20.10 CLI sent (recorded through a logging proxy in
// front of a real 20.10 engine); `current` specs are what that engine returned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSwarmInitBody, validateSwarmInitInput } from '../../../src/docker/mapping/swarm-init.ts';
import { applySwarmUpdate, validateSwarmUpdateInput } from '../../../src/docker/mapping/swarm-update.ts';
import { applyNodeUpdate, validateNodeUpdateInput } from '../../../src/docker/mapping/node-update.ts';
import type { NodeSpec, SwarmSpec } from '../../../src/docker/mapping/engine-types.ts';
import { UserInputError } from '../../../src/errors/gateway-error.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

test('docker swarm init --advertise-addr 198.18.13.11', () => {
  assert.deepEqual(toSwarmInitBody({ advertiseAddr: '198.18.13.11' }), {
    ListenAddr: '0.0.0.0:2377',
    AdvertiseAddr: '198.18.13.11',
    DataPathAddr: '',
    DataPathPort: 0,
    ForceNewCluster: false,
    Spec: { Labels: null, Orchestration: {}, Raft: { ElectionTick: 0, HeartbeatTick: 0 }, Dispatcher: {}, CAConfig: {}, TaskDefaults: {}, EncryptionConfig: { AutoLockManagers: false } },
    AutoLockManagers: false,
    Availability: '',
    DefaultAddrPool: null,
    SubnetSize: 24,
  });
  assert.equal(toSwarmInitBody({ advertiseAddr: '198.18.13.11', forceNewCluster: true }).ForceNewCluster, true);
});

test('docker swarm init with every flag the input has', () => {
  // --advertise-addr 198.18.13.11 --listen-addr 0.0.0.0:2377 --data-path-addr 198.18.13.11 --data-path-port 4800
  // --default-addr-pool 10.50.0.0/16 --default-addr-pool 10.60.0.0/16 --default-addr-pool-mask-length 26
  // --autolock --task-history-limit 3
  const body = toSwarmInitBody({
    advertiseAddr: '198.18.13.11',
    listenAddr: '0.0.0.0:2377',
    dataPathAddr: '198.18.13.11',
    dataPathPort: 4800,
    defaultAddrPool: ['10.50.0.0/16', '10.60.0.0/16'],
    subnetSize: 26,
    autolock: true,
    taskHistoryLimit: 3,
  });
  assert.deepEqual(body, {
    ListenAddr: '0.0.0.0:2377',
    AdvertiseAddr: '198.18.13.11',
    DataPathAddr: '198.18.13.11',
    DataPathPort: 4800,
    ForceNewCluster: false,
    Spec: {
      Labels: null,
      Orchestration: { TaskHistoryRetentionLimit: 3 },
      Raft: { ElectionTick: 0, HeartbeatTick: 0 },
      Dispatcher: {},
      CAConfig: {},
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: true },
    },
    AutoLockManagers: true,
    Availability: '',
    DefaultAddrPool: ['10.50.0.0/16', '10.60.0.0/16'],
    SubnetSize: 26,
  });
});

test('swarm init input errors', () => {
  assert.deepEqual(
    codes(
      validateSwarmInitInput({
        advertiseAddr: 'not an address',
        listenAddr: '0.0.0.0:99999',
        dataPathAddr: '10.0.0.1:4789',
        dataPathPort: 80,
        defaultAddrPool: ['10.50.0.0/16', '10.50.1.0/24', '10.70.0.0/33', '10.80.0.0/30'],
        subnetSize: 26,
        taskHistoryLimit: -1,
      }),
    ),
    [
      ['INVALID_VALUE', ['input', 'advertiseAddr']],
      ['INVALID_VALUE', ['input', 'listenAddr']],
      ['INVALID_VALUE', ['input', 'dataPathAddr']],
      ['INVALID_PORT', ['input', 'dataPathPort']],
      ['SUBNET_OVERLAP', ['input', 'defaultAddrPool', '1']],
      ['INVALID_CIDR', ['input', 'defaultAddrPool', '2']],
      ['INVALID_VALUE', ['input', 'defaultAddrPool', '3']],
      ['INVALID_VALUE', ['input', 'taskHistoryLimit']],
    ],
  );
  assert.deepEqual(codes(validateSwarmInitInput({ subnetSize: 30 })), [['INVALID_VALUE', ['input', 'subnetSize']]]);
  assert.throws(() => toSwarmInitBody({ dataPathPort: 70000 }), UserInputError);
});

const SWARM_SPEC: SwarmSpec = {
  Name: 'default',
  Labels: {},
  Orchestration: { TaskHistoryRetentionLimit: 5 },
  Raft: { SnapshotInterval: 10000, KeepOldSnapshots: 0, LogEntriesForSlowFollowers: 500, ElectionTick: 10, HeartbeatTick: 1 },
  Dispatcher: { HeartbeatPeriod: 5000000000 },
  CAConfig: { NodeCertExpiry: 7776000000000000 },
  TaskDefaults: {},
  EncryptionConfig: { AutoLockManagers: false },
};

test('docker swarm update --task-history-limit / --snapshot-interval / --dispatcher-heartbeat / --cert-expiry / --autolock', () => {
  const before = structuredClone(SWARM_SPEC);
  assert.deepEqual(applySwarmUpdate(SWARM_SPEC, { taskHistoryLimit: 7 }), { ...SWARM_SPEC, Orchestration: { TaskHistoryRetentionLimit: 7 } });
  // --snapshot-interval 20000 --dispatcher-heartbeat 7s --cert-expiry 720h
  assert.deepEqual(applySwarmUpdate(SWARM_SPEC, { snapshotInterval: 20000, dispatcherHeartbeatSeconds: 7, certExpirySeconds: 720 * 3600 }), {
    ...SWARM_SPEC,
    Raft: { ...SWARM_SPEC.Raft, SnapshotInterval: 20000 },
    Dispatcher: { HeartbeatPeriod: 7000000000 },
    CAConfig: { NodeCertExpiry: 2592000000000000 },
  });
  assert.deepEqual(applySwarmUpdate(SWARM_SPEC, { autolock: true }).EncryptionConfig, { AutoLockManagers: true });
  assert.deepEqual(applySwarmUpdate(SWARM_SPEC, { labels: [{ key: 'env', value: 'prod' }] }).Labels, { env: 'prod' });
  assert.deepEqual(applySwarmUpdate(SWARM_SPEC, {}), SWARM_SPEC);
  assert.deepEqual(SWARM_SPEC, before, 'current is not changed');
});

test('swarm update input errors', () => {
  assert.deepEqual(codes(validateSwarmUpdateInput({ taskHistoryLimit: -1, snapshotInterval: 0, dispatcherHeartbeatSeconds: 0, certExpirySeconds: 1800, labels: [{ key: '' }] })), [
    ['INVALID_VALUE', ['input', 'taskHistoryLimit']],
    ['INVALID_VALUE', ['input', 'snapshotInterval']],
    ['INVALID_VALUE', ['input', 'dispatcherHeartbeatSeconds']],
    ['INVALID_VALUE', ['input', 'certExpirySeconds']],
    ['INVALID_VALUE', ['input', 'labels', '0', 'key']],
  ]);
});

const NODE_SPEC: NodeSpec = { Labels: {}, Role: 'manager', Availability: 'active' };

test('docker node update --availability drain --label-add a=1 --label-add b', () => {
  const next = applyNodeUpdate(NODE_SPEC, { id: 'n1', availability: 'DRAIN', labels: { add: [{ key: 'a', value: '1' }, { key: 'b' }] } });
  assert.deepEqual(next, { Labels: { a: '1', b: '' }, Role: 'manager', Availability: 'drain' });
  assert.deepEqual(NODE_SPEC, { Labels: {}, Role: 'manager', Availability: 'active' });
  // then: --label-rm a --label-add a=2 --role manager --availability active (add, then remove)
  assert.deepEqual(applyNodeUpdate(next, { id: 'n1', role: 'MANAGER', availability: 'ACTIVE', labels: { add: [{ key: 'a', value: '2' }], remove: ['a'] } }), {
    Labels: { b: '' },
    Role: 'manager',
    Availability: 'active',
  });
  assert.deepEqual(applyNodeUpdate(NODE_SPEC, { id: 'n1', role: 'WORKER', availability: 'PAUSE' }), { Labels: {}, Role: 'worker', Availability: 'pause' });
});

test('docker node update --label-rm zz: "key zz doesn\'t exist in node\'s labels"', () => {
  try {
    applyNodeUpdate(NODE_SPEC, { id: 'n1', labels: { remove: ['zz', 'constructor'] } });
    assert.fail('expected a UserInputError');
  } catch (err) {
    assert.ok(err instanceof UserInputError);
    assert.deepEqual(codes(err.userErrors), [
      ['INVALID_VALUE', ['input', 'labels', 'remove', '0']],
      ['INVALID_VALUE', ['input', 'labels', 'remove', '1']],
    ]);
  }
  assert.deepEqual(codes(validateNodeUpdateInput({ id: 'n1', labels: { add: [{ key: 'a b' }], remove: [''] } })), [
    ['INVALID_VALUE', ['input', 'labels', 'add', '0', 'key']],
    ['INVALID_VALUE', ['input', 'labels', 'remove', '0']],
  ]);
});
