// Engine swarm JSON (`GET /swarm`, `docker swarm inspect`) as the GraphQL Swarm model.
// Durations come from the Engine in nanoseconds; the schema speaks seconds.
import type { Swarm as EngineSwarm } from '../engine-api/index.ts';
import { keyValues } from './key-values.ts';
import type { SwarmModel } from './types.ts';

const NS_PER_SECOND = 1e9;

/** Docker's defaults, for fields an Engine leaves out. */
export const DEFAULT_DATA_PATH_PORT = 4789;
export const DEFAULT_SUBNET_SIZE = 24;
export const DEFAULT_ADDR_POOL = ['10.0.0.0/8'];

/** The swarm as far as it is known when it was never read while it had a leader (the engine tells nothing else then). */
export const UNREAD_SWARM: EngineSwarm = {
  ID: '',
  Version: { Index: 0 },
  CreatedAt: new Date(0).toISOString(),
  UpdatedAt: new Date(0).toISOString(),
  Spec: { Labels: null, Orchestration: {}, Raft: { ElectionTick: 0, HeartbeatTick: 0 }, Dispatcher: {}, CAConfig: {}, TaskDefaults: {}, EncryptionConfig: { AutoLockManagers: false } },
};

export function toSwarmModel(cluster: string, swarm: EngineSwarm): SwarmModel {
  const spec = swarm.Spec ?? {};
  const raft = spec.Raft ?? {};
  return {
    cluster,
    id: swarm.ID,
    version: swarm.Version?.Index ?? 0,
    createdAt: swarm.CreatedAt,
    updatedAt: swarm.UpdatedAt,
    spec: {
      name: spec.Name ?? 'default',
      labels: keyValues(spec.Labels),
      raft: {
        snapshotInterval: raft.SnapshotInterval ?? 0,
        keepOldSnapshots: raft.KeepOldSnapshots ?? 0,
        logEntriesForSlowFollowers: raft.LogEntriesForSlowFollowers ?? 0,
        electionTick: raft.ElectionTick ?? 0,
        heartbeatTick: raft.HeartbeatTick ?? 0,
      },
      dispatcher: { heartbeatPeriodSeconds: (spec.Dispatcher?.HeartbeatPeriod ?? 0) / NS_PER_SECOND },
      caConfig: {
        nodeCertExpirySeconds: (spec.CAConfig?.NodeCertExpiry ?? 0) / NS_PER_SECOND,
        externalCaUrls: (spec.CAConfig?.ExternalCAs ?? []).map((ca) => ca.URL),
      },
      taskHistoryRetentionLimit: spec.Orchestration?.TaskHistoryRetentionLimit ?? 0,
      autolockManagers: spec.EncryptionConfig?.AutoLockManagers === true,
    },
    defaultAddrPool: swarm.DefaultAddrPool?.length ? [...swarm.DefaultAddrPool] : [...DEFAULT_ADDR_POOL],
    subnetSize: swarm.SubnetSize || DEFAULT_SUBNET_SIZE,
    dataPathPort: swarm.DataPathPort || DEFAULT_DATA_PATH_PORT,
    rootRotationInProgress: swarm.RootRotationInProgress === true,
  };
}
