// The background work of which one gateway process at a time runs one piece when several
// share a PostgreSQL (src/db/leadership.ts), with each job's fixed advisory-lock key. What
// is not here runs in every process: the audit spool drain (each process has its own spool
// file), the tracking of a rollout by the process that started it (or has a watcher of it),
// watchers and subscriptions.
import type { Database } from '../db/client.ts';
import { advisoryLeadership, soleLeadership, type Leadership } from '../db/leadership.ts';
import type { Logger } from 'pino';

export const BACKGROUND_JOBS = {
  /** The audit reconciler's rounds and retention (src/audit/audit-log.ts). */
  'audit-maintenance': 1,
  /** Sending stored webhook deliveries (src/webhooks/delivery-worker.ts). */
  'webhook-delivery': 2,
  /** Tracking the rollouts left open that nobody else tracks: resumed at take-over and every few seconds (src/http/rollout-resumption.ts). */
  'rollout-tracking': 3,
} as const;

export type BackgroundJob = keyof typeof BACKGROUND_JOBS;

/** By advisory lock on PostgreSQL; the embedded database (one process) leads everything. */
export function backgroundLeadership(database: Pick<Database, 'kind' | 'url'>, logger: Logger): Leadership {
  if (database.kind === 'postgres' && database.url) return advisoryLeadership(database.url, BACKGROUND_JOBS, logger);
  return soleLeadership(Object.keys(BACKGROUND_JOBS));
}
