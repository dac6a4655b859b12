// The report's sections, printed on stdout as each phase ends.
import type { AuditFigures } from './audit.ts';
import type { CallsPerSecond } from './engine-calls.ts';
import type { LoadFigures } from './load.ts';
import { line, section, table } from './report.ts';
import { mb, ms, ratio } from './stats.ts';
import type { SizeFigures } from './targets.ts';

export function printDashboards(sizes: SizeFigures[], opts: { processRounds: number; inProcessRounds: number }): void {
  section('Dashboard: every service, its tasks, each task\'s node, plus networks');
  line('gateway: GraphQL pages of 100 services, in turn; raw floor: GET /services, /tasks, /nodes, /networks in parallel over the');
  line('manager\'s unix socket; CLI loop: `docker service ls` + `docker service ps` per service.');
  line(`whole process: a fresh \`node\` making the query, median of ${opts.processRounds} paired runs; "fresh process" is timed by the`);
  line('process from its first line to the answer (new connection, cold client), "wall" is the whole process with node\'s start-up');
  line('(node alone: `node -e 0`). The CLI loop is timed whole, each docker process included.');
  line(`in-process: p50/p99 of ${opts.inProcessRounds} queries to the running gateway (from the watched state), and of the raw calls.`);
  line('no-cache: the same query with `Cache-Control: no-cache` (read from the engine directly).');
  line('');
  table(
    ['services', 'tasks run', 'fresh process: gateway', 'raw floor', 'ratio', 'wall: gateway', 'raw floor', 'ratio', 'node alone', 'CLI loop', 'CLI / gateway'],
    sizes.map((s) => {
      const w = s.dashboard.wholeProcess;
      return [
        String(s.size),
        String(s.running),
        ms(w.gateway),
        ms(w.floor),
        ratio(w.gateway, w.floor),
        ms(w.gatewayWall),
        ms(w.floorWall),
        ratio(w.gatewayWall, w.floorWall),
        ms(w.nodeAlone),
        `${ms(s.cli.ms)}${s.cli.sampled ? '*' : ''}`,
        `${(s.cli.ms / w.gateway).toFixed(1)}x (wall ${(s.cli.ms / w.gatewayWall).toFixed(1)}x)`,
      ];
    }),
  );
  const sampled = sizes.filter((s) => s.cli.sampled);
  for (const s of sampled) line(`* ${s.size} services: \`service ps\` timed on ${s.cli.timedPs} of them, the loop extrapolated (ls + mean ps x ${s.size}).`);
  line('');
  table(
    ['services', 'in-proc gateway p50', 'p99', 'raw floor p50', 'p99', 'ratio p50', 'no-cache p50', 'ratio'],
    sizes.map((s) => {
      const { gateway, floor, fresh } = s.dashboard.inProcess;
      return [String(s.size), ms(gateway.p50), ms(gateway.p99), ms(floor.p50), ms(floor.p99), ratio(gateway.p50, floor.p50), ms(fresh.p50), ratio(fresh.p50, floor.p50)];
    }),
  );
  line('');
  line('Engine calls per dashboard (counting proxy in front of the manager socket):');
  table(
    ['services', 'right after another', 'after 1.5 s idle', 'no-cache'],
    sizes.map((s) => [String(s.size), String(s.calls.warm), String(s.calls.afterIdle), String(s.calls.fresh)]),
  );
  const first = sizes[0];
  if (first) {
    line(`  at ${first.size}, right after another: ${first.calls.warmLines.join(', ') || '(none)'}`);
    line(`  at ${first.size}, after idle: ${first.calls.afterIdleLines.join(', ') || '(none)'}`);
  }
}

export function printCallsPerSecond(runs: CallsPerSecond[], size: number): void {
  section(`Engine calls per second, readers asking the dashboard in a loop (${size} services)`);
  table(
    ['readers', 'dashboards/s', 'Engine calls/s', 'seconds'],
    runs.map((r) => [String(r.readers), r.dashboardsPerSecond.toFixed(1), r.callsPerSecond.toFixed(2), r.seconds.toFixed(1)]),
  );
}

export function printLoad(runs: LoadFigures[], opts: { connections: number; seconds: number; services: number }): void {
  section(`Simple reads under load (autocannon in this process, ${opts.connections} connections, ${opts.seconds} s each, API token, ${opts.services} services)`);
  table(
    ['gateway / query', 'requests/s', 'p50', 'p99', 'failed', 'gateway CPU/request', 'gateway CPU', 'peak RSS'],
    runs.map((r) => [r.what, r.requestsPerSecond.toFixed(0), ms(r.p50), ms(r.p99), String(r.errors + r.non2xx), ms(r.cpuMsPerRequest), `${(r.cpuShare * 100).toFixed(0)} % of a core`, mb(r.peakRss)]),
  );
}

export function printRss(rows: { db: string; idle: number; peak: number }[]): void {
  section('RSS of the gateway from dist/ (node dist/main.js)');
  table(
    ['database', 'idle', 'under load (peak)'],
    rows.map((r) => [r.db, mb(r.idle), mb(r.peak)]),
  );
}

export function printAudit(runs: AuditFigures[], opts: { rounds: number; total: number; commit: { p50: number; p99: number } }): void {
  section('Audited mutation (serviceUpdate of a label, service with 0 replicas)');
  line(`durable PostgreSQL's floor: one single-row INSERT committed alone, p50 ${ms(opts.commit.p50)}, p99 ${ms(opts.commit.p99)} (an intent and an outcome are two such commits)`);
  line(`latency over loopback HTTP, ${opts.rounds} rounds of (audited, audit off, raw) in turn; raw = GET /services/{id} + POST /services/{id}/update`);
  table(
    ['database', 'audited p50', 'p99', 'audit off p50', 'p99', 'raw p50', 'p99', 'audit adds (p50)'],
    runs.map((r) => [r.db, ms(r.audited.p50), ms(r.audited.p99), ms(r.plain.p50), ms(r.plain.p99), ms(r.raw.p50), ms(r.raw.p99), `+${ms(r.audited.p50 - r.plain.p50)}`]),
  );
  line('');
  line(`32 concurrent mutations through the audited gateway, ${opts.total} in all, then the same through the gateway with audit off;`);
  line('the writer alone: 32 concurrent intent+outcome pairs, no engine, no HTTP');
  table(
    ['database', 'audited mutations/s', 'audit records/s', 'records', 'audit off mutations/s', 'writer alone records/s'],
    runs.map((r) => [r.db, r.mutationsPerSecond.toFixed(0), r.recordsPerSecond.toFixed(0), String(r.records), r.plainMutationsPerSecond.toFixed(0), r.writerRecordsPerSecond.toFixed(0)]),
  );
}
