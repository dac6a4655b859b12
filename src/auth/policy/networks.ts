// Networks[].Target (TaskTemplate.Networks and the deprecated ServiceSpec.Networks): only
// swarm overlay networks; never the node's `host` network (the host's network stack, its
// ports and interfaces), nor a local bridge, macvlan or `none`, nor a network the engine
// does not know.
import type { PolicyContext } from './facts.ts';
import { finding, type Finding, type SpecPath } from './rules.ts';

export function checkNetworkTarget(value: unknown, path: SpecPath, _attachment: unknown, { settings, facts }: PolicyContext): Finding[] {
  const ref = String(value);
  const network = facts.network(ref);
  if (ref === 'host' || network?.name === 'host' || network?.driver === 'host') {
    if (settings.allowHostNetwork) return [];
    return [finding(path, 'no-host-network', `the network ${JSON.stringify(ref)} is the host network`, 'Use an overlay network; only an unscoped admin may attach services to the host network.')];
  }
  if (!network) return [finding(path, 'allowed-network-drivers', `the network ${JSON.stringify(ref)} cannot be found`, 'Attach an existing overlay network.')];
  if (network.driver !== 'overlay') {
    // Named by the spec's own reference (an ID), not by a name the caller may not be allowed to see.
    return [finding(path, 'allowed-network-drivers', `the network ${JSON.stringify(ref)} has the driver ${JSON.stringify(network.driver)}`, 'Attach overlay networks only; other drivers need an unscoped admin.')];
  }
  return [];
}
