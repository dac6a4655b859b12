// containerStop, containerStart, containerRemove (`docker stop|start|rm`): a container on the
// cluster's manager endpoint or a configured engine, by ID, ID prefix or name, within the
// operation's label scope (container-target.ts: NOT_FOUND outside it). Each is audited through
// runMutation. Stopping a stopped container or starting a running one is INVALID_STATE (the
// engine would answer 304 and do nothing), so a caller learns that nothing happened.
import type { ContainerRemovePayload, MutationResolvers } from '../../generated/graphql.ts';
import type { ContainerModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { inspectContainer, removeContainer, startContainer, stopContainer } from '../../docker/api/containers.ts';
import type { ContainerInspect as EngineContainer } from '../../docker/engine-api/index.ts';
import { containerFromInspect } from '../../docker/model/container.ts';
import { userError } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { clusterOfInput, targetContainer } from './container-target.ts';

/** The longest stop timeout offered: the request waits for it. */
const MAX_STOP_SECONDS = 300;

/** Stop and start payloads: the container as the model the Container resolvers read. */
type ContainerPayload = { container: ContainerModel | null; userErrors: UserErrorInit[] };

const nameOf = (c: EngineContainer) => c.Name.replace(/^\//, '');
const isRunning = (c: EngineContainer) => ['running', 'restarting', 'paused'].includes(c.State?.Status ?? '');

function invalidState(message: string): never {
  throw new UserInputError([userError(['input', 'container'], 'INVALID_STATE', message)]);
}

export const containerStop: MutationResolvers['containerStop'] = (_root, { input }, ctx) =>
  runMutation<ContainerPayload>(ctx, { operation: 'containerStop', cluster: clusterOfInput(ctx.registry, input), target: input.container, input }, { container: null }, async () => {
    const timeout = input.timeout ?? null;
    if (timeout !== null && (timeout < 0 || timeout > MAX_STOP_SECONDS)) {
      rejectIfAny([userError(['input', 'timeout'], 'INVALID_VALUE', `A stop timeout of ${timeout} seconds is not valid; give 0 to ${MAX_STOP_SECONDS}.`)]);
    }
    const { host, container } = await targetContainer(ctx, input);
    if (!isRunning(container)) invalidState(`Container "${nameOf(container)}" is not running (${container.State?.Status ?? 'unknown'}).`);
    // The engine answers once the container has exited: the request waits the timeout, and then some.
    const waitMs = ((timeout ?? 10) + 30) * 1000;
    await stopContainer(host.api, container.Id, timeout, waitMs);
    const fresh = await inspectContainer(host.api, container.Id);
    return { payload: { container: containerFromInspect(fresh, host) }, objectIds: [container.Id] };
  });

export const containerStart: MutationResolvers['containerStart'] = (_root, { input }, ctx) =>
  runMutation<ContainerPayload>(ctx, { operation: 'containerStart', cluster: clusterOfInput(ctx.registry, input), target: input.container, input }, { container: null }, async () => {
    const { host, container } = await targetContainer(ctx, input);
    if (isRunning(container)) invalidState(`Container "${nameOf(container)}" is already running.`);
    await startContainer(host.api, container.Id);
    const fresh = await inspectContainer(host.api, container.Id);
    return { payload: { container: containerFromInspect(fresh, host) }, objectIds: [container.Id] };
  });

export const containerRemove: MutationResolvers['containerRemove'] = (_root, { input }, ctx) =>
  runMutation<ContainerRemovePayload>(ctx, { operation: 'containerRemove', cluster: clusterOfInput(ctx.registry, input), target: input.container, input }, { removed: [] }, async () => {
    const { host, container } = await targetContainer(ctx, input);
    const force = input.force ?? false;
    if (isRunning(container) && !force) invalidState(`Container "${nameOf(container)}" is running; stop it first, or remove it with force: true.`);
    await removeContainer(host.api, container.Id, { force, volumes: input.volumes ?? false });
    return { payload: { removed: [{ id: container.Id, name: nameOf(container) }] }, objectIds: [container.Id] };
  });
