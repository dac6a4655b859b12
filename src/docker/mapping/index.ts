// GraphQL input -> Engine API request bodies, one function per operation. See README.md.
export type * from './engine-types.ts';
export { validateNetworkCreateInput, toNetworkCreateBody, toIpamConfigBody, MTU_OPTION, ENCRYPTED_OPTION } from './network-create.ts';
export { validateGatewayBridgeCreateInput, toGatewayBridgeCreateBody, GATEWAY_BRIDGE_NETWORK } from './gateway-bridge-create.ts';
export { validateServiceCreateInput, servicePortsFromInput, toServiceSpec, toUpdateConfig, toNetworkAttachments, mergeEnvLikeCli } from './service-spec.ts';
export { validateServiceUpdateInput, publishChangesFromInput, applyServiceUpdate, applyServiceScale } from './service-update.ts';
export { validateSwarmInitInput, toSwarmInitBody, DEFAULT_LISTEN_ADDR, DEFAULT_SUBNET_SIZE } from './swarm-init.ts';
export { validateSwarmUpdateInput, applySwarmUpdate } from './swarm-update.ts';
export { validateNodeUpdateInput, applyNodeUpdate } from './node-update.ts';
