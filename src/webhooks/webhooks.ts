// The webhooks of one gateway process: the allow-list, the fan-out of events into stored
// deliveries and the worker that sends them. The request context carries it (`ctx.webhooks`)
// so serviceRemove can report a removal and the webhook mutations can check URLs; the
// rollout service reports conclusions through `followRollouts`. Without a database there is
// nowhere to keep a delivery: events are then dropped (and there can be no webhook anyway).
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { WebhookSettings } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Rollouts } from '../rollouts/rollouts.ts';
import { DeliveryWorker } from './delivery-worker.ts';
import { MISSED_CONCLUSIONS_WINDOW_MS, recentConclusions, type ConcludedRollout } from './missed-conclusions.ts';
import { rolloutBody, rolloutEventKey, rolloutEvents, serviceRemovedBody, serviceRemovedEventKey, webhookHears, type ServiceRemoval, type WebhookEventFacts } from './fan-out.ts';
import { UrlAllowList } from './url-allow-list.ts';
import { WebhookStore, type WebhookEventName } from './webhook-store.ts';

export interface WebhooksDeps {
  /** Null: the gateway runs without a database (no webhooks, events dropped). */
  database: Database | null;
  audit: AuditWriter;
  settings: WebhookSettings;
  logger: Logger;
  /** Whether this process sends deliveries now (src/db/leadership.ts); default always. */
  leads?: () => boolean;
  fetch?: typeof fetch;
}

export class Webhooks {
  readonly allowList: UrlAllowList;
  private readonly database: Database | null;
  private readonly store: WebhookStore | null;
  private readonly worker: DeliveryWorker | null;
  private readonly logger: Logger;

  constructor(deps: WebhooksDeps) {
    this.allowList = new UrlAllowList(deps.settings.allowedHosts);
    this.logger = deps.logger.child({ component: 'webhooks' });
    this.database = deps.database;
    this.store = deps.database ? new WebhookStore(deps.database) : null;
    this.worker = this.store
      ? new DeliveryWorker({ store: this.store, allowList: this.allowList, settings: deps.settings, audit: deps.audit, logger: this.logger, leads: deps.leads, fetch: deps.fetch })
      : null;
  }

  /** Starts sending (what is due from before a restart first) and queues what a crash may have lost. */
  start(): void {
    this.worker?.start();
    this.catchUp().catch((err: unknown) => this.logger.error({ err }, 'recent rollout conclusions could not be read back for their webhooks'));
  }

  /** Fans out the conclusions of the last hour again (missed-conclusions.ts), to the webhooks that existed then. */
  async catchUp(now: Date = new Date()): Promise<void> {
    if (!this.database) return;
    for (const rollout of await recentConclusions(this.database, new Date(now.getTime() - MISSED_CONCLUSIONS_WINDOW_MS))) {
      await this.rolloutConcluded(rollout, rollout.concludedAt);
    }
  }

  /** Looks for due deliveries now (this process just took the delivery job over). */
  kick(): void {
    this.worker?.kick();
  }

  async stop(): Promise<void> {
    await this.worker?.stop();
  }

  /** Every rollout concluded in this process becomes deliveries. */
  followRollouts(rollouts: Pick<Rollouts, 'onConcluded'>): void {
    rollouts.onConcluded((rollout) => this.rolloutConcluded(rollout));
  }

  /** `existedBy`: only webhooks created by then hear of it (a catch-up tells no webhook of what happened before it). */
  async rolloutConcluded(rollout: ConcludedRollout, existedBy: Date | null = null): Promise<void> {
    for (const event of rolloutEvents(rollout)) {
      await this.fanOut({ event, cluster: rollout.cluster, labels: rollout.serviceLabels }, rolloutEventKey(rollout.id, event), rolloutBody(event, rollout), existedBy);
    }
  }

  /** serviceRemove reports a removal the engine accepted. Never throws: the removal happened whatever becomes of its webhooks. */
  async serviceRemoved(removal: ServiceRemoval): Promise<void> {
    await this.fanOut({ event: 'SERVICE_REMOVED', cluster: removal.cluster, labels: removal.service.labels }, serviceRemovedEventKey(removal), serviceRemovedBody(removal));
  }

  private async fanOut(facts: WebhookEventFacts, eventKey: string, body: Prisma.InputJsonValue, existedBy: Date | null = null): Promise<void> {
    const store = this.store;
    if (!store) return;
    try {
      const listening = await store.listening(facts.event as WebhookEventName);
      let queued = 0;
      const hearing = listening.filter((w) => webhookHears(w, facts) && (existedBy === null || w.createdAt <= existedBy));
      for (const webhook of hearing) {
        if (await store.enqueue({ webhookId: webhook.id, eventKey, event: facts.event, body })) queued++;
      }
      if (queued > 0) this.worker?.kick();
    } catch (err) {
      this.logger.error({ err, eventKey }, 'webhook deliveries could not be queued');
    }
  }
}
