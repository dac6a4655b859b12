// A redeploy trigger's ID and secret. The ID is part of the URL (it is not secret, only
// unguessable); the secret is shown once and only its SHA-256 is kept, so a copy of the
// database cannot fire a trigger. Hashes are compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 16 random bytes (128 bits), base64url: 22 characters. */
export function newTriggerId(): string {
  return randomBytes(16).toString('base64url');
}

/** 32 random bytes (256 bits), base64url: 43 characters. */
export function newTriggerSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 of a secret, hex (the `secret_hash` column). */
export function hashTriggerSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What an ID looks like: 22 base64url characters. Anything else cannot be a trigger's. */
export function isTriggerId(text: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(text);
}

/**
 * Whether `presented` hashes to `storedHex`, in constant time. `storedHex` null (no such
 * trigger) still hashes and compares against a fixed value, so an unknown ID and a wrong
 * secret cost the same and answer the same.
 */
export function secretMatches(storedHex: string | null, presented: string): boolean {
  const presentedHash = createHash('sha256').update(presented, 'utf8').digest();
  const stored = storedHex !== null && /^[0-9a-f]{64}$/.test(storedHex) ? Buffer.from(storedHex, 'hex') : null;
  const equal = timingSafeEqual(stored ?? NO_TRIGGER, presentedHash);
  return stored !== null && equal;
}

/** Compared against when there is no trigger: no secret hashes to it (all zero). */
const NO_TRIGGER = Buffer.alloc(32);
