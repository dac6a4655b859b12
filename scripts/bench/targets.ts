// The issue's targets, judged from the figures (they are goals, not timed tests): each is
// printed as met or NOT met with the figure it was judged on.
import type { AuditFigures } from './audit.ts';
import type { CliFigures } from './cli-loop.ts';
import type { DashboardFigures } from './dashboard.ts';
import type { CallsPerDashboard, CallsPerSecond } from './engine-calls.ts';
import type { LoadFigures } from './load.ts';
import { target } from './report.ts';
import { mb, ms } from './stats.ts';

export interface SizeFigures {
  size: number;
  running: number;
  dashboard: DashboardFigures;
  calls: CallsPerDashboard;
  cli: CliFigures;
}

export function judgeDashboards(sizes: SizeFigures[]): void {
  for (const s of sizes) {
    const { gateway, floor, gatewayWall, floorWall } = s.dashboard.wholeProcess;
    target(
      `dashboard at ${s.size} services, whole process, at most 1.3x the raw floor`,
      gateway / floor <= 1.3,
      `fresh process ${ms(gateway)} vs ${ms(floor)} = ${(gateway / floor).toFixed(2)}x (wall, node start-up included: ${(gatewayWall / floorWall).toFixed(2)}x)`,
    );
  }
  const at200 = sizes.find((s) => s.size === 200);
  if (!at200) {
    target('dashboard at 200 services: at least 100x faster than the CLI loop', undefined, 'no 200-service run (see --sizes)');
    target('dashboard at 200 services: in-process p50 under 3 ms from the watched state', undefined, 'no 200-service run');
  } else {
    const { gateway, gatewayWall } = at200.dashboard.wholeProcess;
    const speedup = at200.cli.ms / gateway;
    target(
      'dashboard at 200 services: at least 100x faster than the CLI loop',
      speedup >= 100,
      `CLI ${ms(at200.cli.ms)} / gateway fresh process ${ms(gateway)} = ${speedup.toFixed(1)}x (wall, node start-up included: ${(at200.cli.ms / gatewayWall).toFixed(1)}x)`,
    );
    const p50 = at200.dashboard.inProcess.gateway.p50;
    target('dashboard at 200 services: in-process p50 under 3 ms from the watched state', p50 < 3, `p50 ${ms(p50)}`);
  }
  const warm = sizes.map((s) => `${s.calls.warm} at ${s.size}`).join(', ');
  target('Engine calls per dashboard: 0 when served from the watched state', sizes.every((s) => s.calls.warm === 0), `${warm} (a dashboard right after another)`);
}

/** "The same" with 100 readers as with 1: within 20 % or 1 call/s, whichever is larger. */
export function judgeCallsPerSecond(one: CallsPerSecond, hundred: CallsPerSecond, size: number): void {
  const slack = Math.max(1, one.callsPerSecond * 0.2);
  target(
    `Engine calls/s with 100 readers the same as with 1 (within 20 % or 1/s; ${size} services)`,
    hundred.callsPerSecond <= one.callsPerSecond + slack,
    `${one.callsPerSecond.toFixed(1)}/s with 1 reader, ${hundred.callsPerSecond.toFixed(1)}/s with 100`,
  );
}

export function judgeLoad(runs: LoadFigures[]): void {
  for (const r of runs) {
    target(`${r.what}: at least 3,000 reads/s with p99 under 25 ms`, r.requestsPerSecond >= 3000 && r.p99 < 25 && r.errors + r.non2xx === 0, `${r.requestsPerSecond.toFixed(0)}/s, p99 ${ms(r.p99)}${r.errors + r.non2xx ? `, ${r.errors + r.non2xx} failed` : ''}`);
  }
}

export function judgeRss(db: 'PostgreSQL' | 'PGlite', idle: number): void {
  const limit = db === 'PostgreSQL' ? 200 : 300;
  target(`RSS idle at most ${limit} MB on ${db}`, idle <= limit * 1024 * 1024, mb(idle));
}

export function judgeAudit(figures: AuditFigures): void {
  const over = figures.audited.p50 - figures.plain.p50;
  target(`an audited mutation at most 3 ms (p50) over audit off (${figures.db})`, over <= 3, `${ms(figures.audited.p50)} vs ${ms(figures.plain.p50)}: +${ms(over)}`);
  if (figures.db === 'postgres') {
    target(
      'at least 2,000 audit records/s with 32 concurrent mutations on durable PostgreSQL',
      figures.recordsPerSecond >= 2000,
      `${figures.recordsPerSecond.toFixed(0)} records/s through the gateway (${figures.mutationsPerSecond.toFixed(0)} mutations/s; with audit off ${figures.plainMutationsPerSecond.toFixed(0)} mutations/s); the writer alone ${figures.writerRecordsPerSecond.toFixed(0)} records/s`,
    );
  }
}
