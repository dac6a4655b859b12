// GraphQL swarm inputs -> the engine layer's options, field by field under the same names
// (so the engine layer's problem paths are the input's, under `input`); the selecting
// arguments (cluster, engine, version) stay here.
import type { NetworkCreateGatewayBridgeInput, SwarmInitInput, SwarmUpdateInput } from '../../generated/graphql.ts';
import type { GatewayBridgeCreateOptions, SwarmInitOptions, SwarmUpdateOptions } from '../../docker/mapping/index.ts';
import { keyValueOptions } from '../key-value-options.ts';

export function swarmInitOptions(input: SwarmInitInput): SwarmInitOptions {
  return {
    advertiseAddr: input.advertiseAddr,
    listenAddr: input.listenAddr,
    dataPathAddr: input.dataPathAddr,
    dataPathPort: input.dataPathPort,
    defaultAddrPool: input.defaultAddrPool,
    subnetSize: input.subnetSize,
    forceNewCluster: input.forceNewCluster,
    autolock: input.autolock,
    taskHistoryLimit: input.taskHistoryLimit,
  };
}

export function swarmUpdateOptions(input: SwarmUpdateInput): SwarmUpdateOptions {
  return {
    taskHistoryLimit: input.taskHistoryLimit,
    snapshotInterval: input.snapshotInterval,
    dispatcherHeartbeatSeconds: input.dispatcherHeartbeatSeconds,
    certExpirySeconds: input.certExpirySeconds,
    autolock: input.autolock,
    labels: keyValueOptions(input.labels),
  };
}

export function gatewayBridgeCreateOptions(input: NetworkCreateGatewayBridgeInput): GatewayBridgeCreateOptions {
  return { subnet: input.subnet, gateway: input.gateway, bridgeName: input.bridgeName, enableIcc: input.enableIcc, enableIpMasquerade: input.enableIpMasquerade, mtu: input.mtu };
}
