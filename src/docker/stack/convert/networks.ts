// The stack's networks (docker/cli convert.Networks and stack createNetworks): only those a
// service is on; an external one by name only (the deploy checks it exists at swarm scope);
// the others as `docker stack deploy` creates them, overlay unless the file names a driver.
import type { NetworkCreateRequest } from '../../engine-api/index.ts';
import type { ComposeFile, ComposeNetwork } from '../compose-file.ts';
import type { StackNetwork } from '../stack-resources.ts';
import { withStackLabel } from './namespace.ts';
import { declaredNetworkKeys, networkEngineName } from './network-names.ts';

/** createNetworks' default driver. */
const DEFAULT_DRIVER = 'overlay';

/** The networks the file's services are on, in key order. */
export function convertNetworks(namespace: string, file: ComposeFile): StackNetwork[] {
  return declaredNetworkKeys(file).map((key) => {
    const network = Object.hasOwn(file.networks, key) ? file.networks[key] : undefined;
    const name = networkEngineName(namespace, key, network);
    if (network?.external) return { key, name, external: true, create: null };
    return { key, name, external: false, create: networkCreateBody(namespace, name, network) };
  });
}

/**
 * The create body. The CLI sends no IPAM when the file has none and `IPAM.Driver` "" when it
 * names only subnets; the engine reads both as the "default" IPAM driver, which this body
 * names (the request type always carries IPAM). CheckDuplicate: the client sets it below API 1.44.
 */
function networkCreateBody(namespace: string, name: string, network: ComposeNetwork | undefined): NetworkCreateRequest {
  return {
    Name: name,
    CheckDuplicate: true,
    Driver: network?.driver || DEFAULT_DRIVER,
    Scope: '',
    EnableIPv6: false,
    IPAM: {
      Driver: network?.ipam?.driver || 'default',
      Options: {},
      Config: (network?.ipam?.config ?? []).map(({ subnet }) => ({ Subnet: subnet })),
    },
    Internal: network?.internal ?? false,
    Attachable: network?.attachable ?? false,
    Ingress: false,
    ConfigOnly: false,
    ConfigFrom: null,
    Options: { ...(network?.driver_opts ?? {}) },
    Labels: withStackLabel(namespace, network?.labels),
  };
}
