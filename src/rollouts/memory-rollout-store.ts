// Rollouts in memory, for a gateway without a database (the API-only test gateways): the
// same contract as the database store, within one process.
import { GatewayError } from '../errors/gateway-error.ts';
import { recordOf, type RolloutConclusionUpdate, type RolloutProgress, type RolloutStore, type StoredRollout } from './rollout-store.ts';
import type { RolloutPage } from './rollouts.ts';
import type { RolloutTracking } from '../docker/rollout/index.ts';

export function memoryRolloutStore(): RolloutStore {
  // Insertion order is start order: newest last.
  const rows = new Map<string, StoredRollout>();
  const copy = (r: StoredRollout): StoredRollout => structuredClone(r);
  return {
    async insert(rollout) {
      rows.set(rollout.id, copy(rollout));
    },
    async get(id) {
      const r = rows.get(id);
      return r ? copy(r) : null;
    },
    async listForService(cluster, serviceId, page): Promise<RolloutPage> {
      const all = [...rows.values()].filter((r) => r.cluster === cluster && r.serviceId === serviceId).reverse();
      let from = 0;
      if (page.after) {
        const at = all.findIndex((r) => r.id === page.after);
        if (at < 0) throw new GatewayError('BAD_REQUEST', `after: "${page.after}" is not a rollout of this service`);
        from = at + 1;
      }
      const items = all.slice(from, from + page.first).map((r) => recordOf(copy(r)));
      return { items, totalCount: all.length, hasNextPage: from + page.first < all.length };
    },
    async latestStart(cluster, serviceId) {
      const ofService = [...rows.values()].filter((r) => r.cluster === cluster && r.serviceId === serviceId);
      return ofService.at(-1)?.startedAt ?? null;
    },
    async unconcluded(where) {
      return [...rows.values()]
        .filter((r) => r.concludedAt === null && (!where || (r.cluster === where.cluster && r.serviceId === where.serviceId)))
        .map(copy);
    },
    async saveProgress(id: string, progress: RolloutProgress, tracking: RolloutTracking) {
      const r = rows.get(id);
      if (!r || r.concludedAt !== null) return false;
      rows.set(id, { ...r, ...structuredClone(progress), tracking: structuredClone(tracking) });
      return true;
    },
    async conclude(id: string, u: RolloutConclusionUpdate) {
      const r = rows.get(id);
      if (!r || r.concludedAt !== null) return false;
      rows.set(id, {
        ...r, ...structuredClone(u.progress), tracking: structuredClone(u.tracking),
        conclusion: u.conclusion, concludedAt: u.concludedAt, supersededBy: u.supersededBy,
      });
      return true;
    },
  };
}
