// containerLogs (`docker logs --tail N --since T --timestamps`): the end of a container's
// logs on the cluster's manager endpoint or a configured engine, within the caller's label
// scope (out of it: NOT_FOUND, as `container` answers). Read as Service.logs is: by readers,
// not audited (the audit log records changes and secret reads: join tokens, unlock keys).
// Bad arguments are BAD_REQUEST, before the engine is asked.
import type { QueryResolvers } from '../../generated/graphql.ts';
import { inspectContainer } from '../../docker/api/containers.ts';
import { readContainerLogs } from '../../docker/container-logs.ts';
import { GatewayError, isNotFound, notFound } from '../../errors/gateway-error.ts';
import { operationScope } from '../access/field-decision.ts';
import { assertEngineInCluster } from '../access/engine-cluster.ts';
import { containerHost } from './container-host.ts';
import { containerInScope } from './container-scope.ts';

export const MAX_CONTAINER_LOG_TAIL = 10000;
export const MAX_CONTAINER_LOG_BYTES = 4 * 1024 * 1024;

function badRequest(message: string): never {
  throw new GatewayError('BAD_REQUEST', message);
}

export const containerLogs: QueryResolvers['containerLogs'] = async (_root, { cluster, engine, id, tail, since, stdout, stderr, maxBytes }, ctx) => {
  if (!Number.isInteger(tail) || tail < 1 || tail > MAX_CONTAINER_LOG_TAIL) badRequest(`tail must be between 1 and ${MAX_CONTAINER_LOG_TAIL}, got ${tail}`);
  if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_CONTAINER_LOG_BYTES) badRequest(`maxBytes must be between 1 and ${MAX_CONTAINER_LOG_BYTES}, got ${maxBytes}`);
  if (!stdout && !stderr) badRequest('Choose at least one stream: stdout, stderr or both.');
  assertEngineInCluster(ctx.registry, engine, cluster);
  const host = containerHost(ctx.registry, cluster, engine);
  const container = await inspectContainer(host.api, id).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err)));
  if (!container || !(await containerInScope(container.Config?.Labels, operationScope(ctx), () => ctx.loaders(host.cluster)))) throw notFound('container', id);
  const tty = container.Config?.Tty === true;
  const logs = await readContainerLogs(host.api, container.Id, { tail, since: since ?? null, stdout, stderr, tty, maxBytes });
  // LogStream's values are the engine layer's `stdout` and `stderr` (src/graphql/enum-values.ts).
  return { containerId: container.Id, tty, truncated: logs.truncated, lines: logs.lines };
};
