// The overlay networking guide's service walkthrough, through the gateway, on a real swarm
// of one manager and two workers: moving a service from one overlay to another, a
// host-mode published port answering on every node, and DNS round robin seen from a
// standalone container. Results are checked through the Engine and the nodes themselves.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerCli, dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'svc-net-e2e';
const IMAGE = 'sg-busybox:latest';
/** Runs `cmd` under a shell that exits at once on SIGTERM, so task replacement is quick. */
const quickStop = (cmd: string) => ['sh', '-c', `trap "exit 0" TERM; ${cmd} & wait`];

type Json = Record<string, any>;

describe('service networking', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let nodeIds: Map<string, string>;

  function docker(...args: string[]): Promise<string> {
    return dockerOk(manager, args);
  }
  const inspectJson = async (...args: string[]): Promise<Json[]> => JSON.parse(await docker(...args)) as Json[];
  const networkId = async (name: string) => (await docker('network', 'inspect', '--format', '{{.Id}}', name)).trim();
  /** The running tasks of a service, as `docker inspect` shows them. */
  async function runningTasks(service: string): Promise<Json[]> {
    const ids = (await docker('service', 'ps', '-q', '--no-trunc', '--filter', 'desired-state=running', service)).split('\n').filter(Boolean);
    if (ids.length === 0) return [];
    return (await inspectJson('inspect', ...ids)).filter((t) => t.Status.State === 'running');
  }
  const waitRunning = (service: string, count: number) =>
    waitFor(`${count} running tasks of ${service}`, async () => {
      const tasks = await runningTasks(service);
      return tasks.length === count ? tasks : null;
    }, 120_000);

  async function mutate(field: string, type: string, input: Json): Promise<Json> {
    const res = await gw.gql(`mutation($input: ${type}!) { ${field}(input: $input) { service { id name } userErrors { field code message } } }`, { input });
    const payload = expectData(res)[field] as Json;
    assert.deepEqual(payload.userErrors, []);
    return payload.service as Json;
  }

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 2 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    gw = await startGateway(configFor([swarm]));
    const nodes = await inspectJson('node', 'inspect', ...swarm.nodes.map((n) => n.hostname));
    nodeIds = new Map(nodes.map((n) => [n.Description.Hostname as string, n.ID as string]));
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('a service moved from one overlay to another: its tasks attach to the second only', async () => {
    await docker('network', 'create', '-d', 'overlay', 'nginx-net');
    await docker('network', 'create', '-d', 'overlay', 'nginx-net-2');
    const [first, second] = [await networkId('nginx-net'), await networkId('nginx-net-2')];
    await mutate('serviceCreate', 'ServiceCreateInput', {
      name: 'my-nginx',
      image: IMAGE,
      args: quickStop('httpd -f -p 80'),
      replicas: 5,
      publish: ['target=80,published=8080'],
      networks: [{ target: 'nginx-net' }],
    });
    const before = await waitRunning('my-nginx', 5);
    for (const t of before) assert.ok(t.NetworksAttachments.some((a: Json) => a.Network.ID === first));
    // Spread over the three nodes, so every node has a task on the network.
    assert.equal(new Set(before.map((t) => t.NodeID)).size, 3);

    await mutate('serviceUpdate', 'ServiceUpdateInput', { id: 'my-nginx', networkAdd: [{ target: 'nginx-net-2' }], networkRemove: ['nginx-net'] });
    const service = (await inspectJson('service', 'inspect', 'my-nginx'))[0]!;
    assert.deepEqual(service.Spec.TaskTemplate.Networks, [{ Target: second }]);

    const after = await waitFor('every running task on nginx-net-2 only', async () => {
      const tasks = await runningTasks('my-nginx');
      const moved = tasks.length === 5 && tasks.every((t) => {
        const ids = t.NetworksAttachments.map((a: Json) => a.Network.ID);
        return ids.includes(second) && !ids.includes(first);
      });
      return moved ? tasks : null;
    }, 180_000);
    assert.equal(after.filter((t) => before.some((b) => b.ID === t.ID)).length, 0, 'every task was replaced');
    await waitFor('the VIPs to follow', async () => {
      const vips = ((await inspectJson('service', 'inspect', 'my-nginx'))[0]!.Endpoint.VirtualIPs as Json[]).map((v) => v.NetworkID);
      return vips.includes(second) && !vips.includes(first);
    });

    // The networks, inspected on the manager: the service is on the second, not the first.
    await waitFor('the network inspections to show the move', async () => {
      const [one] = await inspectJson('network', 'inspect', '--verbose', 'nginx-net');
      const [two] = await inspectJson('network', 'inspect', '--verbose', 'nginx-net-2');
      return !Object.keys(one!.Services ?? {}).includes('my-nginx') && Object.keys(two!.Services ?? {}).includes('my-nginx');
    });
    // The gateway agrees: the service lists only the second network.
    const read = expectData(await gw.gql('{ service(id: "my-nginx") { networks { network { name } } } }')).service as Json;
    assert.deepEqual(read.networks, [{ network: { name: 'nginx-net-2' } }]);
  });

  test('a mode=host published port answers on every node\'s own address', async () => {
    await mutate('serviceCreate', 'ServiceCreateInput', {
      name: 'host-web',
      image: IMAGE,
      mode: 'GLOBAL',
      args: quickStop('mkdir -p /www && hostname > /www/index.html && httpd -f -p 80 -h /www'),
      publish: ['published=8088,target=80,mode=host'],
    });
    const tasks = await waitRunning('host-web', 3);
    const spec = (await inspectJson('service', 'inspect', 'host-web'))[0]!.Spec.EndpointSpec.Ports;
    assert.deepEqual(spec, [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8088, PublishMode: 'host' }]);
    for (const node of swarm.nodes) {
      const body = await waitFor(`an answer from ${node.addr}:8088`, async () => {
        const text = await httpGet(node.addr, 8088);
        return text.includes('200 OK') ? text : null;
      });
      // The page is the hostname of the task container that answered: a task on that node.
      const task = tasks.find((t) => t.NodeID === nodeIds.get(node.hostname));
      assert.ok(task, `a task on ${node.hostname}`);
      assert.ok(body.trimEnd().endsWith(task.Status.ContainerStatus.ContainerID.slice(0, 12)), body);
    }

    async function httpGet(host: string, port: number): Promise<string> {
      return new Promise((resolve, reject) => {
        const socket = net.connect({ host, port });
        const chunks: Buffer[] = [];
        socket.setTimeout(5_000, () => socket.destroy(new Error('timeout')));
        socket.on('connect', () => socket.write('GET / HTTP/1.0\r\n\r\n'));
        socket.on('data', (d: Buffer) => chunks.push(d));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
    }
  });

  test('endpointMode DNSRR: tasks.<service> and the name resolve to every task, as the gateway says', async () => {
    await docker('network', 'create', '-d', 'overlay', '--attachable', 'rr-net');
    const rrNet = await networkId('rr-net');
    await mutate('serviceCreate', 'ServiceCreateInput', {
      name: 'rr',
      image: IMAGE,
      args: quickStop('while true; do sleep 1; done'),
      replicas: 3,
      endpointMode: 'DNSRR',
      networks: [{ target: 'rr-net' }],
    });
    const tasks = await waitRunning('rr', 3);
    const taskAddresses = tasks
      .map((t) => (t.NetworksAttachments as Json[]).find((a) => a.Network.ID === rrNet)!.Addresses[0].split('/')[0] as string)
      .sort(byAddress);
    assert.equal(new Set(taskAddresses).size, 3);
    assert.equal((await inspectJson('service', 'inspect', 'rr'))[0]!.Spec.EndpointSpec.Mode, 'dnsrr');

    await docker('run', '-d', '--name', 'rr-probe', '--network', 'rr-net', IMAGE, 'sleep', '600');
    const lookup = async (name: string) => {
      const r = await dockerCli(manager, ['exec', 'rr-probe', 'nslookup', name]);
      return parseNslookup(r.stdout);
    };
    await waitFor('DNS to answer with all three tasks', async () => (await lookup('tasks.rr')).length === 3);
    const dnsTasks = await lookup('tasks.rr');
    const dnsName = await lookup('rr');
    assert.deepEqual(dnsTasks, taskAddresses);
    assert.deepEqual(dnsName, taskAddresses);

    const discovery = (expectData(await gw.gql('{ service(id: "rr") { endpointMode discovery { network name addresses kind } } }')).service as Json);
    assert.equal(discovery.endpointMode, 'DNSRR');
    assert.deepEqual(discovery.discovery, [
      { network: 'rr-net', name: 'rr', addresses: taskAddresses, kind: 'TASKS' },
      { network: 'rr-net', name: 'tasks.rr', addresses: taskAddresses, kind: 'TASKS' },
    ]);
    // The gateway's task view has the same addresses (with their prefix).
    const gwTasks = expectData(await gw.gql('{ tasks(filter: { service: "rr", desiredState: RUNNING }) { nodes { id networkAttachments { networkName addresses } } } }')).tasks as Json;
    const gwAddresses = (gwTasks.nodes as Json[]).flatMap((t) => (t.networkAttachments as Json[]).filter((a) => a.networkName === 'rr-net').map((a) => a.addresses[0].split('/')[0]));
    assert.deepEqual(gwAddresses.sort(byAddress), taskAddresses);
    await docker('rm', '-f', 'rr-probe');
  });
});

/** The IPv4 answers of busybox `nslookup` (the server's own address is on the `Address:\t` line with `:53`). */
function parseNslookup(output: string): string[] {
  const addresses = output
    .split('\n')
    .map((l) => /^Address:\s+(\d+\.\d+\.\d+\.\d+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[1]!);
  return [...new Set(addresses)].sort(byAddress);
}

function byAddress(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
