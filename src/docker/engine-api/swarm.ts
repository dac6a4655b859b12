// The swarm itself: `GET /swarm` (`swarm.Swarm`), `POST /swarm/init|join|update`.
// Durations are nanoseconds.
import type { Driver, Meta, StringMap } from './common.ts';

export interface ExternalCA {
  Protocol: string;
  URL: string;
  Options?: StringMap;
  CACert: string;
}

/** `swarm.Spec`: what `GET /swarm` returns and `POST /swarm/update` replaces whole. */
export interface SwarmSpec {
  Name?: string;
  Labels: StringMap | null;
  Orchestration: { TaskHistoryRetentionLimit?: number | null };
  Raft: {
    SnapshotInterval?: number;
    KeepOldSnapshots?: number | null;
    LogEntriesForSlowFollowers?: number;
    ElectionTick: number;
    HeartbeatTick: number;
  };
  Dispatcher: { HeartbeatPeriod?: number };
  CAConfig: {
    NodeCertExpiry?: number;
    ExternalCAs?: ExternalCA[];
    SigningCACert?: string;
    SigningCAKey?: string;
    ForceRotate?: number;
  };
  TaskDefaults: { LogDriver?: Driver };
  EncryptionConfig: { AutoLockManagers: boolean };
}

/** `swarm.Swarm` (`GET /swarm`: ClusterInfo and the join tokens). */
export interface Swarm extends Meta {
  ID: string;
  Spec: SwarmSpec;
  DefaultAddrPool?: string[] | null;
  SubnetSize?: number;
  DataPathPort?: number;
  RootRotationInProgress?: boolean;
  JoinTokens?: { Worker: string; Manager: string };
}

/** `POST /swarm/init` (`swarm.InitRequest`); answered with the new node's ID. */
export interface SwarmInitRequest {
  ListenAddr: string;
  AdvertiseAddr: string;
  DataPathAddr: string;
  DataPathPort: number;
  ForceNewCluster: boolean;
  Spec: SwarmSpec;
  AutoLockManagers: boolean;
  Availability: string;
  DefaultAddrPool: string[] | null;
  SubnetSize: number;
}

/** `POST /swarm/join` (`swarm.JoinRequest`). `JoinToken` is a secret. */
export interface SwarmJoinRequest {
  ListenAddr: string;
  AdvertiseAddr: string;
  DataPathAddr: string;
  RemoteAddrs: string[];
  JoinToken: string;
}

/** `GET /swarm/unlockkey`. */
export interface UnlockKeyResponse {
  UnlockKey?: string;
}
