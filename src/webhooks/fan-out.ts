// Which webhooks hear of an event, and what they are told. A webhook hears an event it asked
// for, of its cluster (or of any, when it names none), about an object inside its label
// scope (or any object, when unscoped): a team's webhook never learns of another team's
// services. The bodies carry what a receiver needs to act and nothing secret (no env, no spec).
import { parseSelector, selectorMatches } from '../grants/label-selector.ts';
import type { RolloutRecord } from '../rollouts/rollouts.ts';
import type { WebhookEventName, WebhookRow } from './webhook-store.ts';

/** Something that happened, as the fan-out matches it. */
export interface WebhookEventFacts {
  event: WebhookEventName;
  cluster: string;
  /** The labels of the object it is about (the service's, for rollouts and removals). */
  labels: Record<string, string>;
}

export function webhookHears(webhook: Pick<WebhookRow, 'enabled' | 'events' | 'cluster' | 'scope'>, facts: WebhookEventFacts): boolean {
  if (!webhook.enabled || !webhook.events.includes(facts.event)) return false;
  if (webhook.cluster !== null && webhook.cluster !== facts.cluster) return false;
  if (webhook.scope === null) return true;
  try {
    return selectorMatches(parseSelector(webhook.scope), facts.labels);
  } catch {
    // A scope that no longer parses reaches nothing: the safe side of a team boundary.
    return false;
  }
}

/** The events a concluded rollout raises: always CONCLUDED, and FAILED for any verdict but SUCCEEDED. */
export function rolloutEvents(rollout: Pick<RolloutRecord, 'conclusion'>): WebhookEventName[] {
  if (rollout.conclusion === null) return [];
  return rollout.conclusion === 'SUCCEEDED' ? ['ROLLOUT_CONCLUDED'] : ['ROLLOUT_CONCLUDED', 'ROLLOUT_FAILED'];
}

/** One delivery key per rollout and event: the unique index then queues it once, whoever reports it. */
export function rolloutEventKey(rolloutId: string, event: WebhookEventName): string {
  return `rollout:${rolloutId}:${event}`;
}

export function rolloutBody(event: WebhookEventName, r: Pick<RolloutRecord, 'id' | 'cluster' | 'serviceId' | 'serviceName' | 'kind' | 'conclusion' | 'reason' | 'startedAt' | 'concludedAt' | 'startedBy'>) {
  return {
    event,
    rollout: {
      id: r.id,
      cluster: r.cluster,
      serviceId: r.serviceId,
      serviceName: r.serviceName,
      kind: r.kind,
      conclusion: r.conclusion,
      reason: r.reason,
      startedAt: r.startedAt.toISOString(),
      concludedAt: r.concludedAt?.toISOString() ?? null,
      startedBy: r.startedBy,
    },
  };
}

/** A service removed through the gateway (serviceRemove). */
export interface ServiceRemoval {
  cluster: string;
  service: { id: string; name: string; labels: Record<string, string> };
  /** The principal ID that removed it. */
  by: string;
  at: Date;
}

export function serviceRemovedEventKey(removal: ServiceRemoval): string {
  return `service-removed:${removal.cluster}:${removal.service.id}`;
}

export function serviceRemovedBody(removal: ServiceRemoval) {
  return {
    event: 'SERVICE_REMOVED' as const,
    cluster: removal.cluster,
    service: { id: removal.service.id, name: removal.service.name },
    by: removal.by,
    at: removal.at.toISOString(),
  };
}
