// The networks of a containerRun, resolved ON THE CONTAINER'S ENGINE before anything is sent:
// on a named engine its own local networks first (a local name such as "bridge" names a
// different network on every engine), then the swarm's; on the manager endpoint the
// cluster's list (swarm and the manager's local networks): networkOnHost, the lookup
// networkConnect and the network reads use too. A network outside the operation's label scope is
// answered as missing; a swarm network must be attachable; a static address must lie in the
// network's subnet. Each problem is a userError at its `input.networks.N` field.
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { ContainerNetworkOptions, ResolvedContainerNetwork } from '../../docker/mapping/container-create.ts';
import type { NetworkFacts } from '../../auth/policy/index.ts';
import type { Scope } from '../../auth/access-decision.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { networkInScope } from '../access/scope-checks.ts';
import { networkOnHost } from '../networks/lookup.ts';
import { staticAddressErrors } from '../networks/static-address.ts';
import { rejectIfAny } from '../run-mutation.ts';
import type { ContainerHost } from './container-host.ts';

export interface RunNetworks {
  /** In input order, each with the reference to send (its name; its ID when two networks share the name). */
  resolved: ResolvedContainerNetwork[];
  /** What each sent reference is, for the policy. */
  facts: Map<string, NetworkFacts>;
  /** The networks themselves, for the payload's audit record. */
  ids: string[];
}

export async function resolveRunNetworks(loaders: ClusterLoaders, host: ContainerHost, scope: Scope, networks: readonly ContainerNetworkOptions[]): Promise<RunNetworks> {
  const errors: UserErrorInit[] = [];
  const found: (EngineNetwork | null)[] = [];
  for (const [i, n] of networks.entries()) {
    const field = ['input', 'networks', String(i)];
    const network = networkInScope(await networkOnHost(loaders, host, n.network), scope);
    found.push(network);
    if (!network) {
      errors.push(userError([...field, 'network'], 'REFERENCE_NOT_FOUND', `Network "${n.network}" does not exist.`));
      continue;
    }
    if (network.Scope === 'swarm' && !network.Attachable) {
      const why = network.Ingress ? 'it is the routing mesh\'s ingress network, which only services use' : 'only services can use it; create it with attachable: true to run standalone containers on it';
      errors.push(userError([...field, 'network'], 'NOT_ATTACHABLE', `Network "${network.Name}" is not attachable: ${why}.`));
    }
    if (n.ipv4Address) errors.push(...staticAddressErrors(n.ipv4Address, 'ipv4', network, [...field, 'ipv4Address']));
    if (n.ipv6Address) errors.push(...staticAddressErrors(n.ipv6Address, 'ipv6', network, [...field, 'ipv6Address']));
  }
  const ids = found.map((n) => n?.Id);
  ids.forEach((id, i) => {
    if (id && ids.indexOf(id) < i) errors.push(userError(['input', 'networks', String(i), 'network'], 'INVALID_VALUE', `Network "${networks[i]!.network}" is the same network as item ${ids.indexOf(id)}; attach each network once.`));
  });
  rejectIfAny(errors);
  const listed = networks.length > 0 ? await loaders.networks() : [];
  const facts = new Map<string, NetworkFacts>();
  const resolved = networks.map((n, i) => {
    const network = found[i]!;
    // By name, as `docker run --network NAME` sends it; a name two networks share would be ambiguous, so then by ID.
    const ref = listed.filter((l) => l.Name === network.Name).length > 1 ? network.Id : network.Name;
    facts.set(ref, { name: network.Name, driver: network.Driver });
    return { ref, aliases: n.aliases ?? [], ipv4Address: n.ipv4Address ?? null, ipv6Address: n.ipv6Address ?? null };
  });
  return { resolved, facts, ids: found.map((n) => n!.Id) };
}
