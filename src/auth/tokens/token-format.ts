// The API token's text: `sgw_<prefix>_<secret>`. The prefix (8 letters and digits) is the
// visible part that finds the token's row and lets people recognise it in lists and logs;
// the secret is 32 random bytes in base64url. Only the SHA-256 of the whole string is
// stored: a 256-bit random secret cannot be guessed, so a slow password hash would add
// cost to every request and no safety.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../authenticate.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const PREFIX_LENGTH = 8;
export const SECRET_BYTES = 32;
/** base64url of SECRET_BYTES bytes, without padding. */
const SECRET_LENGTH = Math.ceil((SECRET_BYTES * 4) / 3);

const TOKEN = new RegExp(`^${API_TOKEN_PREFIX}([A-Za-z0-9]{${PREFIX_LENGTH}})_([A-Za-z0-9_-]{${SECRET_LENGTH}})$`);
const PREFIX = new RegExp(`^[A-Za-z0-9]{${PREFIX_LENGTH}}$`);

export interface GeneratedToken {
  /** The whole token, shown once. */
  token: string;
  prefix: string;
  /** SHA-256 (hex) of `token`: what is stored. */
  hash: string;
}

export function generateToken(): GeneratedToken {
  // randomInt draws without modulo bias.
  const prefix = Array.from({ length: PREFIX_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const token = `${API_TOKEN_PREFIX}${prefix}_${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { token, prefix, hash: hashToken(token) };
}

/** The prefix of a well-formed token, or null. */
export function parseToken(token: string): { prefix: string } | null {
  const m = TOKEN.exec(token);
  return m ? { prefix: m[1]! } : null;
}

export function isTokenPrefix(text: string): boolean {
  return PREFIX.test(text);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
