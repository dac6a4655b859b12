// containerRun: `docker run -d` on one engine. The input is checked whole first; the networks
// are resolved on that engine (run-networks.ts); the body is the CLI's
// (src/docker/mapping/container-create.ts) with the scope labels stamped, and the container
// policy judges that final body, every network in it, before anything is sent. Then, as the
// CLI does against an engine before API 1.44: create with the first network, connect the
// others, start. A container created but not connected or started is force-removed (with its
// anonymous volumes), so a failed run leaves nothing behind; the userError says so, or, if
// the removal failed too, names the container that is left.
import type { MutationResolvers } from '../../generated/graphql.ts';
import type { ContainerModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { createContainer, inspectContainer, removeContainer, startContainer } from '../../docker/api/containers.ts';
import { connectContainer } from '../../docker/api/networks.ts';
import { checkContainerRunOptions, splitCreateBody, toContainerCreateBody } from '../../docker/mapping/container-create.ts';
import { containerFromInspect } from '../../docker/model/container.ts';
import { cleanEngineMessage } from '../../docker/engine-refusal.ts';
import { EngineRequestError } from '../../docker/engine-errors.ts';
import { userError } from '../../errors/codes.ts';
import { isNotFound, UserInputError } from '../../errors/gateway-error.ts';
import { stampScopeLabels } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import { runMutation } from '../run-mutation.ts';
import { enforceContainerPolicy } from './container-guardrails.ts';
import { clusterOfInput, hostText, mutationHost } from './container-target.ts';
import { containerRunOptions } from './run-options.ts';
import { resolveRunNetworks } from './run-networks.ts';
import type { ContainerHost } from './container-host.ts';

type ContainerRunPayload = { container: ContainerModel | null; warnings: string[]; userErrors: UserErrorInit[] };

const engineWords = (err: unknown) => (err instanceof EngineRequestError ? cleanEngineMessage(err.engineMessage) : (err as Error).message);

/** After a failed connect or start: remove what was created, and say exactly what is left. */
async function undoCreate(host: ContainerHost, id: string, name: string, step: string, err: unknown): Promise<never> {
  const why = `Container "${name}" (${id.slice(0, 12)}) was created on ${hostText(host)} but ${step} failed: ${engineWords(err)}`;
  try {
    await removeContainer(host.api, id, { force: true, volumes: true });
  } catch (removeErr) {
    throw new UserInputError([userError(['input'], 'ENGINE_REJECTED', `${why}. Removing it failed too (${engineWords(removeErr)}), so it is still there, not running: remove it with containerRemove.`)]);
  }
  throw new UserInputError([userError(['input'], 'ENGINE_REJECTED', `${why}. It has been removed; nothing is left on the engine.`)]);
}

export const containerRun: MutationResolvers['containerRun'] = (_root, { input }, ctx) =>
  runMutation<ContainerRunPayload>(
    ctx,
    { operation: 'containerRun', cluster: clusterOfInput(ctx.registry, input), target: input.name, input, refusals: { fields: { NAME_CONFLICT: ['input', 'name'] }, about: `Container ${JSON.stringify(input.name)}` } },
    { container: null, warnings: [] },
    async () => {
      const options = checkContainerRunOptions(containerRunOptions(input));
      const host = mutationHost(ctx, input);
      const loaders = ctx.loaders(host.cluster);
      const scope = operationScope(ctx);
      const networks = await resolveRunNetworks(loaders, host, scope, options.networks ?? []);
      const body = toContainerCreateBody(options, networks.resolved);
      const labels = stampScopeLabels(scope, body.Labels, ['input', 'labels']);
      if (Object.keys(labels).length > 0) body.Labels = labels;
      enforceContainerPolicy(ctx, host.cluster, body, options, networks);

      const { create } = splitCreateBody(body);
      const created = await createContainer(host.api, options.name, create).catch((err: unknown) => {
        if (isNotFound(err)) throw new UserInputError([userError(['input', 'image'], 'REFERENCE_NOT_FOUND', `${engineWords(err)} on ${hostText(host)}; the image must be present there (nothing is pulled).`)]);
        throw err;
      });
      for (const n of networks.resolved.slice(1)) {
        await connectContainer(host.api, n.ref, { container: created.Id, aliases: [...n.aliases], ipv4Address: n.ipv4Address, ipv6Address: n.ipv6Address }).catch((err: unknown) =>
          undoCreate(host, created.Id, options.name, `connecting it to network "${n.ref}"`, err),
        );
      }
      await startContainer(host.api, created.Id).catch((err: unknown) => undoCreate(host, created.Id, options.name, 'its start', err));
      const fresh = await inspectContainer(host.api, created.Id);
      return { payload: { container: containerFromInspect(fresh, host), warnings: created.Warnings ?? [] }, objectIds: [created.Id, ...networks.ids] };
    },
  );
