// A nested query that reads the engine (`Cache-Control: no-cache`; the watched state's own
// counts are in watched-state.test.ts) costs a bounded number of Engine calls, whatever the
// size of its result: the same query over 1 service and over 5 services with several tasks
// each makes the same calls. Counted at the manager's socket through a proxy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../../../src/config/config.ts';
import { countingProxy, type CountingProxy } from '../../support/counting-proxy.ts';
import { expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerCli, swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'batch';
const NESTED = `{
  services(first: 100) { totalCount nodes {
    name replicas runningTasks
    networks { network { name driver } virtualIp }
    tasks { id state node { hostname role } networkAttachments { network { name } addresses } }
  } }
  nodes { nodes { hostname tasks { id service { name } } } }
}`;

describe('batched Engine reads', () => {
  let swarm: SwarmState;
  let proxy: CountingProxy;
  let gw: TestGateway;

  const createService = async (name: string, replicas: number) => {
    const r = await dockerCli(swarm.nodes[0]!, ['service', 'create', '--detach', '--no-resolve-image', '--name', name, '--replicas', String(replicas), '--network', 'batch-net', 'sg-busybox:latest', 'sleep', '600']);
    assert.equal(r.code, 0, r.stderr);
  };
  const runningTasks = async () => {
    const r = await dockerCli(swarm.nodes[0]!, ['service', 'ls', '--format', '{{.Replicas}}']);
    return r.stdout.trim().split('\n').every((line) => { const [a, b] = line.split('/'); return a === b; });
  };

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    const net = await dockerCli(swarm.nodes[0]!, ['network', 'create', '-d', 'overlay', 'batch-net']);
    assert.equal(net.code, 0, net.stderr);
    proxy = await countingProxy(swarm.nodes[0]!.socket);
    gw = await startGateway(parseConfig({ clusters: [{ name: SWARM, managers: [{ url: proxy.host }] }], logLevel: 'silent' }));
  });

  after(async () => {
    await gw?.stop();
    await proxy?.close();
    await swarmDown(SWARM);
  });

  test('the same nested query makes the same Engine calls for 1 service and for 5 services x 3 tasks', async () => {
    await createService('b0', 1);
    await waitFor('the first service to run', runningTasks);
    proxy.reset();
    const small = expectData(await gw.gql(NESTED, undefined, { fresh: true }));
    const smallCalls = [...proxy.requests].sort();
    assert.equal(small.services.totalCount, 1);

    for (let i = 1; i <= 4; i++) await createService(`b${i}`, 3);
    await waitFor('all services to run', runningTasks, 90_000);
    proxy.reset();
    const large = expectData(await gw.gql(NESTED, undefined, { fresh: true }));
    const largeCalls = [...proxy.requests].sort();
    assert.equal(large.services.totalCount, 5);
    const taskCount = large.services.nodes.reduce((n: number, s: { tasks: unknown[] }) => n + s.tasks.length, 0);
    assert.ok(taskCount >= 13, `expected at least 13 tasks, got ${taskCount}`);

    assert.equal(largeCalls.length, smallCalls.length, `calls grew with the result:\n${smallCalls.join('\n')}\n---\n${largeCalls.join('\n')}`);
    assert.ok(largeCalls.length <= 8, `more Engine calls than expected:\n${largeCalls.join('\n')}`);
  });
});
