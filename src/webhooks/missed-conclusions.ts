// Conclusions whose deliveries a crash may have lost. The rollout service tells its
// listeners after it stored a conclusion; a gateway killed between the two never queues the
// deliveries. So at start-up the recent conclusions are read back from the rollouts table and
// fanned out again: queuing is idempotent (one row per webhook and event key), so what was
// queued before is not queued twice, and only webhooks that existed at the conclusion hear it.
import type { Database } from '../db/client.ts';
import type { RolloutRecord } from '../rollouts/rollouts.ts';

/** How far back start-up looks: longer than any restart, short enough to read quickly. */
export const MISSED_CONCLUSIONS_WINDOW_MS = 60 * 60_000;

/** What the fan-out needs of a concluded rollout. */
export type ConcludedRollout = Pick<
  RolloutRecord,
  'id' | 'cluster' | 'serviceId' | 'serviceName' | 'serviceLabels' | 'kind' | 'conclusion' | 'reason' | 'startedAt' | 'concludedAt' | 'startedBy'
>;

export async function recentConclusions(database: Pick<Database, 'prisma'>, since: Date): Promise<ConcludedRollout[]> {
  const rows = await database.prisma.rollout.findMany({
    where: { concludedAt: { gte: since } },
    select: { id: true, cluster: true, serviceId: true, serviceName: true, serviceLabels: true, kind: true, conclusion: true, reason: true, startedAt: true, concludedAt: true, startedBy: true },
    orderBy: { concludedAt: 'asc' },
  });
  return rows.map((r) => ({
    ...r,
    serviceLabels: labelsOf(r.serviceLabels),
    kind: r.kind as ConcludedRollout['kind'],
    conclusion: r.conclusion as ConcludedRollout['conclusion'],
  }));
}

function labelsOf(json: unknown): Record<string, string> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
