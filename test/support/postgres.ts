// Test support: a throwaway PostgreSQL 15 cluster from scripts/postgres.sh (root needed).
// Names are made unique per process so parallel test files never share a cluster.
// Clusters are durable (fsync, synchronous_commit, full_page_writes on) unless a test
// asks for `fast` ones, which an immediate stop can make lose acknowledged commits.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/postgres.sh');

export interface PostgresCluster {
  /** postgresql://postgres@127.0.0.1:PORT/postgres (trust auth, loopback only). */
  url: string;
  /**
   * Stops the server but keeps its files (a database outage); `start` brings it back.
   * `fast` (default) shuts down cleanly; `immediate` kills it as a crash would.
   */
  pause(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts a paused cluster again on the same data dir and port. */
  start(): Promise<void>;
  /** Stops the cluster and deletes its files; safe to call twice. */
  stop(): Promise<void>;
  /** The running postmaster's PID (from its postmaster.pid), e.g. to freeze it with SIGSTOP. */
  postmasterPid(): number;
}

export interface PostgresOptions {
  /** Without fsync, synchronous_commit and full_page_writes (SG_PG_FAST=1): only for tests that never check durability. */
  fast?: boolean;
}

export async function postgresUp(name: string, opts: PostgresOptions = {}): Promise<PostgresCluster> {
  const unique = `${name}-${process.pid}`;
  let out: { stdout: string };
  try {
    out = await run('bash', [SCRIPT, 'up', unique], { timeout: 5 * 60_000, env: { ...process.env, SG_PG_FAST: opts.fast ? '1' : '0' } });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`postgres.sh up ${unique} failed: ${e.stderr?.trim() || e.message}`);
  }
  const url = out.stdout.trim();
  let stopped = false;
  // scripts/postgres.sh keeps each cluster's data in $SG_PG_ROOT/NAME/data.
  const pidFile = path.join(process.env.SG_PG_ROOT || '/var/lib/sg-pg', unique, 'data', 'postmaster.pid');
  return {
    url,
    postmasterPid: () => Number(readFileSync(pidFile, 'utf8').split('\n')[0]),
    async pause(mode = 'fast') {
      await run('bash', [SCRIPT, 'pause', unique, mode], { timeout: 60_000 });
    },
    async start() {
      await run('bash', [SCRIPT, 'start', unique], { timeout: 90_000 });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await run('bash', [SCRIPT, 'stop', unique], { timeout: 60_000 });
    },
  };
}
