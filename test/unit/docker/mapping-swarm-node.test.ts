// Expected bodies are what the Docker 20.10 CLI sent (recorded through a logging proxy in
// front of a real 20.10 engine); `current` specs are what that engine returned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSwarmInitOptions, toSwarmInitBody as initBodyOf, validateSwarmInitOptions, type SwarmInitOptions } from '../../../src/docker/mapping/swarm-init.ts';
import { applySwarmUpdate as updatedSwarm, checkSwarmUpdateOptions, validateSwarmUpdateOptions, type SwarmUpdateOptions } from '../../../src/docker/mapping/swarm-update.ts';
import { applyNodeUpdate as updatedNode, checkNodeUpdateOptions, validateNodeUpdateOptions, type NodeUpdateOptions } from '../../../src/docker/mapping/node-update.ts';
import type { NodeSpec, SwarmSpec } from '../../../src/docker/engine-api/index.ts';
import { InvalidOptionsError } from '../../../src/errors/gateway-error.ts';

const toSwarmInitBody = (options: SwarmInitOptions) => initBodyOf(checkSwarmInitOptions(options));
const applySwarmUpdate = (current: SwarmSpec, options: SwarmUpdateOptions) => updatedSwarm(current, checkSwarmUpdateOptions(options));
const applyNodeUpdate = (current: NodeSpec, options: NodeUpdateOptions) => updatedNode(current, checkNodeUpdateOptions(options));
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
      validateSwarmInitOptions({
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
      ['INVALID_VALUE', ['advertiseAddr']],
      ['INVALID_VALUE', ['listenAddr']],
      ['INVALID_VALUE', ['dataPathAddr']],
      ['INVALID_PORT', ['dataPathPort']],
      ['SUBNET_OVERLAP', ['defaultAddrPool', '1']],
      ['INVALID_CIDR', ['defaultAddrPool', '2']],
      ['INVALID_VALUE', ['defaultAddrPool', '3']],
      ['INVALID_VALUE', ['taskHistoryLimit']],
    ],
  );
  assert.deepEqual(codes(validateSwarmInitOptions({ subnetSize: 30 })), [['INVALID_VALUE', ['subnetSize']]]);
  assert.throws(() => toSwarmInitBody({ dataPathPort: 70000 }), InvalidOptionsError);
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
  assert.deepEqual(codes(validateSwarmUpdateOptions({ taskHistoryLimit: -1, snapshotInterval: 0, dispatcherHeartbeatSeconds: 0, certExpirySeconds: 1800, labels: [{ key: '' }] })), [
    ['INVALID_VALUE', ['taskHistoryLimit']],
    ['INVALID_VALUE', ['snapshotInterval']],
    ['INVALID_VALUE', ['dispatcherHeartbeatSeconds']],
    ['INVALID_VALUE', ['certExpirySeconds']],
    ['INVALID_VALUE', ['labels', '0', 'key']],
  ]);
});

const NODE_SPEC: NodeSpec = { Labels: {}, Role: 'manager', Availability: 'active' };

test('docker node update --availability drain --label-add a=1 --label-add b', () => {
  const next = applyNodeUpdate(NODE_SPEC, { availability: 'DRAIN', labels: { add: [{ key: 'a', value: '1' }, { key: 'b' }] } });
  assert.deepEqual(next, { Labels: { a: '1', b: '' }, Role: 'manager', Availability: 'drain' });
  assert.deepEqual(NODE_SPEC, { Labels: {}, Role: 'manager', Availability: 'active' });
  // then: --label-rm a --label-add a=2 --role manager --availability active (add, then remove)
  assert.deepEqual(applyNodeUpdate(next, { role: 'MANAGER', availability: 'ACTIVE', labels: { add: [{ key: 'a', value: '2' }], remove: ['a'] } }), {
    Labels: { b: '' },
    Role: 'manager',
    Availability: 'active',
  });
  assert.deepEqual(applyNodeUpdate(NODE_SPEC, { role: 'WORKER', availability: 'PAUSE' }), { Labels: {}, Role: 'worker', Availability: 'pause' });
});

test('docker node update --label-rm zz: "key zz doesn\'t exist in node\'s labels"', () => {
  try {
    applyNodeUpdate(NODE_SPEC, { labels: { remove: ['zz', 'constructor'] } });
    assert.fail('expected an InvalidOptionsError');
  } catch (err) {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(codes(err.problems), [
      ['INVALID_VALUE', ['labels', 'remove', '0']],
      ['INVALID_VALUE', ['labels', 'remove', '1']],
    ]);
  }
  assert.deepEqual(codes(validateNodeUpdateOptions({ labels: { add: [{ key: 'a b' }], remove: [''] } })), [
    ['INVALID_VALUE', ['labels', 'add', '0', 'key']],
    ['INVALID_VALUE', ['labels', 'remove', '0']],
  ]);
});
