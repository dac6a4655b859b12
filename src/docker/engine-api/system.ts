// `GET /info` (`types.Info`): the parts the gateway reads.

export interface Info {
  ID?: string;
  Name?: string;
  ServerVersion?: string;
  Swarm?: {
    NodeID?: string;
    NodeAddr?: string;
    LocalNodeState?: string;
    /** True on a node whose swarm manager component works (from its own state, no Raft leader needed). */
    ControlAvailable?: boolean;
    RemoteManagers?: { NodeID: string; Addr: string }[] | null;
    Cluster?: { ID?: string } | null;
  };
}
