// The checks of webhookCreate's and webhookUpdate's fields, each returning its userErrors.
import { randomBytes } from 'node:crypto';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import type { WebhookEvent } from '../../generated/graphql.ts';
import type { UrlAllowList } from '../../webhooks/url-allow-list.ts';

export const SECRET_LENGTH = { min: 32, max: 256 } as const;
export const MAX_DESCRIPTION = 200;

/** A new signing secret: 32 random bytes, base64url (43 characters). */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function urlErrors(allowList: UrlAllowList, url: string): UserErrorInit[] {
  const verdict = allowList.check(url);
  if (verdict.allowed) return [];
  return [userError(['input', 'url'], verdict.problem === 'host' ? 'NOT_PERMITTED' : 'INVALID_VALUE', verdict.reason)];
}

export function eventsErrors(events: readonly WebhookEvent[]): UserErrorInit[] {
  return events.length === 0 ? [userError(['input', 'events'], 'INVALID_VALUE', 'Name at least one event the webhook is told about.')] : [];
}

export function secretErrors(secret: string): UserErrorInit[] {
  if (secret.length >= SECRET_LENGTH.min && secret.length <= SECRET_LENGTH.max) return [];
  return [userError(['input', 'secret'], 'INVALID_VALUE', `The secret must be ${SECRET_LENGTH.min}-${SECRET_LENGTH.max} characters long (it has ${secret.length}); omit it to have the gateway make one.`)];
}

export function descriptionErrors(description: string): UserErrorInit[] {
  return description.length > MAX_DESCRIPTION ? [userError(['input', 'description'], 'INVALID_VALUE', `The description is ${description.length} characters; at most ${MAX_DESCRIPTION}.`)] : [];
}

/** The events without repeats, in the schema's order. */
export function distinctEvents(events: readonly WebhookEvent[]): WebhookEvent[] {
  return [...new Set(events)].sort();
}
