// Compile-time check that the engine layer's models (src/docker/model/types.ts) still give
// every field of their schema object types, with a type the schema accepts. The models do not
// import the generated types (the engine layer knows nothing of GraphQL), and codegen's
// mappers make resolvers return the models as they are; without this check a field added to
// or retyped in the schema would reach clients as null or as the wrong enum value unnoticed.
// Relations the resolvers load (a task's node, a service's tasks...) are left out.
import type * as G from '../generated/graphql.ts';
import type * as M from '../docker/model/types.ts';
import type { ConfigModel, SecretModel } from '../docker/model/stored-object.ts';

/** `true` when the model can stand for the schema type (minus `Relations`); otherwise `never`, which fails below. */
type Gives<Model, Schema, Relations extends keyof Schema = never> = Model extends Omit<Schema, '__typename' | Relations> ? true : never;

/** One entry per mapped model; an entry that is `never` does not accept `true` and the build fails. */
export type ModelContract = {
  swarm: Gives<M.SwarmModel, G.Swarm, 'quorum'>;
  node: Gives<M.NodeModel, G.Node, 'tasks'>;
  network: Gives<M.NetworkModel, G.Network, 'services' | 'peers'>;
  networkService: Gives<M.NetworkServiceModel, G.NetworkService, 'service'>;
  service: Gives<M.ServiceModel, G.Service, 'tasks' | 'discovery' | 'logs' | 'networks' | 'runningTasks' | 'desiredTasks' | 'rollouts' | 'secrets' | 'configs'>;
  serviceNetworkAttachment: Gives<M.ServiceNetworkAttachmentModel, G.ServiceNetworkAttachment, 'network'>;
  task: Gives<M.TaskModel, G.Task, 'service' | 'node' | 'networkAttachments'>;
  taskNetworkAttachment: Gives<M.TaskNetworkAttachmentModel, G.TaskNetworkAttachment, 'network'>;
  container: Gives<M.ContainerModel, G.Container>;
  quorum: Gives<M.Quorum, G.Quorum>;
  secret: Gives<SecretModel, G.Secret, 'usedBy'>;
  config: Gives<ConfigModel, G.Config, 'usedBy'>;
};

export const MODEL_CONTRACT: ModelContract = {
  swarm: true,
  node: true,
  network: true,
  networkService: true,
  service: true,
  serviceNetworkAttachment: true,
  task: true,
  taskNetworkAttachment: true,
  container: true,
  quorum: true,
  secret: true,
  config: true,
};
