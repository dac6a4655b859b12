// API tokens verified recently, by the SHA-256 of the token (never the token itself), so a
// request within `ttlMs` of the last verification needs no database. Only tokens that
// passed every check are kept; the size is bounded so a flood of distinct valid tokens
// cannot grow it without limit (the oldest entry goes first). A token revoked through this
// process leaves every cache at once (forgetToken); one revoked elsewhere (the CLI, another
// gateway process) as soon as its NOTIFY arrives on PostgreSQL (revocation-listener.ts), and
// in any case once its entry is older than the cache time. An entry's age
// counts from the moment its lookup was asked for, not answered, so a revocation committed
// while the lookup was under way is honoured within `ttlMs` of it too.
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

/** Empties every cache of this process: revocations made elsewhere may have been missed (the listener was disconnected). */
export function forgetAllTokens(): void {
  for (const ref of liveCaches) {
    const cache = ref.deref();
    if (cache) cache.forgetAll();
    else liveCaches.delete(ref);
  }
}

/** Taken before a database lookup, handed to `set` with the row it found. */
export interface LookupMark {
  readonly at: number;
  readonly revocations: number;
}

export class VerifiedTokenCache {
  private readonly entries = new Map<string, { row: ApiTokenRow; verifiedAt: number }>();
  /** Revocations seen by this cache so far (see mark). */
  private revocations = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    liveCaches.add(new WeakRef(this));
  }

  forget(id: string): void {
    this.revocations++;
    for (const [hash, entry] of this.entries) if (entry.row.id === id) this.entries.delete(hash);
  }

  forgetAll(): void {
    this.revocations++;
    this.entries.clear();
  }

  /**
   * A lookup's start. A row read before a revocation in this process and handed to `set`
   * after it would put the revoked token back for a whole `ttlMs`: `set` keeps nothing
   * when any token was forgotten since the mark (the next request asks the database).
   */
  mark(): LookupMark {
    return { at: this.now(), revocations: this.revocations };
  }

  /** The row as it was verified, when its lookup began less than `ttlMs` ago. */
  get(hash: string): ApiTokenRow | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (this.now() - entry.verifiedAt < this.ttlMs) return entry.row;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, row: ApiTokenRow, mark: LookupMark): void {
    if (this.ttlMs <= 0 || mark.revocations !== this.revocations) return;
    this.entries.delete(hash);
    this.entries.set(hash, { row, verifiedAt: mark.at });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}
