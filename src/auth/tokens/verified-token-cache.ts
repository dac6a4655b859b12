// API tokens verified recently, by the SHA-256 of the token (never the token itself), so a
// request within `ttlMs` of the last verification needs no database. Only tokens that
// passed every check are kept; the size is bounded so a flood of distinct valid tokens
// cannot grow it without limit (the oldest entry goes first). A token revoked through this
// process leaves every cache at once (forgetToken); one revoked elsewhere (the CLI, another
// gateway process) is honoured once its entry is older than the cache time.
// The row type straight from the database client: token-store.ts imports this file.
import type { ApiToken as ApiTokenRow } from '../../generated/prisma/client.ts';

const MAX_ENTRIES = 10_000;

/** Every cache of this process, so that a revocation here reaches them all. */
const liveCaches = new Set<WeakRef<VerifiedTokenCache>>();

/** Drops token `id` from every cache of this process (it was just revoked). */
export function forgetToken(id: string): void {
  for (const ref of liveCaches) {
    const cache = ref.deref();
    if (cache) cache.forget(id);
    else liveCaches.delete(ref);
  }
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, { row: ApiTokenRow; verifiedAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    liveCaches.add(new WeakRef(this));
  }

  forget(id: string): void {
    for (const [hash, entry] of this.entries) if (entry.row.id === id) this.entries.delete(hash);
  }

  /** The row as it was verified, when that was less than `ttlMs` ago. */
  get(hash: string): ApiTokenRow | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (this.now() - entry.verifiedAt < this.ttlMs) return entry.row;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, row: ApiTokenRow): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(hash);
    this.entries.set(hash, { row, verifiedAt: this.now() });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}
