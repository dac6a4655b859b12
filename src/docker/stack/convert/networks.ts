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
 * The create body as the CLI sends it: IPAM only when the file has `ipam` (its Driver "" when
 * the file names none, which the engine reads as "default"), Options null without driver_opts.
 * CheckDuplicate: the Engine API client sets it below API 1.44.
 */
function networkCreateBody(namespace: string, name: string, network: ComposeNetwork | undefined): NetworkCreateRequest {
  const ipam = network?.ipam;
  const options = network?.driver_opts ?? {};
  return {
    Name: name,
    CheckDuplicate: true,
    Driver: network?.driver || DEFAULT_DRIVER,
    Scope: '',
    EnableIPv6: false,
    IPAM: ipam && (ipam.driver || ipam.config.length > 0)
      ? { Driver: ipam.driver ?? '', Options: null, Config: ipam.config.map(({ subnet }) => ({ Subnet: subnet })) }
      : null,
    Internal: network?.internal ?? false,
    Attachable: network?.attachable ?? false,
    Ingress: false,
    ConfigOnly: false,
    ConfigFrom: null,
    Options: Object.keys(options).length > 0 ? { ...options } : null,
    Labels: withStackLabel(namespace, network?.labels),
  };
}
