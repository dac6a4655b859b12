// Which networks a stack's services are on, and each one's engine name: the one decision that
// both the network bodies (networks.ts) and the services' attachments (service-networks.ts) use.
import type { ComposeFile, ComposeNetwork, ComposeService } from '../compose-file.ts';
import { compareText } from '../../mapping/common.ts';
import { scopedName } from './namespace.ts';

/** The network a service without a `networks` key is on (docker/cli convert's defaultNetwork). */
export const DEFAULT_NETWORK_KEY = 'default';

/**
 * The network keys a service is on: its `networks`, or `default` when it names none (an empty
 * map counts as none, as `len(networks) == 0` in the CLI).
 */
export function serviceNetworkKeys(service: ComposeService): string[] {
  const keys = Object.keys(service.networks ?? {});
  return keys.length > 0 ? keys : [DEFAULT_NETWORK_KEY];
}

/** Every network key some service is on (deploy_composefile.go getServicesDeclaredNetworks), sorted. */
export function declaredNetworkKeys(file: ComposeFile): string[] {
  return [...new Set(Object.values(file.services).flatMap(serviceNetworkKeys))].sort(compareText);
}

/**
 * The engine name: the file's `name`; for an external network without one, its key (the CLI's
 * loader sets it so); otherwise `<stack>_<key>`. An undeclared `default` is `<stack>_default`.
 */
export function networkEngineName(namespace: string, key: string, network: ComposeNetwork | undefined): string {
  if (network?.name) return network.name;
  return network?.external ? key : scopedName(namespace, key);
}
