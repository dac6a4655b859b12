// Swarm nodes: `GET /nodes`, `GET /nodes/{id}` (`swarm.Node`), `POST /nodes/{id}/update`.
import type { Labels, Meta, StringMap } from './common.ts';

export type NodeRole = 'worker' | 'manager';
export type NodeAvailability = 'active' | 'pause' | 'drain';

/** `swarm.NodeSpec`: read back whole and sent whole to `POST /nodes/{id}/update`. */
export interface NodeSpec {
  Name?: string;
  Labels: StringMap | null;
  Role: NodeRole;
  Availability: NodeAvailability;
}

export interface Node extends Meta {
  ID: string;
  Spec: NodeSpec;
  Description: {
    Hostname: string;
    Platform?: { Architecture?: string; OS?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string; Labels?: Labels };
  };
  Status: { State: string; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}
