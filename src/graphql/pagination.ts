// Relay cursor connections over lists the Engine returns whole. Items are sorted by a
// stable key (name, then ID) so pages do not shift between requests; the cursor is that
// key, opaque to callers.
import { GatewayError } from '../errors/gateway-error.ts';
import { pageSize } from './page-size.ts';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

// A cursor is `k:<key>` in base64url. The marker and the strict decoding tell a cursor the
// gateway gave out from anything else (garbage, another API's cursor), which is BAD_REQUEST.
const CURSOR_MARK = 'k:';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const encode = (key: string) => Buffer.from(`${CURSOR_MARK}${key}`, 'utf8').toString('base64url');

/** A cursor for `key`, for connections that page in their store (rollouts) rather than here. */
export const encodeCursor = encode;

/** The key in a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  if (!BASE64URL.test(cursor)) return null;
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes.toString('base64url') !== cursor) return null;
  const text = bytes.toString('utf8');
  return text.startsWith(CURSOR_MARK) && Buffer.from(text, 'utf8').equals(bytes) ? text.slice(CURSOR_MARK.length) : null;
}

/** BAD_REQUEST for an `after` that is not a cursor of this connection. */
export function invalidCursor(): GatewayError {
  return new GatewayError('BAD_REQUEST', 'the cursor given in after is not one this gateway gave out; pass pageInfo.endCursor of the previous page', { argument: 'after' });
}

export function paginate<T>(items: T[], keyOf: (item: T) => string, args: { first?: number | null; after?: string | null }): Connection<T> {
  const first = pageSize(args.first);
  const sorted = items.map((item) => ({ key: keyOf(item), item })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let start = 0;
  if (args.after) {
    const after = decodeCursor(args.after);
    if (after === null) throw invalidCursor();
    start = sorted.findIndex((e) => e.key > after);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + first);
  const edges = page.map((e) => ({ cursor: encode(e.key), node: e.item }));
  return {
    edges,
    nodes: page.map((e) => e.item),
    pageInfo: {
      hasNextPage: start + first < sorted.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: sorted.length,
  };
}

/** Sort key: a name then the ID, separated by a character names cannot contain. */
export const nameKey = (name: string, id: string) => `${name}\u0000${id}`;
