// The command line of `npm run bench`: sizes and rounds, with `--quick` for a smoke run.
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Swarm sizes (services) the dashboard is measured at, ascending. */
  sizes: number[];
  /** Services that get 1 replica (a running task, a containerd shim each); the others get 0. */
  running: number;
  /** Workers joined to the one manager. */
  workers: number;
  /** Paired whole-process runs per size (gateway, then raw floor). */
  processRounds: number;
  /** In-process dashboard rounds per size (gateway and raw floor alternately). */
  inProcessRounds: number;
  /** Services whose `docker service ps` is timed when the CLI loop is sampled (above cliFullUpTo). */
  cliSample: number;
  /** Largest size at which the CLI loop runs over every service. */
  cliFullUpTo: number;
  /** Seconds of each load-generator run. */
  loadSeconds: number;
  /** Concurrent connections of the load generator. */
  loadConnections: number;
  /** Seconds of each Engine-calls-per-second window. */
  callWindowSeconds: number;
  /** Interleaved audit latency rounds (each: audited, audit off, raw). */
  auditRounds: number;
  /** Mutations in the 32-concurrent audit throughput run. */
  auditTotal: number;
  /** Build dist/ first (tsc -p tsconfig.build.json). */
  build: boolean;
  quick: boolean;
}

const USAGE = 'usage: npm run bench [-- --quick] [--sizes 20,200,1000] [--running N] [--no-build]';

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      running: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const sizes = (values.sizes ?? (quick ? '20,100' : '20,200,1000'))
    .split(',')
    .map((s) => Number(s.trim()))
    .sort((a, b) => a - b);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 5000)) throw new Error(`--sizes: whole numbers 1-5000, got ${values.sizes}\n${USAGE}`);
  const running = Number(values.running ?? (quick ? 6 : 20));
  if (!Number.isInteger(running) || running < 0) throw new Error(`--running: a whole number, got ${values.running}`);
  return {
    sizes,
    running,
    workers: 2,
    processRounds: quick ? 3 : 15,
    inProcessRounds: quick ? 10 : 100,
    cliSample: quick ? 10 : 50,
    cliFullUpTo: quick ? 20 : 1000,
    loadSeconds: quick ? 3 : 10,
    loadConnections: 16,
    callWindowSeconds: quick ? 2 : 10,
    auditRounds: quick ? 20 : 200,
    auditTotal: quick ? 128 : 640,
    build: !values['no-build'],
    quick,
  };
}
