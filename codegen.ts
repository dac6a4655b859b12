// Generates the resolver types from schema.graphql, so TypeScript follows the contract
// instead of a hand-kept copy of it.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../graphql/context.ts#GatewayContext',
        useIndexSignature: false,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        defaultMapper: 'Partial<{T}>',
        scalars: { DateTime: 'string' },
        mappers: {
          Swarm: '../docker/model/types.ts#SwarmModel',
          Node: '../docker/model/types.ts#NodeModel',
          Network: '../docker/model/types.ts#NetworkModel',
          NetworkService: '../docker/model/types.ts#NetworkServiceModel',
          Service: '../docker/model/types.ts#ServiceModel',
          ServiceNetworkAttachment: '../docker/model/types.ts#ServiceNetworkAttachmentModel',
          Task: '../docker/model/types.ts#TaskModel',
          TaskNetworkAttachment: '../docker/model/types.ts#TaskNetworkAttachmentModel',
          Container: '../docker/model/types.ts#ContainerModel',
        },
      },
    },
  },
};
export default config;
