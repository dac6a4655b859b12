// The dashboard with the docker CLI, as a script without the gateway gets it:
// `docker service ls`, then `docker service ps <service>` for each service. Above
// `fullUpTo` services only a sample of the `service ps` calls is timed and the loop's time
// is extrapolated (ls + mean ps x services); the result says so.
import { dockerOk, type SwarmNode } from '../../test/support/swarm.ts';
import { timed } from './stats.ts';

export interface CliFigures {
  ms: number;
  /** Services whose `service ps` was timed (all of them unless sampled). */
  timedPs: number;
  sampled: boolean;
}

export async function measureCliLoop(manager: SwarmNode, size: number, opts: { fullUpTo: number; sample: number; rounds: number }): Promise<CliFigures> {
  const docker = (...args: string[]) => dockerOk(manager, args);
  const sampled = size > opts.fullUpTo;
  const results: number[] = [];
  let timedPs = 0;
  for (let round = 0; round < (sampled ? 1 : opts.rounds); round++) {
    let names: string[] = [];
    const ls = await timed(async () => {
      names = (await docker('service', 'ls', '--format', '{{.Name}}')).trim().split('\n').filter(Boolean);
    });
    const picked = sampled ? names.filter((_, i) => i % Math.ceil(names.length / opts.sample) === 0) : names;
    let ps = 0;
    for (const name of picked) ps += await timed(() => docker('service', 'ps', name));
    timedPs = picked.length;
    results.push(ls + (sampled ? (ps / picked.length) * names.length : ps));
  }
  results.sort((a, b) => a - b);
  return { ms: results[Math.floor((results.length - 1) / 2)]!, timedPs, sampled };
}
