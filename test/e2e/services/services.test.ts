// Services through the gateway against a real one-node swarm: create with every option,
// list, update, scale, force, rollback, logs, remove; parity with the Docker CLI; bad
// input. Every result is checked through the Engine (`docker service inspect`), not the
// gateway.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerOk, startNode, stopNode, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'svc-e2e';
const IMAGE = 'sg-busybox:latest';
/** A second tag of the same image, so that an image change (and its rollback) can be seen. */
const IMAGE_V2 = 'sg-busybox:v2';
/** A task that stops at once on SIGTERM (a plain `sleep` as PID 1 ignores it for 10 s). */
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];

type Json = Record<string, any>;

describe('services', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;

  function docker(...args: string[]): Promise<string> {
    return dockerOk(manager, args);
  }
  const inspect = async (name: string): Promise<Json> => (JSON.parse(await docker('service', 'inspect', name)) as Json[])[0]!;
  const serviceIds = async () => (await docker('service', 'ls', '-q')).split('\n').filter(Boolean).sort();
  const networkId = async (name: string) => (await docker('network', 'inspect', '--format', '{{.Id}}', name)).trim();
  const runningTaskIds = async (service: string) =>
    (await docker('service', 'ps', '-q', '--no-trunc', '--filter', 'desired-state=running', service)).split('\n').filter(Boolean).sort();
  /** Waits until `replicas` tasks of the service are running (as `docker service ls` counts them). */
  const waitRunning = (service: string, replicas: number) =>
    waitFor(`${replicas} running tasks of ${service}`, async () => {
      const out = await docker('service', 'ls', '--filter', `name=${service}`, '--format', '{{.Name}} {{.Replicas}}');
      return out.split('\n').some((l) => l.startsWith(`${service} `) && l.endsWith(` ${replicas}/${replicas}`));
    });

  async function mutate(field: string, input: Json, selection: string): Promise<Json> {
    const res = await gw.gql(`mutation($input: ${inputType(field)}!) { ${field}(input: $input) { ${selection} userErrors { field code message } } }`, { input });
    return expectData(res)[field] as Json;
  }
  const SERVICE_FIELDS = 'service { id name version image replicas mode ports { targetPort publishedPort protocol publishMode } }';
  const create = (input: Json) => mutate('serviceCreate', input, `${SERVICE_FIELDS} warnings`);
  const update = (input: Json) => mutate('serviceUpdate', input, `${SERVICE_FIELDS} warnings`);

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    gw = await startGateway(configFor([swarm]));
    await docker('tag', IMAGE, IMAGE_V2);
    await docker('network', 'create', '-d', 'overlay', 'svc-net-a');
    await docker('network', 'create', '-d', 'overlay', 'svc-net-b');
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('serviceCreate with every option: the engine has each one', async () => {
    const netA = await networkId('svc-net-a');
    const result = await create({
      name: 'full',
      image: IMAGE,
      command: ['sh', '-c'],
      args: ['trap "exit 0" TERM; while true; do sleep 1; done'],
      replicas: 2,
      networks: [{ target: 'svc-net-a', aliases: ['full-alias'] }],
      env: ['A=1', 'B=two words'],
      labels: [{ key: 'team', value: 'payments' }],
      containerLabels: [{ key: 'com.example.role', value: 'worker' }],
      constraints: ['node.role==manager'],
      resources: { limitCpus: 0.5, limitMemory: '64M', reserveCpus: 0.25, reserveMemory: '16M' },
      updateConfig: { parallelism: 2, delay: '5s', failureAction: 'ROLLBACK', monitor: '10s', maxFailureRatio: 0.25, order: 'START_FIRST' },
      rollbackConfig: { parallelism: 1, delay: '1s', failureAction: 'CONTINUE', monitor: '3s', maxFailureRatio: 0.5, order: 'STOP_FIRST' },
      hostname: 'full-host',
      workdir: '/tmp',
      user: '65534',
    });
    assert.deepEqual(result.userErrors, []);
    assert.equal(result.service.name, 'full');
    const spec = (await inspect('full')).Spec;
    assert.equal(result.service.id, (await inspect('full')).ID);
    const c = spec.TaskTemplate.ContainerSpec;
    assert.equal(c.Image, IMAGE);
    assert.deepEqual(c.Command, ['sh', '-c']);
    assert.deepEqual(c.Args, ['trap "exit 0" TERM; while true; do sleep 1; done']);
    assert.deepEqual(c.Env, ['A=1', 'B=two words']);
    assert.deepEqual(c.Labels, { 'com.example.role': 'worker' });
    assert.equal(c.Hostname, 'full-host');
    assert.equal(c.Dir, '/tmp');
    assert.equal(c.User, '65534');
    assert.deepEqual(spec.Labels, { team: 'payments' });
    assert.deepEqual(spec.Mode, { Replicated: { Replicas: 2 } });
    assert.deepEqual(spec.TaskTemplate.Placement.Constraints, ['node.role==manager']);
    assert.deepEqual(spec.TaskTemplate.Resources, {
      Limits: { NanoCPUs: 500_000_000, MemoryBytes: 64 * 1024 * 1024 },
      Reservations: { NanoCPUs: 250_000_000, MemoryBytes: 16 * 1024 * 1024 },
    });
    assert.deepEqual(spec.TaskTemplate.Networks, [{ Target: netA, Aliases: ['full-alias'] }]);
    assert.deepEqual(spec.UpdateConfig, { Parallelism: 2, Delay: 5e9, FailureAction: 'rollback', Monitor: 10e9, MaxFailureRatio: 0.25, Order: 'start-first' });
    assert.deepEqual(spec.RollbackConfig, { Parallelism: 1, Delay: 1e9, FailureAction: 'continue', Monitor: 3e9, MaxFailureRatio: 0.5, Order: 'stop-first' });
    assert.equal(spec.EndpointSpec.Mode, 'vip');
    await waitRunning('full', 2);

    // The gateway reads back what it wrote, the same as the engine holds it.
    const read = expectData(
      await gw.gql(`{ service(id: "full") { command args env constraints labels { key value } containerLabels { key value }
        resources { limitCpus limitMemoryBytes reserveCpus reserveMemoryBytes }
        updateConfig { parallelism delaySeconds failureAction monitorSeconds maxFailureRatio order }
        rollbackConfig { parallelism delaySeconds failureAction monitorSeconds maxFailureRatio order }
        networks { networkId aliases virtualIp network { name } } runningTasks desiredTasks canRollback } }`),
    ).service as Json;
    assert.deepEqual(read.env, ['A=1', 'B=two words']);
    assert.deepEqual(read.resources, { limitCpus: 0.5, limitMemoryBytes: 64 * 1024 * 1024, reserveCpus: 0.25, reserveMemoryBytes: 16 * 1024 * 1024 });
    assert.deepEqual(read.updateConfig, { parallelism: 2, delaySeconds: 5, failureAction: 'ROLLBACK', monitorSeconds: 10, maxFailureRatio: 0.25, order: 'START_FIRST' });
    assert.deepEqual(read.rollbackConfig, { parallelism: 1, delaySeconds: 1, failureAction: 'CONTINUE', monitorSeconds: 3, maxFailureRatio: 0.5, order: 'STOP_FIRST' });
    const vip = ((await inspect('full')).Endpoint.VirtualIPs as Json[]).find((v) => v.NetworkID === netA)!.Addr.split('/')[0];
    assert.deepEqual(read.networks, [{ networkId: netA, aliases: ['full-alias'], virtualIp: vip, network: { name: 'svc-net-a' } }]);
    assert.equal(read.runningTasks, 2);
    assert.equal(read.desiredTasks, 2);
    assert.equal(read.canRollback, false);
  });

  test('tasks and task: filtered by service name, node hostname and desired state, as docker inspect shows them', async () => {
    const ids = await runningTaskIds('full');
    const engine = (JSON.parse(await docker('inspect', ...ids)) as Json[]).sort((a, b) => (a.ID < b.ID ? -1 : 1));
    const res = expectData(
      await gw.gql(`query($node: ID) { tasks(filter: { service: "full", node: $node, desiredState: RUNNING }) { totalCount nodes {
        id serviceId service { name } slot nodeId node { hostname } state desiredState containerId error
        networkAttachments { networkId networkName addresses network { name } } } } }`, { node: manager.hostname }),
    ).tasks as Json;
    assert.equal(res.totalCount, 2);
    const tasks = (res.nodes as Json[]).sort((a, b) => (a.id < b.id ? -1 : 1));
    tasks.forEach((t, i) => {
      const e = engine[i]!;
      assert.equal(t.id, e.ID);
      assert.equal(t.serviceId, e.ServiceID);
      assert.deepEqual(t.service, { name: 'full' });
      assert.equal(t.slot, e.Slot);
      assert.equal(t.nodeId, e.NodeID);
      assert.deepEqual(t.node, { hostname: manager.hostname });
      assert.equal(t.state, 'RUNNING');
      assert.equal(t.desiredState, 'RUNNING');
      assert.equal(t.containerId, e.Status.ContainerStatus.ContainerID);
      assert.equal(t.error, null);
      assert.deepEqual(
        t.networkAttachments,
        (e.NetworksAttachments as Json[]).map((a) => ({ networkId: a.Network.ID, networkName: a.Network.Spec.Name, addresses: a.Addresses, network: { name: a.Network.Spec.Name } })),
      );
    });
    // One task by a unique ID prefix, as `docker inspect` finds it.
    const one = expectData(await gw.gql(`{ task(id: "${ids[0]!.slice(0, 10)}") { id containerId } }`)).task as Json;
    assert.deepEqual(one, { id: ids[0], containerId: engine.find((e) => e.ID === ids[0])!.Status.ContainerStatus.ContainerID });
    const missing = await gw.gql('{ task(id: "nosuchtask") { id } }');
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const unknownNode = await gw.gql('{ tasks(filter: { node: "no-such-node" }) { totalCount } }');
    assert.equal(unknownNode.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('both publish forms, with udp, sctp and host mode, and structured ports', async () => {
    const result = await create({
      name: 'ports',
      image: IMAGE,
      args: IDLE,
      publish: ['8080:80/udp', 'published=8081,target=81,protocol=sctp', 'published=8083,target=83,protocol=tcp,mode=host', '8084:84'],
      ports: [{ targetPort: 85, publishedPort: 8085, protocol: 'UDP' }],
    });
    assert.deepEqual(result.userErrors, []);
    const ports = (await inspect('ports')).Spec.EndpointSpec.Ports as Json[];
    assert.deepEqual(ports, [
      { Protocol: 'udp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
      { Protocol: 'sctp', TargetPort: 81, PublishedPort: 8081, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 83, PublishedPort: 8083, PublishMode: 'host' },
      { Protocol: 'tcp', TargetPort: 84, PublishedPort: 8084, PublishMode: 'ingress' },
      { Protocol: 'udp', TargetPort: 85, PublishedPort: 8085, PublishMode: 'ingress' },
    ]);
    assert.deepEqual(result.service.ports, [
      { targetPort: 80, publishedPort: 8080, protocol: 'UDP', publishMode: 'INGRESS' },
      { targetPort: 81, publishedPort: 8081, protocol: 'SCTP', publishMode: 'INGRESS' },
      { targetPort: 83, publishedPort: 8083, protocol: 'TCP', publishMode: 'HOST' },
      { targetPort: 84, publishedPort: 8084, protocol: 'TCP', publishMode: 'INGRESS' },
      { targetPort: 85, publishedPort: 8085, protocol: 'UDP', publishMode: 'INGRESS' },
    ]);
    await docker('service', 'rm', 'ports');
  });

  test('services: filters by name, label and mode, and pages by name', async () => {
    await docker('service', 'create', '--detach', '--no-resolve-image', '--name', 'lst-a', '--label', 'tier=web', IMAGE, ...IDLE);
    await docker('service', 'create', '--detach', '--no-resolve-image', '--name', 'lst-b', '--label', 'tier=db', IMAGE, ...IDLE);
    await docker('service', 'create', '--detach', '--no-resolve-image', '--name', 'lst-c', '--label', 'tier=web', '--mode', 'global', IMAGE, ...IDLE);
    const names = async (filter: Json) =>
      (expectData(await gw.gql('query($f: ServiceFilter) { services(filter: $f) { totalCount nodes { name } } }', { f: filter })).services as Json).nodes.map(
        (n: Json) => n.name,
      );
    const engineNames = async (...filters: string[]) =>
      (await docker('service', 'ls', ...filters.flatMap((f) => ['--filter', f]), '--format', '{{.Name}}')).split('\n').filter(Boolean).sort();
    assert.deepEqual(await names({ name: 'lst-' }), ['lst-a', 'lst-b', 'lst-c']);
    assert.deepEqual(await names({ name: 'lst-' }), await engineNames('name=lst-'));
    assert.deepEqual(await names({ label: ['tier=web'] }), ['lst-a', 'lst-c']);
    assert.deepEqual(await names({ label: ['tier=web'] }), await engineNames('label=tier=web'));
    assert.deepEqual(await names({ label: ['tier'] }), await engineNames('label=tier'));
    assert.deepEqual(await names({ name: 'lst-', mode: 'GLOBAL' }), ['lst-c']);
    assert.deepEqual(await names({ name: 'lst-', mode: 'REPLICATED' }), ['lst-a', 'lst-b']);

    // Pages of 2 over every service, in name order, cover the engine's list exactly once.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const conn = expectData(
        await gw.gql('query($after: String) { services(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }', { after }),
      ).services as Json;
      assert.ok(conn.nodes.length <= 2);
      seen.push(...conn.nodes.map((n: Json) => n.name));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    assert.deepEqual(seen, await engineNames());
  });

  test('serviceUpdate: image, replicas, networks, ports, env and labels change together; nothing else does', async () => {
    const [netA, netB] = [await networkId('svc-net-a'), await networkId('svc-net-b')];
    const created = await create({
      name: 'upd',
      image: IMAGE,
      args: IDLE,
      networks: [{ target: 'svc-net-a' }],
      publish: ['8090:90'],
      env: ['A=1', 'B=2'],
      labels: [{ key: 'x', value: '1' }, { key: 'keep', value: 'yes' }],
    });
    assert.deepEqual(created.userErrors, []);
    const before = await inspect('upd');
    const result = await update({
      id: 'upd',
      image: IMAGE_V2,
      replicas: 2,
      networkAdd: [{ target: 'svc-net-b', aliases: ['b-alias'] }],
      networkRemove: ['svc-net-a'],
      publishAdd: ['8091:91/udp'],
      publishRemove: ['90'],
      envAdd: ['C=3', 'A=9'],
      envRemove: ['B'],
      labels: { add: [{ key: 'y', value: '2' }], remove: ['x'] },
    });
    assert.deepEqual(result.userErrors, []);
    const after = await inspect('upd');
    // The returned service was read after the change (the rolling update moves the version on).
    assert.ok(result.service.version > before.Version.Index && result.service.version <= after.Version.Index);
    const spec = after.Spec;
    assert.equal(spec.TaskTemplate.ContainerSpec.Image, IMAGE_V2);
    assert.deepEqual(spec.Mode, { Replicated: { Replicas: 2 } });
    assert.deepEqual(spec.TaskTemplate.Networks, [{ Target: netB, Aliases: ['b-alias'] }]);
    assert.ok(!JSON.stringify(spec.TaskTemplate.Networks).includes(netA));
    assert.deepEqual(spec.EndpointSpec.Ports, [{ Protocol: 'udp', TargetPort: 91, PublishedPort: 8091, PublishMode: 'ingress' }]);
    assert.deepEqual([...spec.TaskTemplate.ContainerSpec.Env].sort(), ['A=9', 'C=3']);
    assert.deepEqual(spec.Labels, { keep: 'yes', y: '2' });
    // What was not asked for stays as it was.
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Args, before.Spec.TaskTemplate.ContainerSpec.Args);
    assert.deepEqual(spec.UpdateConfig, before.Spec.UpdateConfig);
    assert.equal(spec.TaskTemplate.ForceUpdate, before.Spec.TaskTemplate.ForceUpdate);
    assert.deepEqual(after.PreviousSpec.TaskTemplate.ContainerSpec.Image, IMAGE);
  });

  test('serviceUpdate with only one change at a time: each shows in inspect', async () => {
    const steps: [Json, (spec: Json) => void][] = [
      [{ envAdd: ['D=4'] }, (s) => assert.ok(s.TaskTemplate.ContainerSpec.Env.includes('D=4'))],
      [{ envRemove: ['D'] }, (s) => assert.ok(!s.TaskTemplate.ContainerSpec.Env.some((e: string) => e.startsWith('D=')))],
      [{ labels: { add: [{ key: 'z', value: '' }] } }, (s) => assert.equal(s.Labels.z, '')],
      [{ publishAdd: ['published=8092,target=92,protocol=sctp'] }, (s) => assert.ok(s.EndpointSpec.Ports.some((p: Json) => p.TargetPort === 92 && p.Protocol === 'sctp'))],
      [{ publishRemove: ['92/sctp'] }, (s) => assert.ok(!s.EndpointSpec.Ports.some((p: Json) => p.TargetPort === 92))],
      [{ replicas: 1 }, (s) => assert.deepEqual(s.Mode, { Replicated: { Replicas: 1 } })],
    ];
    for (const [change, check] of steps) {
      const result = await update({ id: 'upd', ...change });
      assert.deepEqual(result.userErrors, [], JSON.stringify(change));
      check((await inspect('upd')).Spec);
    }
  });

  test('serviceScale sets the replicas and the tasks follow', async () => {
    const result = await mutate('serviceScale', { id: 'lst-a', replicas: 3 }, 'service { replicas } ');
    assert.deepEqual(result.userErrors, []);
    assert.equal(result.service.replicas, 3);
    assert.deepEqual((await inspect('lst-a')).Spec.Mode, { Replicated: { Replicas: 3 } });
    await waitRunning('lst-a', 3);
    assert.equal((await runningTaskIds('lst-a')).length, 3);
  });

  test('serviceUpdate force: ForceUpdate increments and every task is replaced', async () => {
    await waitRunning('lst-b', 1);
    const before = await inspect('lst-b');
    const tasksBefore = await runningTaskIds('lst-b');
    const result = await update({ id: 'lst-b', force: true });
    assert.deepEqual(result.userErrors, []);
    const after = await inspect('lst-b');
    assert.equal(after.Spec.TaskTemplate.ForceUpdate, before.Spec.TaskTemplate.ForceUpdate + 1);
    await waitFor('new tasks of lst-b', async () => {
      const now = await runningTaskIds('lst-b');
      return now.length === 1 && !tasksBefore.includes(now[0]!);
    });
  });

  test('serviceRollback restores the previous image', async () => {
    const created = await create({ name: 'rb', image: IMAGE, args: IDLE });
    assert.deepEqual(created.userErrors, []);
    assert.deepEqual((await update({ id: 'rb', image: IMAGE_V2 })).userErrors, []);
    assert.equal((await inspect('rb')).Spec.TaskTemplate.ContainerSpec.Image, IMAGE_V2);
    const result = await mutate('serviceRollback', { id: 'rb' }, 'service { image canRollback }');
    assert.deepEqual(result.userErrors, []);
    assert.equal(result.service.image, IMAGE);
    const after = await inspect('rb');
    assert.equal(after.Spec.TaskTemplate.ContainerSpec.Image, IMAGE);
    assert.equal(after.PreviousSpec.TaskTemplate.ContainerSpec.Image, IMAGE_V2);
    await waitFor('the rollback to complete', async () => /rollback_completed/.test((await inspect('rb')).UpdateStatus?.State ?? ''));
  });

  test('logs: lines of stdout and stderr with their task', async () => {
    const created = await create({
      name: 'echo',
      image: IMAGE,
      args: ['sh', '-c', 'echo line-1; echo line-2; echo oops >&2; echo line-3; trap "exit 0" TERM; while true; do sleep 1; done'],
    });
    assert.deepEqual(created.userErrors, []);
    await waitRunning('echo', 1);
    const [taskId] = await runningTaskIds('echo');
    const lines = await waitFor('4 log lines', async () => {
      const res = expectData(await gw.gql('{ service(id: "echo") { logs(tail: 10) { stream message timestamp taskId nodeId } } }')).service as Json;
      return res.logs.length === 4 ? (res.logs as Json[]) : null;
    });
    // stdout and stderr are separate pipes, timestamped as each is read: order within a stream only.
    assert.deepEqual(lines.filter((l) => l.stream === 'STDOUT').map((l) => l.message), ['line-1', 'line-2', 'line-3']);
    assert.deepEqual(lines.filter((l) => l.stream === 'STDERR').map((l) => l.message), ['oops']);
    const nodeId = (await docker('node', 'inspect', '--format', '{{.ID}}', 'self')).trim();
    for (const l of lines) {
      assert.equal(l.taskId, taskId);
      assert.equal(l.nodeId, nodeId);
      assert.ok(!Number.isNaN(Date.parse(l.timestamp)));
    }
    const tail = expectData(await gw.gql('{ service(id: "echo") { logs(tail: 1) { message } } }')).service as Json;
    assert.equal(tail.logs.length, 1);
    // `since` reaches the engine: nothing was written after the last line, all of it after an hour ago.
    const since = async (t: Date) =>
      ((expectData(await gw.gql('query($t: DateTime) { service(id: "echo") { logs(since: $t) { message } } }', { t: t.toISOString() })).service as Json).logs as Json[]).length;
    const last = Math.max(...lines.map((l) => Date.parse(l.timestamp)));
    assert.equal(await since(new Date(last + 1000)), 0);
    assert.equal(await since(new Date(Date.now() - 3_600_000)), 4);
    for (const bad of [0, 1001]) {
      const res = await gw.gql(`{ service(id: "echo") { logs(tail: ${bad}) { message } } }`);
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    }
  });

  test('serviceRemove removes the service', async () => {
    const id = (await inspect('echo')).ID;
    const result = await mutate('serviceRemove', { id: 'echo' }, 'removed { id name }');
    assert.deepEqual(result, { removed: [{ id, name: 'echo' }], userErrors: [] });
    assert.ok(!(await serviceIds()).includes(id));
    const again = await gw.gql('query { service(id: "echo") { id } }');
    assert.equal(again.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('PARITY: the overlay guide\'s `docker service create` and serviceCreate give the same spec', async () => {
    await docker('network', 'create', '-d', 'overlay', 'nginx-net');
    // --no-resolve-image: no registry can be reached here, and resolving only adds a digest when one can.
    await docker('service', 'create', '--detach', '--no-resolve-image', '--name', 'my-nginx', '--publish', 'target=80,published=8080',
      '--replicas=2', '--network', 'nginx-net', IMAGE, 'httpd', '-f', '-p', '80');
    const cli = await inspect('my-nginx');
    // The published port is taken until the CLI's service is gone.
    await docker('service', 'rm', 'my-nginx');
    const result = await create({ name: 'my-nginx-gw', publish: ['target=80,published=8080'], replicas: 2, networks: [{ target: 'nginx-net' }], image: IMAGE, args: ['httpd', '-f', '-p', '80'] });
    assert.deepEqual(result.userErrors, []);
    const gateway = await inspect('my-nginx-gw');
    const comparable = (s: Json) => {
      const { Name: _name, Labels: _labels, ...spec } = s.Spec as Json;
      return spec;
    };
    assert.deepEqual(comparable(gateway), comparable(cli));
    await docker('service', 'rm', 'my-nginx-gw');
  });

  describe('bad input: a typed userError, and the engine unchanged', () => {
    /** The services and their specs (Version also moves while a rolling update reports progress). */
    const state = async () => Promise.all((await serviceIds()).map(async (id) => ({ id, spec: (await inspect(id)).Spec })));
    async function unchanged(run: () => Promise<void>) {
      const before = await state();
      await run();
      assert.deepEqual(await state(), before);
    }
    const rejected = async (input: Json, code: string, field: string[]) =>
      unchanged(async () => {
        const result = await create({ name: 'bad', image: IMAGE, args: IDLE, ...input });
        assert.equal(result.service, null);
        assert.equal(result.userErrors.length, 1, JSON.stringify(result.userErrors));
        assert.equal(result.userErrors[0].code, code, result.userErrors[0].message);
        assert.deepEqual(result.userErrors[0].field, field);
      });

    test('published port 0', () => rejected({ publish: ['0:80'] }, 'INVALID_PORT', ['input', 'publish', '0']));
    test('target port 0, structured', () => rejected({ ports: [{ targetPort: 0 }] }, 'INVALID_PORT', ['input', 'ports', '0', 'targetPort']));
    test('port 70000', () => rejected({ publish: ['8080:80', '70000:80'] }, 'INVALID_PORT', ['input', 'publish', '1']));
    test('unknown protocol', () => rejected({ publish: ['8080:80/icmp'] }, 'INVALID_PROTOCOL', ['input', 'publish', '0']));
    test('malformed publish spec', () => rejected({ publish: ['published=8080,target=eighty'] }, 'INVALID_PORT', ['input', 'publish', '0']));
    test('unknown network', () => rejected({ networks: [{ target: 'svc-net-a' }, { target: 'no-such-net' }] }, 'REFERENCE_NOT_FOUND', ['input', 'networks', '1', 'target']));
    test('duplicate service name', () =>
      unchanged(async () => {
        const result = await create({ name: 'full', image: IMAGE, args: IDLE });
        assert.equal(result.service, null);
        assert.equal(result.userErrors[0].code, 'NAME_CONFLICT');
        assert.deepEqual(result.userErrors[0].field, ['input', 'name']);
      }));

    test('an update with a stale version is a VERSION_CONFLICT and leaves the spec as it was', async () => {
      const first = await inspect('full');
      assert.deepEqual((await update({ id: 'full', envAdd: ['E=5'], version: first.Version.Index })).userErrors, []);
      // The rolling update bumps the version as it reports progress; let it finish first.
      await waitFor('the update of full to complete', async () => (await inspect('full')).UpdateStatus?.State === 'completed');
      const current = await inspect('full');
      const ids = await serviceIds();
      const result = await update({ id: 'full', envAdd: ['F=6'], version: first.Version.Index });
      assert.equal(result.service, null);
      assert.deepEqual(result.userErrors.map((e: Json) => [e.code, e.field]), [['VERSION_CONFLICT', ['input', 'version']]]);
      const after = await inspect('full');
      assert.deepEqual(after.Spec, current.Spec);
      assert.equal(after.Version.Index, current.Version.Index);
      assert.deepEqual(await serviceIds(), ids);
    });

    test('rollback without a previous spec is INVALID_STATE', () =>
      unchanged(async () => {
        const result = await mutate('serviceRollback', { id: 'lst-c' }, 'service { id }');
        assert.deepEqual(result.userErrors.map((e: Json) => e.code), ['INVALID_STATE']);
      }));

    test('scaling a global service is INVALID_STATE; negative replicas INVALID_VALUE', () =>
      unchanged(async () => {
        const global = await mutate('serviceScale', { id: 'lst-c', replicas: 2 }, 'service { id }');
        assert.deepEqual(global.userErrors.map((e: Json) => e.code), ['INVALID_STATE']);
        const negative = await mutate('serviceScale', { id: 'lst-a', replicas: -1 }, 'service { id }');
        assert.deepEqual(negative.userErrors.map((e: Json) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'replicas']]]);
      }));

    test('an unknown service is NOT_FOUND', async () => {
      const res = await gw.gql('mutation { serviceUpdate(input: { id: "no-such-service", replicas: 2 }) { userErrors { code } } }');
      assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    });
  });

  test('with the only manager stopped: ENGINE_UNAVAILABLE, then service again once it is back', async () => {
    await stopNode(SWARM, manager.k, { kill: true });
    try {
      const query = await gw.gql('{ services { totalCount } }');
      assert.equal(query.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE');
      const mutation = await gw.gql('mutation { serviceCreate(input: { name: "down", image: "sg-busybox:latest" }) { userErrors { code } } }');
      assert.equal(mutation.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE');
    } finally {
      await startNode(SWARM, manager.k);
    }
    await waitFor('the manager to serve again', async () => {
      const res = await gw.gql('{ services { totalCount } }');
      return !res.errors && (res.data.services as Json).totalCount > 0;
    });
    assert.ok(!(await docker('service', 'ls', '--format', '{{.Name}}')).split('\n').includes('down'));
  });
});

function inputType(field: string): string {
  const types: Record<string, string> = {
    serviceCreate: 'ServiceCreateInput',
    serviceUpdate: 'ServiceUpdateInput',
    serviceScale: 'ServiceScaleInput',
    serviceRollback: 'ServiceRollbackInput',
    serviceRemove: 'ServiceRemoveInput',
  };
  return types[field]!;
}
