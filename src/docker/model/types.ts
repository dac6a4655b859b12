// The GraphQL-shaped models the engine layer produces from Engine JSON. Scalar fields are
// computed here; relations (a task's node, a service's tasks...) are left as IDs for the
// resolvers to load in batches. `cluster` travels with every object so nested fields
// query the same cluster.
import type * as G from '../../generated/graphql.ts';

type Scalars<T, Relations extends keyof T> = Omit<T, '__typename' | Relations>;

export type SwarmModel = Scalars<G.Swarm, 'quorum'> & { cluster: string };

export type NodeModel = Scalars<G.Node, 'tasks'> & { cluster: string };

export type NetworkServiceModel = Scalars<G.NetworkService, 'service'> & { cluster: string; serviceId: string };

export type NetworkModel = Scalars<G.Network, 'services' | 'peers' | 'containers'> & {
  cluster: string;
  /** Containers from the engine that answered the inspect (overlays: that node's only). */
  containers: G.NetworkContainer[];
  /** Peers when the object came from a verbose inspect; null means "not read yet". */
  peers: G.NetworkPeer[] | null;
};

export type ServiceNetworkAttachmentModel = Scalars<G.ServiceNetworkAttachment, 'network'> & { cluster: string };

export type ServiceModel = Scalars<G.Service, 'tasks' | 'discovery' | 'logs' | 'networks' | 'runningTasks' | 'desiredTasks'> & {
  cluster: string;
  networks: ServiceNetworkAttachmentModel[];
  /** From `ServiceStatus` when listed with `status=true`; null when the engine did not give it. */
  runningTasks: number | null;
  desiredTasks: number | null;
};

export type TaskNetworkAttachmentModel = Scalars<G.TaskNetworkAttachment, 'network'> & { cluster: string };

export type TaskModel = Scalars<G.Task, 'service' | 'node' | 'networkAttachments'> & {
  cluster: string;
  networkAttachments: TaskNetworkAttachmentModel[];
};

export type ContainerModel = G.Container & { cluster: string };
