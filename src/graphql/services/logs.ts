// Service.logs: `docker service logs --tail N --timestamps --details`, read whole (no
// follow) and demultiplexed into lines.
import type { LogLine, ServiceLogsArgs } from '../../generated/graphql.ts';
import { serviceLogs as fetchServiceLogs } from '../../docker/api/services.ts';
import type { ServiceModel } from '../../docker/model/types.ts';
import { parseServiceLogs } from '../../docker/service-logs.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';

export const MAX_LOG_TAIL = 1000;

/** `loaders`: those of the service's cluster. */
export async function serviceLogs(parent: ServiceModel, args: ServiceLogsArgs, loaders: ClusterLoaders): Promise<LogLine[]> {
  const tail = args.tail ?? 100;
  if (!Number.isInteger(tail) || tail < 1 || tail > MAX_LOG_TAIL) {
    throw new GatewayError('BAD_REQUEST', `tail must be between 1 and ${MAX_LOG_TAIL}, got ${tail}`);
  }
  // With a TTY the Engine sends the raw stream instead of the multiplexed one.
  const service = await loaders.service(parent.id);
  const tty = service?.Spec.TaskTemplate?.ContainerSpec?.TTY === true;
  const body = await fetchServiceLogs(loaders.client, parent.id, { tail, since: args.since ?? null });
  const lines = parseServiceLogs(body, { tty });
  // Lines of several tasks arrive task by task; a stable sort by time merges them.
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => compareTime(a.line.timestamp, b.line.timestamp) || a.index - b.index)
    .map(({ line }) => line);
}

/** RFC 3339 with nanoseconds does not sort as text across different fraction lengths. */
function compareTime(a: string | null, b: string | null): number {
  if (a === null || b === null) return 0;
  const [sa, na] = splitNanos(a);
  const [sb, nb] = splitNanos(b);
  return sa - sb || na - nb;
}

function splitNanos(t: string): [number, number] {
  const m = /\.(\d+)/.exec(t);
  const nanos = m ? Number(m[1]!.padEnd(9, '0').slice(0, 9)) : 0;
  return [Math.floor(Date.parse(t) / 1000), nanos];
}
