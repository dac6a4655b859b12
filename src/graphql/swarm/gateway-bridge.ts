// `networkCreateGatewayBridge`: the overlay guide's "Customize the docker_gwbridge". The
// bridge must exist before the engine joins a swarm (joining creates Docker's default one
// when the first container needs it), so an engine already in a swarm is refused, and so
// is one that already has a docker_gwbridge.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { createNetwork, inspectNetwork } from '../../docker/api/networks.ts';
import type { EngineApi } from '../../docker/endpoint.ts';
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import { checkGatewayBridgeCreateOptions, GATEWAY_BRIDGE_NETWORK, toGatewayBridgeCreateBody } from '../../docker/mapping/gateway-bridge-create.ts';
import { gatewayBridgeCreateOptions } from './swarm-options.ts';
import { toNetworkModel } from '../../docker/model/network.ts';
import type { NetworkModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { isNotFound, UserInputError } from '../../errors/gateway-error.ts';
import { runMutation } from '../run-mutation.ts';
import { refuseIfInSwarm } from './engine-state.ts';
import { swarmTarget } from './swarm-target.ts';

type Payload = { network: NetworkModel | null; userErrors: UserErrorInit[] };

export const networkCreateGatewayBridge: NonNullable<MutationResolvers['networkCreateGatewayBridge']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'networkCreateGatewayBridge', engine: input.engine, target: input.engine, input }, { network: null }, async () => {
    const body = toGatewayBridgeCreateBody(checkGatewayBridgeCreateOptions(gatewayBridgeCreateOptions(input)));
    const target = swarmTarget(ctx.registry, { engine: input.engine });
    const who = `engine "${input.engine}"`;
    await refuseIfInSwarm(target.api, who, ['input', 'engine'], 'docker_gwbridge can only be customized before the engine joins a swarm (leave the swarm, remove docker_gwbridge, create it, then join again)');
    const existing = await findNetwork(target.api, GATEWAY_BRIDGE_NETWORK);
    if (existing) {
      const subnet = existing.IPAM?.Config?.[0]?.Subnet;
      throw new UserInputError([
        {
          field: ['input', 'engine'],
          code: 'NAME_CONFLICT',
          message: `${who} already has ${GATEWAY_BRIDGE_NETWORK}${subnet ? ` (subnet ${subnet})` : ''}; remove it there (\`docker network rm ${GATEWAY_BRIDGE_NETWORK}\`, with no container attached) before creating a new one`,
        },
      ]);
    }
    const created = await createNetwork(target.api, body);
    const network = await inspectNetwork(target.api, created.Id);
    // A local bridge belongs to no cluster; nested fields resolve against the engine's
    // configured cluster, or the default one, where no service can use it.
    const cluster = ctx.registry.engine(input.engine).cluster ?? ctx.registry.defaultCluster;
    return { payload: { network: toNetworkModel(network, cluster, true) }, objectIds: [created.Id] };
  });

async function findNetwork(api: EngineApi, name: string): Promise<EngineNetwork | null> {
  try {
    const network = await inspectNetwork(api, name);
    return network.Name === name ? network : null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
