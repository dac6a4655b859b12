// Webhooks and their deliveries in the gateway's database (tables webhooks,
// webhook_deliveries). A delivery is stored before it is sent, keyed by (webhook, event key),
// so an event is queued once however often it is reported, and survives a restart. The
// worker claims a due delivery by moving its next_attempt_at forward (a lease) with a
// compare-and-set on the value it read: two workers, or a restarted one, cannot both send it.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { Prisma, type Webhook, type WebhookDelivery } from '../generated/prisma/client.ts';

export type WebhookRow = Webhook;
export type DeliveryRow = WebhookDelivery;
export type WebhookEventName = 'ROLLOUT_CONCLUDED' | 'ROLLOUT_FAILED' | 'SERVICE_REMOVED';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface NewWebhook {
  url: string;
  events: readonly WebhookEventName[];
  cluster: string | null;
  scope: string | null;
  secret: string;
  description: string | null;
  createdBy: string;
}

export interface WebhookChange {
  url?: string;
  events?: readonly WebhookEventName[];
  secret?: string;
  description?: string | null;
  enabled?: boolean;
}

export interface NewDelivery {
  webhookId: string;
  eventKey: string;
  event: WebhookEventName;
  body: Prisma.InputJsonValue;
}

/** How an attempt ended, as the row keeps it. */
export type AttemptResult =
  | { delivered: true; status: number }
  | { delivered: false; status: number | null; error: string; retryAt: Date | null };

export class WebhookStore {
  constructor(
    private readonly database: Pick<Database, 'prisma'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get prisma() {
    return this.database.prisma;
  }

  create(spec: NewWebhook): Promise<WebhookRow> {
    const now = this.now();
    return this.prisma.webhook.create({
      data: { id: randomUUID(), ...spec, events: [...spec.events], enabled: true, createdAt: now, updatedAt: now },
    });
  }

  /** A webhook by ID; null for a missing one and for text that is no UUID (the column would refuse it). */
  find(id: string): Promise<WebhookRow | null> {
    const key = id.trim().toLowerCase();
    return UUID.test(key) ? this.prisma.webhook.findUnique({ where: { id: key } }) : Promise.resolve(null);
  }

  /** Oldest first; `cluster`: only webhooks of that cluster and those of every cluster. */
  list(filter: { cluster?: string | null } = {}): Promise<WebhookRow[]> {
    const where = filter.cluster == null ? {} : { OR: [{ cluster: filter.cluster }, { cluster: null }] };
    return this.prisma.webhook.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Enabled webhooks told about `event`: the candidates of a fan-out. */
  listening(event: WebhookEventName): Promise<WebhookRow[]> {
    return this.prisma.webhook.findMany({ where: { enabled: true, events: { has: event } } });
  }

  update(id: string, change: WebhookChange): Promise<WebhookRow> {
    const data: Prisma.WebhookUpdateInput = { ...change, events: change.events ? [...change.events] : undefined, updatedAt: this.now() };
    return this.prisma.webhook.update({ where: { id }, data });
  }

  /** Removes the webhook and every delivery of it (pending ones are dropped: nobody is told any more). */
  async remove(id: string): Promise<boolean> {
    const [, removed] = await this.prisma.$transaction([
      this.prisma.webhookDelivery.deleteMany({ where: { webhookId: id } }),
      this.prisma.webhook.deleteMany({ where: { id } }),
    ]);
    return removed.count === 1;
  }

  /** A webhook's latest deliveries, newest first. */
  deliveries(webhookId: string, first: number): Promise<DeliveryRow[]> {
    return this.prisma.webhookDelivery.findMany({ where: { webhookId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: first });
  }

  /** Queues a delivery due now; false when this webhook already has one for the event key. */
  async enqueue(spec: NewDelivery): Promise<boolean> {
    const now = this.now();
    try {
      await this.prisma.webhookDelivery.create({
        data: { id: randomUUID(), ...spec, status: 'PENDING', attempts: 0, nextAttemptAt: now, createdAt: now },
      });
      return true;
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return false;
      throw err;
    }
  }

  /** Pending deliveries of enabled webhooks due by now, the longest waiting first. */
  async due(limit: number): Promise<DeliveryRow[]> {
    const enabled = await this.prisma.webhook.findMany({ where: { enabled: true }, select: { id: true } });
    if (enabled.length === 0) return [];
    return this.prisma.webhookDelivery.findMany({
      where: { status: 'PENDING', nextAttemptAt: { lte: this.now() }, webhookId: { in: enabled.map((w) => w.id) } },
      orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
      take: limit,
    });
  }

  /**
   * Takes a due delivery for one attempt: its next_attempt_at moves to `leaseUntil` only if
   * it still holds the value read, so of several takers exactly one wins; a process that
   * dies mid-attempt leaves the row to be taken again after the lease.
   */
  async claim(row: DeliveryRow, leaseUntil: Date): Promise<boolean> {
    const taken = await this.prisma.webhookDelivery.updateMany({
      where: { id: row.id, status: 'PENDING', nextAttemptAt: row.nextAttemptAt },
      data: { nextAttemptAt: leaseUntil },
    });
    return taken.count === 1;
  }

  /** Records an attempt: delivered, to be retried at `retryAt`, or (retryAt null) given up. */
  recordAttempt(row: DeliveryRow, result: AttemptResult): Promise<DeliveryRow> {
    const attempts = row.attempts + 1;
    const data: Prisma.WebhookDeliveryUpdateInput = result.delivered
      ? { attempts, status: 'DELIVERED', lastStatus: result.status, lastError: null, nextAttemptAt: null, deliveredAt: this.now() }
      : { attempts, status: result.retryAt ? 'PENDING' : 'FAILED', lastStatus: result.status, lastError: result.error, nextAttemptAt: result.retryAt };
    return this.prisma.webhookDelivery.update({ where: { id: row.id }, data });
  }
}
