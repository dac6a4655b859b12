// The engine and the container a container mutation acts on. The engine is a configured one
// (`engine`) or the cluster's manager endpoint; an unknown engine, or one of another cluster,
// is a userError at `input.engine`. The container is looked up by ID, ID prefix or name on
// that engine; one outside the operation's label scope is answered as missing
// (NOT_FOUND), as a service outside the scope is.
import { inspectContainer } from '../../docker/api/containers.ts';
import type { ContainerInspect as EngineContainer } from '../../docker/engine-api/index.ts';
import { userError } from '../../errors/codes.ts';
import { isNotFound, notFound, UserInputError } from '../../errors/gateway-error.ts';
import { validateContainerRef } from '../../validate/names.ts';
import type { EngineRegistry } from '../../docker/registry.ts';
import type { GatewayContext } from '../context.ts';
import { operationScope } from '../access/field-decision.ts';
import { engineClusterMismatch } from '../access/engine-cluster.ts';
import { rejectIfAny } from '../run-mutation.ts';
import { containerHost, type ContainerHost } from './container-host.ts';
import { containerInScope } from './container-scope.ts';

export interface EngineChoice {
  cluster?: string | null | undefined;
  engine?: string | null | undefined;
}

/**
 * The cluster a container mutation is recorded under (and whose watched state it refreshes):
 * a named engine's own cluster, else the cluster given (the default one when omitted).
 */
export function clusterOfInput(registry: Pick<EngineRegistry, 'engineNames' | 'engine'>, input: EngineChoice): string | null | undefined {
  if (input.engine && registry.engineNames().includes(input.engine)) return registry.engine(input.engine).cluster ?? input.cluster;
  return input.cluster;
}

/** The engine a container mutation runs on. */
export function mutationHost(ctx: Pick<GatewayContext, 'registry'>, input: EngineChoice): ContainerHost {
  const mismatch = engineClusterMismatch(ctx.registry, input.engine, input.cluster);
  if (mismatch) throw new UserInputError([userError(['input', 'engine'], 'INVALID_VALUE', `The ${mismatch}.`)]);
  try {
    return containerHost(ctx.registry, input.cluster, input.engine);
  } catch (err) {
    if (isNotFound(err) && input.engine) throw new UserInputError([userError(['input', 'engine'], 'REFERENCE_NOT_FOUND', (err as Error).message)]);
    throw err;
  }
}

/** Where a host is, for messages: `engine "w1"` or `the manager endpoint of cluster "prod"`. */
export const hostText = (host: ContainerHost) => (host.engine ? `engine "${host.engine}"` : `the manager endpoint of cluster "${host.cluster}"`);

/** The container named by `input.container` on its engine, within the operation's scope. */
export async function targetContainer(
  ctx: Pick<GatewayContext, 'registry' | 'loaders' | 'decision'>,
  input: EngineChoice & { container: string },
): Promise<{ host: ContainerHost; container: EngineContainer }> {
  rejectIfAny(validateContainerRef(input.container, ['input', 'container']));
  const host = mutationHost(ctx, input);
  let container = await inspectContainer(host.api, input.container).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err)));
  if (container && !(await containerInScope(container.Config?.Labels, operationScope(ctx), () => ctx.loaders(host.cluster)))) container = null;
  if (!container) throw notFound('container', input.container);
  return { host, container };
}
