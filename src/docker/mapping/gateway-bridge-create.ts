// networkCreateGatewayBridge -> `POST /networks/create` on an engine that has not joined a
// swarm yet, as the overlay guide's command builds it:
//   docker network create --subnet S [--gateway G] \
//     --opt com.docker.network.bridge.name=docker_gwbridge \
//     --opt com.docker.network.bridge.enable_icc=false \
//     --opt com.docker.network.bridge.enable_ip_masquerade=true [--opt ...mtu=N] docker_gwbridge
// The network must be named docker_gwbridge for the engine to use it; the Linux bridge
// name is the option.
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { validateIpamConfig } from '../../validate/index.ts';
import { checked, type Checked } from './common.ts';
import type { NetworkCreateRequest as NetworkCreateBody } from '../engine-api/index.ts';
import { MTU_OPTION, toIpamConfigBody, validateMtu } from './network-create.ts';

export const GATEWAY_BRIDGE_NETWORK = 'docker_gwbridge';
const BRIDGE_NAME_OPTION = 'com.docker.network.bridge.name';
const ICC_OPTION = 'com.docker.network.bridge.enable_icc';
const MASQUERADE_OPTION = 'com.docker.network.bridge.enable_ip_masquerade';
/** Linux interface names: 1-15 characters, no "/", ":" or blanks, not "." or "..". */
const INTERFACE_NAME = /^[^\s/:]{1,15}$/;

/** The overlay guide's flags for docker_gwbridge; unset ones take the guide's values. */
export interface GatewayBridgeCreateOptions {
  subnet: string;
  gateway?: string | null | undefined;
  bridgeName?: string | null | undefined;
  enableIcc?: boolean | null | undefined;
  enableIpMasquerade?: boolean | null | undefined;
  mtu?: number | null | undefined;
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateGatewayBridgeCreateOptions(input: GatewayBridgeCreateOptions): UserErrorInit[] {
  const errors = [...validateIpamConfig({ subnet: input.subnet, gateway: input.gateway }, [])];
  const bridgeName = input.bridgeName ?? GATEWAY_BRIDGE_NETWORK;
  if (!INTERFACE_NAME.test(bridgeName) || bridgeName === '.' || bridgeName === '..') {
    errors.push(userError(['bridgeName'], 'INVALID_VALUE', `The bridge name ${JSON.stringify(bridgeName)} is not a valid Linux interface name; use 1 to 15 characters without "/", ":" or blanks.`));
  }
  if (input.mtu != null) errors.push(...validateMtu(input.mtu, ['mtu']));
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkGatewayBridgeCreateOptions(options: GatewayBridgeCreateOptions): Checked<GatewayBridgeCreateOptions> {
  return checked(options, validateGatewayBridgeCreateOptions(options));
}

/** The `POST /networks/create` body for docker_gwbridge. */
export function toGatewayBridgeCreateBody(input: Checked<GatewayBridgeCreateOptions>): NetworkCreateBody {
  return {
    Name: GATEWAY_BRIDGE_NETWORK,
    CheckDuplicate: true,
    Driver: 'bridge',
    Scope: '',
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: {}, Config: [toIpamConfigBody({ subnet: input.subnet, gateway: input.gateway })] },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigOnly: false,
    ConfigFrom: null,
    Options: {
      [BRIDGE_NAME_OPTION]: input.bridgeName ?? GATEWAY_BRIDGE_NETWORK,
      [ICC_OPTION]: String(input.enableIcc ?? false),
      [MASQUERADE_OPTION]: String(input.enableIpMasquerade ?? true),
      ...(input.mtu != null ? { [MTU_OPTION]: String(input.mtu) } : {}),
    },
    Labels: {},
  };
}
