// Generates the resolver types from schema.graphql, so TypeScript follows the contract
// instead of a hand-kept copy of it.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { ENGINE_ENUM_VALUES } from './src/graphql/enum-values.ts';

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
        // Closed sets the Engine spells in its own words: their internal values are the
        // Engine's words (see src/graphql/enum-values.ts). Each such enum is also mapped to its
        // own generated type, which sidesteps codegen's failure on inline enumValues together
        // with a placeholder defaultMapper.
        enumValues: ENGINE_ENUM_VALUES,
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
          Secret: '../docker/model/stored-object.ts#SecretModel',
          Config: '../docker/model/stored-object.ts#ConfigModel',
          // Deliveries come from their own resolver (Webhook.deliveries), not from the stored webhook.
          Webhook: '../graphql/webhooks/webhook-model.ts#WebhookModel',
          // A stack is a label value, not an engine object: its fields read the objects carrying it.
          Stack: '../graphql/stacks/stack-model.ts#StackModel',
          ...Object.fromEntries(Object.keys(ENGINE_ENUM_VALUES).map((name) => [name, name])),
        },
      },
    },
  },
};
export default config;
