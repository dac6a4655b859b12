// Engine options (the gateway's own, like the Docker CLI's options structs) -> Engine API
// request bodies, one function per operation (the Engine API types: src/docker/engine-api). See README.md.
export type { Checked, LabelChangeOptions } from './common.ts';
export { validateNetworkCreateOptions, checkNetworkCreateOptions, toNetworkCreateBody, toIpamConfigBody, MTU_OPTION, ENCRYPTED_OPTION, type NetworkCreateOptions, type IpamConfigOptions } from './network-create.ts';
export { validateGatewayBridgeCreateOptions, checkGatewayBridgeCreateOptions, toGatewayBridgeCreateBody, GATEWAY_BRIDGE_NETWORK, type GatewayBridgeCreateOptions } from './gateway-bridge-create.ts';
export { validateServiceCreateOptions, checkServiceCreateOptions, servicePortsFromInput, toServiceSpec, toUpdateConfig, toNetworkAttachments, mergeEnvLikeCli, type ServiceCreateOptions, type ServiceNetworkOptions } from './service-spec.ts';
export { type MountOptions } from './service-mounts.ts';
export {
  validateServiceUpdateOptions,
  checkServiceUpdateOptions,
  checkServiceScaleOptions,
  publishChangesFromInput,
  applyServiceUpdate,
  applyServiceScale,
  type ServiceUpdateOptions,
  type ServiceScaleOptions,
} from './service-update.ts';
export { updateFileReferences, NO_ADDED_FILE_REFERENCES, type AddedFileReferences, type FileReferenceKind } from './service-file-refs.ts';
export { validateSwarmInitOptions, checkSwarmInitOptions, toSwarmInitBody, DEFAULT_LISTEN_ADDR, DEFAULT_SUBNET_SIZE, type SwarmInitOptions } from './swarm-init.ts';
export { validateSwarmUpdateOptions, checkSwarmUpdateOptions, applySwarmUpdate, type SwarmUpdateOptions } from './swarm-update.ts';
export { validateNodeUpdateOptions, checkNodeUpdateOptions, applyNodeUpdate, type NodeUpdateOptions } from './node-update.ts';
