// Simple reads under a load generator on the same machine (autocannon, programmatic):
// requests per second and latency percentiles, with the gateway's RSS sampled meanwhile.
import autocannon from 'autocannon';

export interface LoadFigures {
  what: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Largest RSS of the gateway seen during the run, in bytes. */
  peakRss: number;
  /** The gateway's CPU time per request, in ms, and its share of one core during the run. */
  cpuMsPerRequest: number;
  cpuShare: number;
}

export const WHOAMI = '{ whoami { id kind } }';
export const SERVICES_20 = '{ services(first: 20) { totalCount nodes { id name replicas } } }';

export async function loadRun(what: string, url: string, authorization: string, query: string, opts: { seconds: number; connections: number; rss: () => number; cpuSeconds: () => number }): Promise<LoadFigures> {
  let peakRss = opts.rss();
  const cpuBefore = opts.cpuSeconds();
  const started = performance.now();
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, opts.rss());
    } catch {
      // the process is gone; the run will show errors
    }
  }, 250);
  try {
    const result = await autocannon({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query }),
      connections: opts.connections,
      duration: opts.seconds,
    });
    const cpu = opts.cpuSeconds() - cpuBefore;
    const wall = (performance.now() - started) / 1000;
    return {
      what,
      cpuMsPerRequest: (cpu * 1000) / Math.max(1, result.requests.total),
      cpuShare: cpu / wall,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      peakRss,
    };
  } finally {
    clearInterval(sampler);
  }
}
