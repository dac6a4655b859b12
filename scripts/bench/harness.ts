// What the benchmark stands on, started here and stopped by the cleanup steps: dist/ built,
// a harness swarm (one manager, N workers; scripts/swarm.sh), a durable throwaway PostgreSQL
// (scripts/postgres.sh), and the gateway's config for that swarm.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { configFor, withTestIdentity } from '../../test/support/gateway.ts';
import { postgresUp, type PostgresCluster } from '../../test/support/postgres.ts';
import { swarmDown, swarmUp, type SwarmState } from '../../test/support/swarm.ts';
import { onCleanup } from './cleanup.ts';
import { ROOT } from './paths.ts';
import { progress } from './report.ts';

const execFileP = promisify(execFile);
export const SWARM = 'bench';

/**
 * Compiles src/ into dist/ (tsconfig.build.json), as `npm run build` does after its two
 * generators; their outputs (src/generated/graphql.ts, committed, and the Prisma client,
 * made by `npm ci`) are already there, and regenerating them here would rewrite sources.
 */
export async function buildDist(): Promise<void> {
  progress('building dist/ (tsc -p tsconfig.build.json)...');
  await execFileP(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, timeout: 10 * 60_000 }).catch((err: { stdout?: string; message: string }) => {
    throw new Error(`build failed: ${err.stdout?.slice(0, 4000) || err.message}`);
  });
}

export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-bench-'));
  onCleanup(`remove ${dir}`, async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function startSwarm(workers: number): Promise<SwarmState> {
  progress(`starting swarm "${SWARM}" (1 manager, ${workers} workers)...`);
  // A swarm left by an earlier run that was killed outright goes first.
  await swarmDown(SWARM);
  onCleanup(`swarm down ${SWARM}`, () => swarmDown(SWARM));
  return swarmUp(SWARM, { workers });
}

export async function startPostgres(): Promise<PostgresCluster> {
  progress('starting PostgreSQL (durable: fsync, synchronous_commit, full_page_writes on)...');
  const pg = await postgresUp('bench', { fast: false });
  onCleanup('stop PostgreSQL', () => pg.stop());
  return pg;
}

/**
 * The gateway's config for the swarm (raw JSON, as GATEWAY_CONFIG holds it): the test
 * identity provider trusted, rate limiting off (the load generator is one principal and
 * would otherwise be refused after 600 requests a minute), logging at warn.
 */
export function gatewayConfig(swarm: SwarmState, managerUrl?: string): Record<string, unknown> {
  const config = withTestIdentity(configFor([swarm]));
  const clusters = managerUrl ? config.clusters.map((c) => ({ ...c, managers: [{ url: managerUrl }] })) : config.clusters;
  return {
    clusters,
    engines: config.engines,
    auth: { oidc: config.auth.oidc },
    limits: { rateLimitRequests: 0 },
    logLevel: 'warn',
  };
}
