// `networkConnect` / `networkDisconnect` (`docker network connect|disconnect`): a
// container on the cluster's manager endpoint or on a configured engine joins or leaves
// a network. Swarm-scoped networks must be attachable; everything is checked first.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { inspectContainer } from '../../docker/api/containers.ts';
import { connectContainer, disconnectContainer } from '../../docker/api/networks.ts';
import type { ContainerInspect as EngineContainer, Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import { containerFromInspect } from '../../docker/model/container.ts';
import type { ContainerModel } from '../../docker/model/types.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { isNotFound, UserInputError } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';
import { networkInScope } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import { containerHost, type ContainerHost } from '../containers/container-host.ts';
import { containerInScope } from '../containers/container-scope.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { validateContainerRef } from '../../validate/names.ts';
import { validateReference } from '../../validate/references.ts';
import { networkOnHost } from './lookup.ts';
import { staticAddressErrors } from './static-address.ts';

/** A network alias: what Docker's embedded DNS can answer for (no spaces, no empty labels). */
const ALIAS = /^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,253}[A-Za-z0-9_])?$/;

type ConnectPayload = { container: ContainerModel | null; userErrors: UserErrorInit[] };


interface Target {
  host: ContainerHost;
  network: EngineNetwork;
  container: EngineContainer;
}

/** Resolves engine, network and container, each a REFERENCE_NOT_FOUND userError when absent (or outside the root field's scope). */
async function resolveTarget(
  ctx: Pick<GatewayContext, 'registry' | 'loaders' | 'decision'>,
  input: { cluster?: string | null; engine?: string | null; network: string; container: string },
): Promise<Target> {
  let host: ContainerHost;
  try {
    host = containerHost(ctx.registry, input.cluster, input.engine);
  } catch (err) {
    if (isNotFound(err) && input.engine) throw new UserInputError([userError(['input', 'engine'], 'REFERENCE_NOT_FOUND', (err as Error).message)]);
    throw err;
  }
  const loaders = ctx.loaders(input.cluster);
  if (host.cluster !== loaders.client.name) {
    throw new UserInputError([
      userError(['input', 'engine'], 'INVALID_VALUE', `Engine "${host.engine}" belongs to cluster "${host.cluster}", not "${loaders.client.name}"; give the network's cluster.`),
    ]);
  }
  let network = await networkOnHost(loaders, host, input.network);
  // Outside the operation's label scope, network and container are answered as missing.
  const scope = operationScope(ctx);
  network = networkInScope(network, scope);
  const errors: UserErrorInit[] = [];
  if (!network) errors.push(userError(['input', 'network'], 'REFERENCE_NOT_FOUND', `Network "${input.network}" does not exist.`));
  let container = await inspectContainer(host.api, input.container).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err)));
  if (container && !(await containerInScope(container.Config?.Labels, scope, () => loaders))) container = null;
  if (!container) {
    const where = host.engine ? `engine "${host.engine}"` : `the manager endpoint of cluster "${host.cluster}"`;
    errors.push(userError(['input', 'container'], 'REFERENCE_NOT_FOUND', `Container "${input.container}" does not exist on ${where}.`));
  }
  rejectIfAny(errors);
  return { host, network: network!, container: container! };
}

/** Whether the container has an endpoint on the network (keyed by name; by the reference given when it was connected while stopped). */
function isAttached(container: EngineContainer, network: EngineNetwork): boolean {
  return Object.entries(container.NetworkSettings?.Networks ?? {}).some(([key, s]) => s.NetworkID === network.Id || key === network.Name || key === network.Id);
}

const containerName = (c: EngineContainer) => c.Name.replace(/^\//, '');

/** Network and container references, checked against Docker's grammar before anything is looked up. */
const referenceErrors = (input: { network: string; container: string }): UserErrorInit[] => [
  ...validateReference('network', input.network, ['input', 'network']),
  ...validateContainerRef(input.container, ['input', 'container']),
];

export const networkConnect: MutationResolvers['networkConnect'] = async (_root, { input }, ctx) =>
  runMutation<ConnectPayload>(
    ctx,
    { operation: 'networkConnect', cluster: input.cluster, target: `${input.network}/${input.container}`, input },
    { container: null },
    async () => {
      const aliases = input.aliases ?? [];
      const early: UserErrorInit[] = referenceErrors(input);
      for (const [i, alias] of aliases.entries()) {
        if (!ALIAS.test(alias)) {
          early.push(userError(['input', 'aliases', String(i)], 'INVALID_VALUE', `The alias "${alias}" is not valid: use letters, digits, "_", "." and "-", without blanks.`));
        }
      }
      rejectIfAny(early);

      const { host, network, container } = await resolveTarget(ctx, input);
      const errors: UserErrorInit[] = [];
      if (network.Scope === 'swarm' && !network.Attachable) {
        const why = network.Ingress
          ? 'it is the routing mesh\'s ingress network, which only services use.'
          : 'only services can use it. Create it with attachable: true (`docker network create --attachable`) to connect standalone containers.';
        errors.push(userError(['input', 'network'], 'NOT_ATTACHABLE', `Network "${network.Name}" is not attachable: ${why}`));
      }
      if (input.ipv4Address) errors.push(...staticAddressErrors(input.ipv4Address, 'ipv4', network, ['input', 'ipv4Address']));
      if (input.ipv6Address) errors.push(...staticAddressErrors(input.ipv6Address, 'ipv6', network, ['input', 'ipv6Address']));
      if (isAttached(container, network)) {
        errors.push(userError(['input', 'container'], 'INVALID_STATE', `Container "${containerName(container)}" is already connected to network "${network.Name}".`));
      }
      rejectIfAny(errors);

      // By name, as `docker network connect NAME` does: the engine keys the attachment by
      // what it is given while the container is stopped, and names read better than IDs.
      // A name two networks share would be ambiguous, so then by ID.
      const sameName = (await ctx.loaders(input.cluster).networks()).filter((n) => n.Name === network.Name).length;
      await connectContainer(host.api, sameName > 1 ? network.Id : network.Name, {
        container: container.Id,
        aliases,
        ipv4Address: input.ipv4Address ?? null,
        ipv6Address: input.ipv6Address ?? null,
      });
      const fresh = await inspectContainer(host.api, container.Id);
      return { payload: { container: containerFromInspect(fresh, host) }, objectIds: [network.Id, container.Id] };
    },
  );

export const networkDisconnect: MutationResolvers['networkDisconnect'] = async (_root, { input }, ctx) =>
  runMutation<ConnectPayload>(
    ctx,
    { operation: 'networkDisconnect', cluster: input.cluster, target: `${input.network}/${input.container}`, input },
    { container: null },
    async () => {
      rejectIfAny(referenceErrors(input));
      const { host, network, container } = await resolveTarget(ctx, input);
      if (!isAttached(container, network)) {
        throw new UserInputError([
          userError(['input', 'container'], 'INVALID_STATE', `Container "${containerName(container)}" is not connected to network "${network.Name}".`),
        ]);
      }
      await disconnectContainer(host.api, network.Id, container.Id, input.force ?? false);
      const fresh = await inspectContainer(host.api, container.Id);
      return { payload: { container: containerFromInspect(fresh, host) }, objectIds: [network.Id, container.Id] };
    },
  );
