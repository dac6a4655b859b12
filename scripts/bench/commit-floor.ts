// The durable database's own floor under the audit figures: the latency of one committed
// single-row INSERT (each commit waits for its WAL flush, fsync on), what an intent or an
// outcome appended alone cannot go below on this disk.
import pg from 'pg';
import { percentile } from './stats.ts';

export async function commitLatency(url: string, rounds: number): Promise<{ p50: number; p99: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS bench_commit_floor (id serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())');
    const samples: number[] = [];
    for (let i = 0; i < rounds + 10; i++) {
      const started = performance.now();
      await client.query('INSERT INTO bench_commit_floor DEFAULT VALUES');
      if (i >= 10) samples.push(performance.now() - started);
    }
    return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_commit_floor').catch(() => undefined);
    await client.end();
  }
}
