// The limited HostConfig fields of the container policy that have no service counterpart:
// the network mode and each attached network (by what the engine says the network is), the
// IPC mode, and the security options.
import type { NetworkFacts } from './facts.ts';
import type { GuardrailSettings } from '../../config/access-config.ts';
import { containerFinding, type ContainerFinding } from './container-rules.ts';
import type { SpecPath } from './rules.ts';

export interface ContainerPolicyContext {
  settings: GuardrailSettings;
  /** What the network a reference of the body (a name or ID, as sent) is on the container's engine; null when unknown. */
  network(ref: string): NetworkFacts | null | undefined;
}

const SAFE_MODES = ['default', 'bridge', 'none'];
const NETWORK_DRIVERS = ['bridge', 'overlay'];
const IPC_MODES = ['private', 'none'];
const NO_NEW_PRIVILEGES = ['no-new-privileges', 'no-new-privileges:true', 'no-new-privileges=true'];

/** One network reference (HostConfig.NetworkMode, or a key of EndpointsConfig). */
export function networkRefFindings(ref: string, path: SpecPath, ctx: ContainerPolicyContext): ContainerFinding[] {
  if (SAFE_MODES.includes(ref)) return [];
  const network = ctx.network(ref);
  if (ref === 'host' || network?.driver === 'host') {
    if (ctx.settings.allowHostNetwork) return [];
    return [containerFinding(path, 'allowed-network-modes', 'the host network shares the host\'s network stack, ports and interfaces', 'Use a bridge or overlay network; only an unscoped admin may use the host network.')];
  }
  if (ref.startsWith('container:')) {
    return [containerFinding(path, 'allowed-network-modes', `the network mode ${JSON.stringify(ref)} joins another container's network namespace`, 'Use a bridge or overlay network; only an unscoped admin may join another container\'s namespace.')];
  }
  if (!network) return [containerFinding(path, 'allowed-network-modes', `the network ${JSON.stringify(ref)} cannot be found on the engine`, 'Attach an existing bridge or overlay network.')];
  if (!NETWORK_DRIVERS.includes(network.driver)) {
    return [containerFinding(path, 'allowed-network-modes', `the network ${JSON.stringify(ref)} has the driver ${JSON.stringify(network.driver)}`, 'Attach bridge or overlay networks only; other drivers (macvlan, ipvlan) reach the host\'s interfaces and need an unscoped admin.')];
  }
  return [];
}

/** HostConfig.NetworkMode. */
export const checkNetworkMode = (value: unknown, path: SpecPath, _parent: unknown, ctx: ContainerPolicyContext): ContainerFinding[] => networkRefFindings(String(value), path, ctx);

/** NetworkingConfig.EndpointsConfig.<ref>: the key is the network. */
export const checkEndpointNetwork = (_value: unknown, path: SpecPath, _parent: unknown, ctx: ContainerPolicyContext): ContainerFinding[] =>
  networkRefFindings(String(path[path.length - 1]), path, ctx);

/** HostConfig.IpcMode. */
export function checkIpcMode(value: unknown, path: SpecPath): ContainerFinding[] {
  if (IPC_MODES.includes(String(value))) return [];
  return [containerFinding(path, 'allowed-ipc-modes', `the IPC mode ${JSON.stringify(value)} shares an IPC namespace beyond the container`, 'Leave ipcMode out, or use private or none.')];
}

/** HostConfig.SecurityOpt. */
export function checkSecurityOpt(value: unknown, path: SpecPath): ContainerFinding[] {
  const options = Array.isArray(value) ? value.map(String) : [String(value)];
  return options.flatMap((opt, i) =>
    NO_NEW_PRIVILEGES.includes(opt) ? [] : [containerFinding([...path, i], 'allowed-security-options', `the security option ${JSON.stringify(opt)} is not allowed`, 'Use no-new-privileges only; other security options need an unscoped admin.')],
  );
}
