// Hears revocations made by other processes on the same PostgreSQL (another gateway replica,
// `npm run token:revoke`): a dedicated session LISTENs on REVOCATION_CHANNEL and each NOTIFY
// (a token ID) drops that token from this process's caches, so it is refused here as soon as
// the revoking transaction commits, not after `auth.tokenCacheMs`. The session reconnects
// every RECONNECT_MS while it is lost; revocations announced meanwhile were not heard, so
// once it listens again it reads the tokens revoked recently enough to be cached still (a
// cache entry lives `cacheMs`; CLOCK_MARGIN_MS more for other processes' clocks) and
// forgets those: the cache keeps every other token, so reads go on if the database then
// freezes. Should that read fail, every cache is emptied instead. While the session is down
// the cache time is the bound again. Subscriptions open with a
// revoked token end at their next credential check (ws-sessions.ts), as for a local revocation.
import type { Logger } from 'pino';
import type pg from 'pg';
import { connectPgSession } from '../../db/pg-connections.ts';
import { REVOCATION_CHANNEL } from './revocation-channel.ts';
import { forgetAllTokens, forgetToken } from './verified-token-cache.ts';

const RECONNECT_MS = 1_000;
/** How far another process's clock (it writes revoked_at) may be behind this one's. */
const CLOCK_MARGIN_MS = 60_000;

export interface RevocationListener {
  /** Settles once the first LISTEN is in place (or its first attempt failed; it keeps trying). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/** `cacheMs`: `auth.tokenCacheMs`, how long a verified token may be served from a cache. */
export function listenForRevocations(url: string, logger: Logger, opts: { cacheMs: number; reconnectMs?: number }): RevocationListener {
  const reconnectMs = opts.reconnectMs ?? RECONNECT_MS;
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    try {
      const session = await connectPgSession(url, (err) => {
        client = null;
        if (stopped) return;
        logger.warn({ err }, 'the token revocation listener lost its PostgreSQL session; revocations by other processes take up to auth.tokenCacheMs until it is back');
        schedule();
      });
      session.on('notification', (message) => {
        if (message.channel === REVOCATION_CHANNEL && message.payload) forgetToken(message.payload);
      });
      await session.query(`LISTEN ${REVOCATION_CHANNEL}`);
      if (stopped) {
        await session.end().catch(() => undefined);
        return;
      }
      client = session;
      await forgetMissed(session);
    } catch (err) {
      if (stopped) return;
      logger.warn({ err }, 'the token revocation listener could not listen on PostgreSQL; retrying');
      schedule();
    }
  };
  /** After LISTEN (so nothing falls between): the revocations this process may have missed. */
  const forgetMissed = async (session: pg.Client) => {
    try {
      const since = new Date(Date.now() - opts.cacheMs - CLOCK_MARGIN_MS);
      const { rows } = await session.query<{ id: string }>('SELECT id FROM api_tokens WHERE revoked_at >= $1', [since]);
      for (const { id } of rows) forgetToken(id);
    } catch (err) {
      logger.warn({ err }, 'recent revocations could not be read after listening again; every cached token is verified anew');
      forgetAllTokens();
    }
  };
  const schedule = () => {
    if (retry || stopped) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, reconnectMs);
    retry.unref();
  };

  return {
    ready: connect(),
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const session = client;
      client = null;
      await session?.end().catch(() => undefined);
    },
  };
}
