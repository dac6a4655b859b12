// `npm run fuzz -- --seed N --requests M [--malformed-share 0.25] [--json]`: sends M
// requests generated from schema.graphql and from malformed-HTTP and limit shapes (seeded:
// the same N gives the same requests) to a gateway on a harness swarm it starts and stops
// itself (root needed, as for the e2e tests), and reports crashes, hangs, INTERNAL codes,
// non-JSON answers, errors without a code, stack traces, file paths or secrets in errors,
// and engine changes made by refused mutations. Exit code 1 when there is any finding.
import { parseArgs } from 'node:util';
import { runFuzz, type FuzzReport } from './fuzz/run.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    requests: { type: 'string', default: '2000' },
    'malformed-share': { type: 'string', default: '0.25' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});

function summary(report: FuzzReport): string {
  const lines = [
    `fuzz: seed ${report.seed}, ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, ${Object.keys(report.shapes).length} request shapes`,
    `  statuses: ${JSON.stringify(report.statuses)}`,
    `  codes: ${JSON.stringify(report.codes)}`,
    `  crashes: ${report.crashes}; error-level log lines: ${report.errorLogLines}; findings: ${report.findings.length}`,
  ];
  const byKind = new Map<string, number>();
  for (const f of report.findings) byKind.set(`${f.kind} ${f.shape}`, (byKind.get(`${f.kind} ${f.shape}`) ?? 0) + 1);
  for (const [key, count] of [...byKind].sort()) lines.push(`  ${count} x ${key}`);
  const seen = new Set<string>();
  for (const f of report.findings) {
    const key = `${f.kind} ${f.shape}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`- ${key}\n    request: ${f.request}\n    ${f.detail}`);
  }
  return lines.join('\n');
}

const seed = Number(values.seed);
const requests = Number(values.requests);
const malformedShare = Number(values['malformed-share']);
if (!Number.isInteger(seed) || !Number.isInteger(requests) || requests < 1 || !(malformedShare >= 0 && malformedShare <= 1)) {
  console.error('usage: npm run fuzz -- --seed <integer> --requests <count> [--malformed-share 0..1] [--json]');
  process.exit(2);
}
const report = await runFuzz({ seed, requests, malformedShare, log: (line) => console.error(`fuzz: ${line}`) });
console.log(values.json ? JSON.stringify(report, null, 2) : summary(report));
process.exitCode = report.findings.length > 0 ? 1 : 0;
