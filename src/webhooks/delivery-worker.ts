// Sends stored deliveries. Every `pollMs` (and at once when a delivery is queued) it takes
// the deliveries that are due, claims each with a lease (webhook-store.ts) so only one
// attempt of a row is ever in flight, checks the URL against the allow-list again, and POSTs
// the stored body signed (signature.ts). 2xx: DELIVERED. Anything else (3xx included: a
// redirect is never followed, it could lead anywhere), a timeout or a refused connection:
// tried again after the backoff, until `maxAttempts`, then FAILED. Each attempt is audited
// as the gateway's own act (operation `webhookDelivery`), intent before the request.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { WebhookSettings } from '../config/config.ts';
import { retryDelayMs } from './backoff.ts';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from './signature.ts';
import type { UrlAllowList } from './url-allow-list.ts';
import type { AttemptResult, DeliveryRow, WebhookStore } from './webhook-store.ts';

/** Deliveries taken per round, and so at most in flight at once. */
const BATCH = 8;
/** The principal the audit log names for deliveries: nobody asked for this request, the gateway makes it. */
const GATEWAY_ACTOR = { id: 'gateway', clientAddress: undefined };

export interface DeliveryWorkerDeps {
  store: WebhookStore;
  allowList: UrlAllowList;
  settings: Pick<WebhookSettings, 'timeoutMs' | 'backoffMs' | 'maxAttempts' | 'pollMs'>;
  audit: AuditWriter;
  logger: Logger;
  /** Whether this process sends deliveries now (one of several on a PostgreSQL: src/db/leadership.ts); default always. */
  leads?: () => boolean;
  /** Node's fetch (undici) unless a test passes another. */
  fetch?: typeof fetch;
}

export class DeliveryWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** Polling runs between start() and stop(); a stop also ends a round between batches. */
  private state: 'idle' | 'polling' | 'stopped' = 'idle';

  constructor(private readonly deps: DeliveryWorkerDeps) {}

  start(): void {
    this.state = 'polling';
    this.kick();
  }

  /** Looks for due deliveries now (a delivery was just queued) instead of at the next poll. */
  kick(): void {
    if (this.state !== 'polling') return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.deliverDue()
      .catch((err: unknown) => this.deps.logger.error({ err }, 'webhook deliveries could not be read'))
      .finally(() => {
        this.running = null;
        if (this.state !== 'polling') return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          this.timer = setTimeout(() => this.kick(), this.deps.settings.pollMs);
          this.timer.unref();
        }
      });
  }

  /** Stops polling and waits for the attempts in flight (each bounded by `timeoutMs`). */
  async stop(): Promise<void> {
    this.state = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round: every delivery due now gets one attempt (what each poll runs; tests call it directly). */
  async deliverDue(): Promise<void> {
    for (;;) {
      // Checked between batches too: a process that lost the job stops after the attempts in flight.
      if (this.deps.leads && !this.deps.leads()) return;
      const due = await this.deps.store.due(BATCH);
      if (due.length === 0 || this.state === 'stopped') return;
      await Promise.all(due.map((row) => this.attempt(row)));
      if (due.length < BATCH) return;
    }
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    const { store, settings, logger } = this.deps;
    // Long enough for the request and its bookkeeping: after it, a process that died mid-attempt has its row taken again.
    const lease = new Date(Date.now() + settings.timeoutMs * 2 + 5_000);
    if (!(await store.claim(row, lease))) return;
    const webhook = await store.find(row.webhookId);
    if (!webhook || !webhook.enabled) return;
    const attempt = row.attempts + 1;
    let intentId: string;
    try {
      intentId = await this.deps.audit.intent({
        requestId: randomUUID(),
        principal: GATEWAY_ACTOR,
        userAgent: undefined,
        cluster: clusterOf(row.body),
        operation: 'webhookDelivery',
        target: webhook.id,
        input: { deliveryId: row.id, event: row.event, url: webhook.url, attempt },
      });
    } catch (err) {
      // Unaudited, nothing is sent; the lease runs out and the attempt is made later.
      logger.error({ err, deliveryId: row.id }, 'webhook delivery not sent: its audit intent could not be written');
      return;
    }
    const started = performance.now();
    const result = await this.send(webhook.url, webhook.secret, row, attempt);
    try {
      await store.recordAttempt(row, result);
    } catch (err) {
      logger.error({ err, deliveryId: row.id }, 'a webhook delivery attempt could not be recorded');
    }
    await this.deps.audit
      .outcome(intentId, {
        status: result.delivered ? 'succeeded' : 'failed',
        errorCode: result.delivered ? undefined : errorCodeOf(result),
        objectIds: [row.id],
        durationMs: performance.now() - started,
      })
      .catch((err: unknown) => logger.error({ err, intentId }, 'audit outcome of a webhook delivery could not be written'));
  }

  private async send(urlText: string, secret: string, row: DeliveryRow, attempt: number): Promise<AttemptResult> {
    const { allowList, settings } = this.deps;
    const failed = (status: number | null, error: string): AttemptResult => ({
      delivered: false,
      status,
      error,
      retryAt: attempt >= settings.maxAttempts ? null : new Date(Date.now() + retryDelayMs(attempt, settings.backoffMs)),
    });
    // The list may have changed since the webhook was made: a host taken off it is not called.
    const verdict = allowList.check(urlText);
    if (!verdict.allowed) return failed(null, `REFUSED: ${verdict.reason}`);
    const body = JSON.stringify(row.body);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await (this.deps.fetch ?? fetch)(verdict.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(settings.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'swarm-gateway-webhooks/1',
          [EVENT_HEADER]: row.event,
          [DELIVERY_HEADER]: row.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhookBody(secret, timestamp, body),
        },
        body,
      });
      // The answer's body is not read beyond what frees the connection.
      await res.body?.cancel().catch(() => {});
      if (res.status >= 200 && res.status < 300) return { delivered: true, status: res.status };
      const why = res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : '';
      return failed(res.status, `HTTP_${res.status}: the receiver answered ${res.status}${why}`);
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return failed(null, `TIMEOUT: no answer within ${settings.timeoutMs} ms`);
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return failed(null, `UNREACHABLE: ${cause ?? (err as Error).message}`);
    }
  }
}

/** `HTTP_500`, `TIMEOUT`, `REFUSED`, `UNREACHABLE`: the code part of the stored error. */
function errorCodeOf(result: Extract<AttemptResult, { delivered: false }>): string {
  return result.error.split(':')[0]!;
}

function clusterOf(body: unknown): string | undefined {
  const b = body as { cluster?: unknown; rollout?: { cluster?: unknown } } | null;
  const cluster = b?.cluster ?? b?.rollout?.cluster;
  return typeof cluster === 'string' ? cluster : undefined;
}
