// How a delivery is signed, and how a receiver checks one. The scheme: HMAC-SHA256, under
// the webhook's secret, of `<timestamp>.<body>` (the unix seconds sent as
// X-Swarm-Gateway-Timestamp, a dot, the exact bytes of the body), hex, sent as
// `X-Swarm-Gateway-Signature: v1=<hex>`. The timestamp is inside the MAC so a receiver can
// refuse an old delivery replayed later; the `v1=` prefix leaves room for another scheme.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Swarm-Gateway-Signature';
export const TIMESTAMP_HEADER = 'X-Swarm-Gateway-Timestamp';
export const EVENT_HEADER = 'X-Swarm-Gateway-Event';
export const DELIVERY_HEADER = 'X-Swarm-Gateway-Delivery';

/** How old (or how far ahead) a timestamp may be by default: 5 minutes, as Stripe's and Slack's receivers use. */
export const DEFAULT_TOLERANCE_S = 300;

/** The header value `v1=<hex>` for a body sent at `timestamp` (unix seconds). */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `v1=${hmacHex(secret, timestamp, body)}`;
}

export type SignatureVerdict = { valid: true } | { valid: false; reason: string };

/**
 * A receiver's check, written to be copied: the timestamp must be a whole number of seconds
 * within `toleranceS` of `nowS` (a replay of an old delivery fails here), and the header
 * must carry a `v1=` signature equal to the expected one, compared in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number,
  body: string,
  header: string | null | undefined,
  nowS: number,
  toleranceS: number = DEFAULT_TOLERANCE_S,
): SignatureVerdict {
  const ts = typeof timestamp === 'number' ? timestamp : /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (!Number.isSafeInteger(ts)) return { valid: false, reason: 'the timestamp is not unix seconds' };
  if (Math.abs(nowS - ts) > toleranceS) return { valid: false, reason: `the timestamp is more than ${toleranceS} s away from now` };
  const match = /^v1=([0-9a-f]{64})$/.exec(header?.trim() ?? '');
  if (!match) return { valid: false, reason: 'no v1= signature' };
  const given = Buffer.from(match[1]!, 'hex');
  const expected = Buffer.from(hmacHex(secret, ts, body), 'hex');
  // Both are 32 bytes here (the regex), which timingSafeEqual needs.
  return timingSafeEqual(given, expected) ? { valid: true } : { valid: false, reason: 'the signature does not match' };
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}
