// Service fields with logic, against a fake engine: secret-looking env values masked
// below an unscoped admin (in queries and in mutation payloads), networks with their VIPs
// and network objects, DNS discovery from the VIP and the running tasks' addresses, the
// tasks of many services from one GET /tasks, network names from the tasks (no network
// list), canRollback and updateStatus.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { expectData } from '../../../support/gateway.ts';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

describe('Service fields', () => {
  let fg: FakeGateway;
  let net: Json;
  before(async () => {
    fg = await startFakeGateway({});
    net = swarmNetwork(fg.engine.state, { Name: 'backend', Driver: 'overlay' });
    fg.engine.state.networks.set(net.Id, net);
    const template = serviceSpec('x').TaskTemplate;
    fg.engine.state.addService(serviceSpec('api', {
      TaskTemplate: { ...template, ContainerSpec: { Image: 'busybox', Env: ['DB_PASSWORD=hunter2', 'MODE=prod'] }, Networks: [{ Target: net.Id, Aliases: ['api-alias'] }] },
      Mode: { Replicated: { Replicas: 2 } },
    }));
    for (const name of ['w1', 'w2', 'w3']) fg.engine.state.addService(serviceSpec(name));
  });
  after(() => fg?.stop());
  beforeEach(() => fg.engine.clearRequests());

  const env = async (token?: string) => (expectData(await fg.gql('{ service(id: "api") { env } }', undefined, { token })).service as Json).env;

  test('secret-looking env values are masked below an unscoped admin; names stay', async () => {
    assert.deepEqual(await env(), ['DB_PASSWORD=hunter2', 'MODE=prod']);
    for (const grant of ['viewer', 'operator', 'deployer']) {
      const token = await fg.tokenFor(grant);
      const masked = await env(token);
      assert.equal(masked.length, 2, grant);
      assert.ok(masked[0].startsWith('DB_PASSWORD=') && !masked[0].includes('hunter2'), `${grant}: ${masked[0]}`);
      assert.equal(masked[1], 'MODE=prod');
    }
  });

  test('the same masking in a mutation payload: an operator\'s serviceUpdate does not echo the secret', async () => {
    const answer = await fg.mutate('serviceUpdate', { id: 'api', envAdd: ['API_TOKEN=abc123'] }, 'service { env }', { token: await fg.tokenFor('operator') });
    assert.deepEqual(answer.userErrors, []);
    const shown = JSON.stringify(answer.payload!.service.env);
    assert.ok(!shown.includes('hunter2') && !shown.includes('abc123'), shown);
    assert.ok(shown.includes('API_TOKEN=') && shown.includes('MODE=prod'), shown);
    // What the engine received holds the value itself.
    const sent = fg.engine.writes().find((r) => r.path.endsWith('/update'))!.body as Json;
    assert.ok(sent.TaskTemplate.ContainerSpec.Env.includes('API_TOKEN=abc123'));
  });

  test('networks: the attachment with its VIP and network; discovery names for the VIP and the tasks', async () => {
    const service = expectData(await fg.gql(`{ service(id: "api") { name networks { networkId aliases virtualIp network { name } }
      discovery { network name addresses kind } } }`)).service as Json;
    const stored = fg.engine.state.findService('api')!;
    const vip = stored.Endpoint.VirtualIPs[0].Addr.split('/')[0];
    assert.deepEqual(service.networks, [{ networkId: net.Id, aliases: ['api-alias'], virtualIp: vip, network: { name: 'backend' } }]);
    const taskAddresses = [...fg.engine.state.tasks.values()]
      .filter((t) => t.ServiceID === stored.ID && t.DesiredState === 'running')
      .flatMap((t) => t.NetworksAttachments.map((a: Json) => a.Addresses[0].split('/')[0]))
      .sort();
    assert.equal(taskAddresses.length, 2);
    const byName = new Map((service.discovery as Json[]).map((d) => [d.name, d]));
    assert.deepEqual(byName.get('api'), { network: 'backend', name: 'api', addresses: [vip], kind: 'VIP' });
    assert.deepEqual(byName.get('api-alias')!.addresses, [vip]);
    assert.deepEqual(byName.get('tasks.api'), { network: 'backend', name: 'tasks.api', addresses: taskAddresses, kind: 'TASKS' });
  });

  test('Service.tasks and discovery name networks from the tasks: no network list', async () => {
    const service = expectData(await fg.gql(`{ service(id: "api") { tasks(desiredState: RUNNING) { networkAttachments { networkName } } discovery { network name } } }`)).service as Json;
    assert.deepEqual(service.tasks, [{ networkAttachments: [{ networkName: 'backend' }] }, { networkAttachments: [{ networkName: 'backend' }] }]);
    assert.ok(service.discovery.length > 0 && service.discovery.every((d: Json) => d.network === 'backend'), JSON.stringify(service.discovery));
    assert.deepEqual(fg.engine.requests.filter((r) => r.path.startsWith('/networks')), []);
  });

  test('the tasks of every listed service come from one GET /tasks', async () => {
    const res = expectData(await fg.gql('{ services { nodes { name tasks(desiredState: RUNNING) { serviceId } } } }')).services as Json;
    assert.equal(res.nodes.length, 4);
    for (const s of res.nodes) assert.ok(s.tasks.length >= 1, s.name);
    assert.equal(fg.engine.requests.filter((r) => r.path === '/tasks').length, 1);
  });

  test('canRollback and updateStatus follow the engine: false and null until an update, then true and COMPLETED', async () => {
    const read = async () => expectData(await fg.gql('{ service(id: "w1") { canRollback updateStatus { state } } }')).service as Json;
    assert.deepEqual(await read(), { canRollback: false, updateStatus: null });
    const w1 = fg.engine.state.findService('w1')!;
    fg.engine.state.updateService(w1, { ...structuredClone(w1.Spec), Labels: { v: '2' } });
    assert.deepEqual(await read(), { canRollback: true, updateStatus: { state: 'COMPLETED' } });
  });

  test('discovery on a network none of its tasks is attached to (scaled to 0) takes the name from one network list', async () => {
    const template = serviceSpec('x').TaskTemplate;
    fg.engine.state.addService(serviceSpec('idle', { TaskTemplate: { ...template, Networks: [{ Target: net.Id }] }, Mode: { Replicated: { Replicas: 0 } } }));
    fg.engine.clearRequests();
    const service = expectData(await fg.gql('{ service(id: "idle") { tasks { id } discovery { network name } } }')).service as Json;
    assert.deepEqual(service.tasks, []);
    assert.deepEqual(service.discovery.map((d: Json) => d.network), ['backend', 'backend']);
    assert.equal(fg.engine.requests.filter((r) => r.path === '/networks').length, 1);
  });
});
