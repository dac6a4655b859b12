// Rollouts in the gateway's database (table rollouts; PostgreSQL or PGlite). A conclusion is
// one `UPDATE ... WHERE id = $1 AND concluded_at IS NULL`: of two trackers (processes) that
// conclude the same rollout, exactly one changes the row and so is the one that tells the
// conclusion listeners. Progress writes carry the same condition, so a late observation never
// overwrites a conclusion.
import type { Database } from '../db/client.ts';
import type { RolloutTracking } from '../docker/rollout/index.ts';
import { Prisma, type Rollout } from '../generated/prisma/client.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import { recordOf, type RolloutConclusionUpdate, type RolloutProgress, type RolloutStore, type StoredRollout } from './rollout-store.ts';
import type { RolloutPage, RolloutRecord } from './rollouts.ts';

/** What the `progress` column holds (status and reason have their own columns). */
type ProgressColumn = Omit<RolloutProgress, 'status' | 'reason'>;

function progressColumn(p: RolloutProgress): Prisma.InputJsonValue {
  const column: ProgressColumn = {
    desired: p.desired, running: p.running, upToDate: p.upToDate, failed: p.failed,
    slots: p.slots, updateState: p.updateState, updateMessage: p.updateMessage,
  };
  return column as unknown as Prisma.InputJsonValue;
}

function storedOf(row: Rollout): StoredRollout {
  const p = row.progress as unknown as Partial<ProgressColumn>;
  return {
    id: row.id,
    cluster: row.cluster,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    serviceLabels: (row.serviceLabels ?? {}) as Record<string, string>,
    kind: row.kind as RolloutRecord['kind'],
    status: row.status as RolloutRecord['status'],
    conclusion: (row.conclusion ?? null) as RolloutRecord['conclusion'],
    reason: row.reason,
    desired: p.desired ?? 0,
    running: p.running ?? 0,
    upToDate: p.upToDate ?? 0,
    failed: p.failed ?? 0,
    slots: p.slots ?? [],
    updateState: p.updateState ?? null,
    updateMessage: p.updateMessage ?? null,
    serviceVersion: row.serviceVersion,
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    deadline: row.deadline,
    concludedAt: row.concludedAt,
    supersededBy: row.supersededBy,
    tracking: row.tracking as unknown as RolloutTracking,
  };
}

export class PrismaRolloutStore implements RolloutStore {
  constructor(
    /** Read on every call, so a reopened database is used. */
    private readonly database: Pick<Database, 'prisma'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async insert(r: StoredRollout): Promise<void> {
    await this.database.prisma.rollout.create({
      data: {
        id: r.id,
        cluster: r.cluster,
        serviceId: r.serviceId,
        serviceName: r.serviceName,
        serviceLabels: r.serviceLabels,
        kind: r.kind,
        status: r.status,
        conclusion: r.conclusion,
        reason: r.reason,
        serviceVersion: r.serviceVersion,
        tracking: r.tracking as unknown as Prisma.InputJsonValue,
        progress: progressColumn(r),
        startedBy: r.startedBy,
        startedAt: r.startedAt,
        deadline: r.deadline,
        updatedAt: this.now(),
        concludedAt: r.concludedAt,
        supersededBy: r.supersededBy,
      },
    });
  }

  async get(id: string): Promise<StoredRollout | null> {
    if (!isUuid(id)) return null;
    const row = await this.database.prisma.rollout.findUnique({ where: { id } });
    return row ? storedOf(row) : null;
  }

  async listForService(cluster: string, serviceId: string, page: { first: number; after?: string | null }): Promise<RolloutPage> {
    const ofService = { cluster, serviceId };
    let where: Prisma.RolloutWhereInput = ofService;
    if (page.after) {
      const cursor = isUuid(page.after) ? await this.database.prisma.rollout.findFirst({ where: { ...ofService, id: page.after } }) : null;
      if (!cursor) throw new GatewayError('BAD_REQUEST', `after: "${page.after}" is not a rollout of this service`);
      // Newest first, ties (same millisecond) by ID: the rows after the cursor in that order.
      where = { ...ofService, OR: [{ startedAt: { lt: cursor.startedAt } }, { startedAt: cursor.startedAt, id: { lt: cursor.id } }] };
    }
    const [rows, totalCount] = await Promise.all([
      this.database.prisma.rollout.findMany({ where, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: page.first + 1 }),
      this.database.prisma.rollout.count({ where: ofService }),
    ]);
    return { items: rows.slice(0, page.first).map((r) => recordOf(storedOf(r))), totalCount, hasNextPage: rows.length > page.first };
  }

  async latestStart(cluster: string, serviceId: string): Promise<Date | null> {
    const row = await this.database.prisma.rollout.findFirst({ where: { cluster, serviceId }, orderBy: { startedAt: 'desc' }, select: { startedAt: true } });
    return row?.startedAt ?? null;
  }

  async unconcluded(where?: { cluster: string; serviceId: string }): Promise<StoredRollout[]> {
    const rows = await this.database.prisma.rollout.findMany({
      where: { concludedAt: null, ...(where ?? {}) },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(storedOf);
  }

  async saveProgress(id: string, progress: RolloutProgress, tracking: RolloutTracking): Promise<boolean> {
    const { count } = await this.database.prisma.rollout.updateMany({
      where: { id, concludedAt: null },
      data: {
        status: progress.status,
        reason: progress.reason,
        progress: progressColumn(progress),
        tracking: tracking as unknown as Prisma.InputJsonValue,
        updatedAt: this.now(),
      },
    });
    return count === 1;
  }

  async conclude(id: string, u: RolloutConclusionUpdate): Promise<boolean> {
    const { count } = await this.database.prisma.rollout.updateMany({
      where: { id, concludedAt: null },
      data: {
        status: u.progress.status,
        reason: u.progress.reason,
        conclusion: u.conclusion,
        progress: progressColumn(u.progress),
        tracking: u.tracking as unknown as Prisma.InputJsonValue,
        updatedAt: this.now(),
        concludedAt: u.concludedAt,
        supersededBy: u.supersededBy,
      },
    });
    return count === 1;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The column is a UUID: any other text names no rollout (and PostgreSQL would refuse it). */
const isUuid = (id: string) => UUID.test(id);
