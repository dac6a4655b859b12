// Connections to PostgreSQL beside Prisma's: a small pool for queries a library makes itself
// (the shared rate limits) and dedicated sessions for what lives in a session (LISTEN, a
// session-level advisory lock). The driver is loaded on use, like in client.ts. Both always
// have an 'error' listener: a connection lost while idle emits one, which unheard would end
// the process; the caller decides what a lost connection means.
import type pg from 'pg';

/**
 * A pool of at most `max` connections whose connects and queries fail after `timeoutMs` (the
 * caller has a fallback and must not hang with a hung server); errors of idle connections go
 * to `onError`.
 */
export async function openPgPool(url: string, onError: (err: Error) => void, opts: { max: number; timeoutMs: number }): Promise<pg.Pool> {
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({ connectionString: url, max: opts.max, connectionTimeoutMillis: opts.timeoutMs, query_timeout: opts.timeoutMs });
  pool.on('error', onError);
  return pool;
}

/**
 * A dedicated session, connected. `onLost` is called once when it fails or ends (the caller
 * reconnects with a new one); a failed connect rejects and calls nothing.
 */
export async function connectPgSession(url: string, onLost: (err: Error) => void): Promise<pg.Client> {
  const { default: driver } = await import('pg');
  // keepAlive: a server that vanished (a network cut, not a clean close) is noticed.
  const client = new driver.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true, keepAliveInitialDelayMillis: 5_000 });
  let lost = false;
  const lose = (err: Error) => {
    if (lost) return;
    lost = true;
    onLost(err);
  };
  client.on('error', (err) => {
    lose(err);
    void client.end().catch(() => undefined);
  });
  try {
    await client.connect();
  } catch (err) {
    lost = true;
    void client.end().catch(() => undefined);
    throw err;
  }
  client.on('end', () => lose(new Error('the PostgreSQL session ended')));
  return client;
}
