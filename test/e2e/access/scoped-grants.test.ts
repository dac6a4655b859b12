// Label-scoped grants against a real swarm (1 manager + 1 worker). Services, networks and
// containers labelled team=payments, team=billing and unlabelled are made with the docker
// CLI; then a `deployer:team=payments` sees only the payments objects, cannot reach the
// others by ID, name or ID prefix (NOT_FOUND, as if missing), cannot change them, gets
// team=payments stamped on what it creates and cannot remove or change that label; an
// `operator:team=payments` can scale and change image/env of payments services only; a
// `viewer` + `operator:team=payments` reads everything and changes only payments; and the
// `clusters` list follows the grants' clusters. Every change (or its absence) is checked
// with the docker CLI, not through the gateway.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type GqlResponse, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerCli, dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'scoped-grants';
/** A second configured cluster (the same managers under another name), for cluster-limited grants. */
const OTHER_CLUSTER = 'elsewhere';
const IMAGE = 'sg-busybox:latest';
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];

type Json = Record<string, any>;
type UserErrors = { field: string[] | null; code: string; message: string }[];

describe('label-scoped grants on a real swarm', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  /** Tokens of the principals under test. */
  let deployer: string;
  let operator: string;
  let viewerPlusOperator: string;
  /** IDs read from the engine. */
  const ids: Record<string, string> = {};

  const docker = (...args: string[]) => dockerOk(manager, args);
  const serviceLabels = async (name: string): Promise<Record<string, string>> => JSON.parse(await docker('service', 'inspect', '--format', '{{json .Spec.Labels}}', name)) ?? {};
  const networkLabels = async (name: string): Promise<Record<string, string>> => JSON.parse(await docker('network', 'inspect', '--format', '{{json .Labels}}', name)) ?? {};
  const replicasOf = async (name: string) => Number((await docker('service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', name)).trim());
  const serviceExists = async (name: string) => (await dockerCli(manager, ['service', 'inspect', name])).code === 0;
  const networkExists = async (name: string) => (await dockerCli(manager, ['network', 'inspect', name])).code === 0;

  const as = (token: string, query: string, variables?: Json) => gw.gql(query, variables, { token });
  const errorOf = (res: GqlResponse) => ({ code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message });

  /** Runs a mutation and returns its payload (top-level errors fail the test). */
  async function mutate(token: string, field: string, inputType: string, input: Json, selection: string): Promise<Json> {
    const res = await as(token, `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection} userErrors { field code message } } }`, { input });
    return expectData(res)[field] as Json;
  }
  const codesAndFields = (errors: UserErrors) => errors.map((e) => [e.code, e.field]);

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    const base = configFor([swarm]);
    gw = await startGateway({ ...base, clusters: [...base.clusters, { ...base.clusters[0]!, name: OTHER_CLUSTER }] });
    [deployer, operator, viewerPlusOperator] = await Promise.all([
      tokenFor(['deployer:team=payments']),
      tokenFor(['operator:team=payments']),
      tokenFor(['viewer', 'operator:team=payments']),
    ]);

    await docker('network', 'create', '-d', 'overlay', '--attachable', '--label', 'team=payments', 'pay-net');
    await docker('network', 'create', '-d', 'overlay', '--attachable', '--label', 'team=payments', 'pay-shared');
    await docker('network', 'create', '-d', 'overlay', '--attachable', '--label', 'team=billing', 'bill-net');
    await docker('network', 'create', '-d', 'overlay', 'plain-net');
    // bill-api runs on the manager, so its task container is on the manager endpoint (the
    // deployer never gets to update it, so the guardrail against manager placement stays out of the way).
    await docker('service', 'create', '-d', '--name', 'pay-api', '--label', 'team=payments', '--network', 'pay-net', '--network', 'plain-net', IMAGE, ...IDLE);
    await docker('service', 'create', '-d', '--name', 'bill-api', '--label', 'team=billing', '--network', 'bill-net', '--network', 'pay-shared', '--constraint', 'node.role==manager', IMAGE, ...IDLE);
    await docker('service', 'create', '-d', '--name', 'plain-svc', IMAGE, ...IDLE);
    // An unlabelled service that got team=payments later: its previous spec lacks the label.
    await docker('service', 'create', '-d', '--name', 'pay-old', '--replicas', '0', IMAGE, ...IDLE);
    await docker('service', 'update', '-d', '--label-add', 'team=payments', 'pay-old');
    await docker('run', '-d', '--name', 'pay-box', '--label', 'team=payments', IMAGE, 'sleep', '600');
    await docker('run', '-d', '--name', 'bill-box', '--label', 'team=billing', IMAGE, 'sleep', '600');

    for (const s of ['pay-api', 'bill-api', 'plain-svc']) ids[s] = (await docker('service', 'inspect', '--format', '{{.ID}}', s)).trim();
    for (const n of ['pay-net', 'pay-shared', 'bill-net', 'plain-net']) ids[n] = (await docker('network', 'inspect', '--format', '{{.Id}}', n)).trim();
    for (const s of ['pay-api', 'bill-api']) {
      ids[`${s}-task`] = await waitFor(`a running task of ${s}`, async () => {
        const out = await docker('service', 'ps', '-q', '--no-trunc', '--filter', 'desired-state=running', s);
        const running = await docker('service', 'ls', '--filter', `name=${s}`, '--format', '{{.Replicas}}');
        return running.trim() === '1/1' && out.trim().split('\n')[0];
      });
    }
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('lists show a payments deployer only payments services, networks, tasks and containers', async () => {
    const query = `{
      services { nodes { name } }
      networks { nodes { name } }
      tasks { nodes { serviceId } }
      containers(filter: { standaloneOnly: false }) { nodes { name } }
    }`;
    const mine = expectData(await as(deployer, query));
    // pay-api's task container, on whichever node runs it (each node is a configured engine).
    const payNode = (await docker('service', 'ps', '--filter', 'desired-state=running', '--format', '{{.Node}}', 'pay-api')).trim();
    const onPayNode = expectData(await as(deployer, `query($e: String!) { containers(engine: $e, filter: { standaloneOnly: false }) { nodes { name } } }`, { e: payNode }));
    assert.ok(onPayNode.containers.nodes.some((c: Json) => c.name.startsWith('pay-api.')), `the payments task container is listed: ${JSON.stringify(onPayNode)}`);
    assert.deepEqual(mine.services.nodes.map((s: Json) => s.name).sort(), ['pay-api', 'pay-old']);
    assert.deepEqual(mine.networks.nodes.map((n: Json) => n.name).sort(), ['pay-net', 'pay-shared']);
    assert.ok(mine.tasks.nodes.length > 0);
    assert.deepEqual([...new Set(mine.tasks.nodes.map((t: Json) => t.serviceId))], [ids['pay-api']]);
    const containers: string[] = mine.containers.nodes.map((c: Json) => c.name);
    assert.ok(containers.includes('pay-box'), containers.join(','));
    assert.deepEqual(containers.filter((c) => c.startsWith('bill')), []);

    // The same query as admin sees everything: the filtering is the grant's doing.
    const all = expectData(await gw.gql(query));
    assert.deepEqual(all.services.nodes.map((s: Json) => s.name).sort(), ['bill-api', 'pay-api', 'pay-old', 'plain-svc']);
    for (const n of ['bill-net', 'plain-net', 'ingress']) assert.ok(all.networks.nodes.some((x: Json) => x.name === n), n);
    assert.ok(all.containers.nodes.some((c: Json) => c.name === 'bill-box'));
    assert.ok(all.containers.nodes.some((c: Json) => c.name.startsWith('bill-api.')));
    assert.ok(all.tasks.nodes.some((t: Json) => t.serviceId === ids['bill-api']));
  });

  test('billing and unlabelled objects are NOT_FOUND by ID, name and ID prefix, exactly as missing ones', async () => {
    const missing = errorOf(await as(deployer, `query($id: ID!) { service(id: $id) { id } }`, { id: 'no-such-service' }));
    assert.deepEqual(missing, { code: 'NOT_FOUND', message: 'service "no-such-service" not found' });
    for (const ref of [ids['bill-api']!, 'bill-api', ids['bill-api']!.slice(0, 8), 'plain-svc']) {
      const res = await as(deployer, `query($id: ID!) { service(id: $id) { id } }`, { id: ref });
      assert.deepEqual(errorOf(res), { code: 'NOT_FOUND', message: `service "${ref}" not found` }, ref);
      assert.equal(res.data, null);
    }
    for (const ref of [ids['bill-net']!, 'bill-net', ids['bill-net']!.slice(0, 12), 'plain-net', 'ingress']) {
      const res = await as(deployer, `query($id: ID!) { network(id: $id) { id } }`, { id: ref });
      assert.deepEqual(errorOf(res), { code: 'NOT_FOUND', message: `network "${ref}" not found` }, ref);
    }
    const task = await as(deployer, `query($id: ID!) { task(id: $id) { id } }`, { id: ids['bill-api-task'] });
    assert.equal(errorOf(task).code, 'NOT_FOUND');
    const tasks = await as(deployer, `{ tasks(filter: { service: "bill-api" }) { nodes { id } } }`);
    assert.equal(errorOf(tasks).code, 'NOT_FOUND');
    const container = await as(deployer, `{ container(id: "bill-box") { id } }`);
    assert.deepEqual(errorOf(container), { code: 'NOT_FOUND', message: 'container "bill-box" not found' });

    // The admin reaches each of them, by the same references.
    const admin = expectData(
      await gw.gql(`query($p: ID!, $n: ID!, $t: ID!) { service(id: $p) { name } network(id: $n) { name } task(id: $t) { serviceId } container(id: "bill-box") { name } }`, {
        p: ids['bill-api']!.slice(0, 8),
        n: ids['bill-net']!.slice(0, 12),
        t: ids['bill-api-task'],
      }),
    );
    assert.deepEqual([admin.service.name, admin.network.name, admin.task.serviceId, admin.container.name], ['bill-api', 'bill-net', ids['bill-api'], 'bill-box']);
  });

  test('nested references to out-of-scope objects: dropped from lists, null as objects, IDs in place of names', async () => {
    const netQuery = `{ network(id: "pay-shared") { services { service { name } } containers { id name } } }`;
    const mine = expectData(await as(deployer, netQuery)).network;
    const admins = expectData(await gw.gql(netQuery)).network;
    assert.deepEqual(mine.services, []);
    assert.deepEqual(admins.services.map((s: Json) => s.service.name), ['bill-api']);
    assert.ok(admins.containers.some((c: Json) => c.name.startsWith('bill-api.')), JSON.stringify(admins.containers));
    assert.deepEqual(mine.containers.filter((c: Json) => c.name.startsWith('bill-api.')), []);

    const svcQuery = `{ service(id: "pay-api") {
      networks { networkId network { name } }
      discovery { network name }
      tasks { nodeId node { id } networkAttachments { networkId networkName network { name } } }
    } }`;
    const svc = expectData(await as(deployer, svcQuery)).service;
    const plain = svc.networks.find((n: Json) => n.networkId === ids['plain-net']);
    assert.deepEqual(plain, { networkId: ids['plain-net'], network: null });
    assert.deepEqual(svc.networks.find((n: Json) => n.networkId === ids['pay-net']).network, { name: 'pay-net' });
    assert.deepEqual([...new Set(svc.discovery.map((d: Json) => d.network))].sort(), ['pay-net', ids['plain-net']].sort());
    const task = svc.tasks[0];
    assert.ok(task.nodeId);
    assert.equal(task.node, null, 'nodes are the whole cluster\'s: a scoped reader gets the ID only');
    const attachment = task.networkAttachments.find((a: Json) => a.networkId === ids['plain-net']);
    assert.deepEqual(attachment, { networkId: ids['plain-net'], networkName: ids['plain-net'], network: null });

    const adminSvc = expectData(await gw.gql(svcQuery)).service;
    assert.deepEqual(adminSvc.networks.find((n: Json) => n.networkId === ids['plain-net']).network, { name: 'plain-net' });
    assert.equal(adminSvc.tasks[0].networkAttachments.find((a: Json) => a.networkId === ids['plain-net']).networkName, 'plain-net');
    assert.ok(adminSvc.tasks[0].node);
  });

  test('billing objects cannot be scaled, updated, rolled back or removed: NOT_FOUND, and unchanged', async () => {
    for (const [field, inputType, input] of [
      ['serviceScale', 'ServiceScaleInput', { id: 'bill-api', replicas: 3 }],
      ['serviceUpdate', 'ServiceUpdateInput', { id: ids['bill-api'], envAdd: ['X=1'] }],
      ['serviceRollback', 'ServiceRollbackInput', { id: 'bill-api' }],
      ['serviceRemove', 'ServiceRemoveInput', { id: 'bill-api' }],
      ['serviceScale', 'ServiceScaleInput', { id: 'plain-svc', replicas: 0 }],
    ] as const) {
      const res = await as(deployer, `mutation($input: ${inputType}!) { ${field}(input: $input) { userErrors { code } } }`, { input });
      assert.deepEqual(errorOf(res), { code: 'NOT_FOUND', message: `service "${input.id}" not found` }, field);
    }
    assert.equal(await replicasOf('bill-api'), 1);
    assert.equal(await replicasOf('plain-svc'), 1);
    assert.ok(await serviceExists('bill-api'));
    assert.equal((await docker('service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', 'bill-api')).trim(), 'null');

    const removed = await mutate(deployer, 'networkRemove', 'NetworkRemoveInput', { ids: ['bill-net', ids['plain-net']!] }, 'removed { id }');
    assert.deepEqual(removed.removed, []);
    assert.deepEqual(removed.userErrors, [
      { field: ['input', 'ids', '0'], code: 'REFERENCE_NOT_FOUND', message: 'Network "bill-net" does not exist.' },
      { field: ['input', 'ids', '1'], code: 'REFERENCE_NOT_FOUND', message: `Network "${ids['plain-net']}" does not exist.` },
    ]);
    assert.ok(await networkExists('bill-net'));
    assert.ok(await networkExists('plain-net'));

    // A payments network that a billing service uses is in use, without naming that service.
    const shared = await mutate(deployer, 'networkRemove', 'NetworkRemoveInput', { ids: ['pay-shared'] }, 'removed { id }');
    assert.deepEqual(codesAndFields(shared.userErrors), [['IN_USE', ['input', 'ids', '0']]]);
    assert.match(shared.userErrors[0].message, /1 service\(s\) outside your grants' label scope/);
    assert.doesNotMatch(shared.userErrors[0].message, /bill/);
    assert.ok(await networkExists('pay-shared'));
  });

  test('what a payments deployer creates gets team=payments; another team label is refused and nothing is made', async () => {
    const svc = await mutate(deployer, 'serviceCreate', 'ServiceCreateInput', { name: 'pay-new', image: IMAGE, command: IDLE, replicas: 0 }, 'service { name labels { key value } }');
    assert.deepEqual(svc.userErrors, []);
    assert.deepEqual(await serviceLabels('pay-new'), { team: 'payments' });
    assert.deepEqual(svc.service.labels, [{ key: 'team', value: 'payments' }]);

    const net = await mutate(deployer, 'networkCreate', 'NetworkCreateInput', { name: 'pay-new-net', labels: [{ key: 'owner', value: 'alice' }] }, 'network { name }');
    assert.deepEqual(net.userErrors, []);
    assert.deepEqual(await networkLabels('pay-new-net'), { owner: 'alice', team: 'payments' });

    const badSvc = await mutate(deployer, 'serviceCreate', 'ServiceCreateInput', { name: 'pay-bad', image: IMAGE, replicas: 0, labels: [{ key: 'team', value: 'billing' }] }, 'service { id }');
    assert.equal(badSvc.service, null);
    assert.deepEqual(codesAndFields(badSvc.userErrors), [['SCOPE_LABEL', ['input', 'labels']]]);
    assert.match(badSvc.userErrors[0].message, /team must be payments/);
    assert.equal(await serviceExists('pay-bad'), false);

    const badNet = await mutate(deployer, 'networkCreate', 'NetworkCreateInput', { name: 'pay-bad-net', labels: [{ key: 'team', value: 'billing' }] }, 'network { id }');
    assert.deepEqual(codesAndFields(badNet.userErrors), [['SCOPE_LABEL', ['input', 'labels']]]);
    assert.equal(await networkExists('pay-bad-net'), false);

    // Only an unscoped admin makes the ingress network.
    const ingress = await mutate(deployer, 'networkCreate', 'NetworkCreateInput', { name: 'pay-ingress', ingress: true }, 'network { id }');
    assert.deepEqual(codesAndFields(ingress.userErrors), [['NOT_PERMITTED', ['input', 'ingress']]]);
    assert.equal(await networkExists('pay-ingress'), false);

    // A billing network is as missing as an absent one for the service's networks.
    const onBilling = await mutate(deployer, 'serviceCreate', 'ServiceCreateInput', { name: 'pay-on-bill', image: IMAGE, replicas: 0, networks: [{ target: 'bill-net' }] }, 'service { id }');
    assert.deepEqual(codesAndFields(onBilling.userErrors), [['REFERENCE_NOT_FOUND', ['input', 'networks', '0', 'target']]]);
    assert.equal(await serviceExists('pay-on-bill'), false);

    const list = expectData(await as(deployer, `{ services { nodes { name } } networks { nodes { name } } }`));
    assert.ok(list.services.nodes.some((s: Json) => s.name === 'pay-new'));
    assert.ok(list.networks.nodes.some((n: Json) => n.name === 'pay-new-net'));
  });

  test('the team label cannot be removed or changed, by update or by rollback; a billing network cannot be attached', async () => {
    const removeIt = await mutate(deployer, 'serviceUpdate', 'ServiceUpdateInput', { id: 'pay-api', labels: { remove: ['team'] } }, 'service { id }');
    assert.deepEqual(codesAndFields(removeIt.userErrors), [['SCOPE_LABEL', ['input', 'labels', 'remove', '0']]]);
    assert.match(removeIt.userErrors[0].message, /team=payments must stay/);
    const changeIt = await mutate(deployer, 'serviceUpdate', 'ServiceUpdateInput', { id: 'pay-api', labels: { add: [{ key: 'tier', value: 'gold' }, { key: 'team', value: 'billing' }] } }, 'service { id }');
    assert.deepEqual(codesAndFields(changeIt.userErrors), [['SCOPE_LABEL', ['input', 'labels', 'add', '1']]]);
    const rollback = await mutate(deployer, 'serviceRollback', 'ServiceRollbackInput', { id: 'pay-old' }, 'service { id }');
    assert.deepEqual(codesAndFields(rollback.userErrors), [['SCOPE_LABEL', ['input', 'id']]]);
    assert.deepEqual(await serviceLabels('pay-api'), { team: 'payments' });
    assert.deepEqual(await serviceLabels('pay-old'), { team: 'payments' });

    // Other labels are the deployer's to change.
    const other = await mutate(deployer, 'serviceUpdate', 'ServiceUpdateInput', { id: 'pay-api', labels: { add: [{ key: 'tier', value: 'gold' }] } }, 'service { id }');
    assert.deepEqual(other.userErrors, []);
    assert.deepEqual(await serviceLabels('pay-api'), { team: 'payments', tier: 'gold' });

    const attach = await mutate(deployer, 'serviceUpdate', 'ServiceUpdateInput', { id: 'pay-api', networkAdd: [{ target: ids['bill-net'] }] }, 'service { id }');
    assert.deepEqual(codesAndFields(attach.userErrors), [['REFERENCE_NOT_FOUND', ['input', 'networkAdd', '0', 'target']]]);
    const attached = JSON.parse(await docker('service', 'inspect', '--format', '{{json .Spec.TaskTemplate.Networks}}', 'pay-api')) as { Target: string }[];
    assert.deepEqual(attached.map((n) => n.Target).sort(), [ids['pay-net'], ids['plain-net']].sort());
  });

  test('networkConnect and networkDisconnect reach only payments networks and containers', async () => {
    const CONNECT = 'mutation($input: NetworkConnectInput!) { networkConnect(input: $input) { container { name networks { networkName } } userErrors { field code message } } }';
    const billBox = expectData(await as(deployer, CONNECT, { input: { network: 'pay-net', container: 'bill-box' } })).networkConnect;
    assert.deepEqual(codesAndFields(billBox.userErrors), [['REFERENCE_NOT_FOUND', ['input', 'container']]]);
    const billNet = expectData(await as(deployer, CONNECT, { input: { network: 'bill-net', container: 'pay-box' } })).networkConnect;
    assert.deepEqual(codesAndFields(billNet.userErrors), [['REFERENCE_NOT_FOUND', ['input', 'network']]]);
    const enginesNets = async (c: string) => Object.keys(JSON.parse(await docker('inspect', '--format', '{{json .NetworkSettings.Networks}}', c))).sort();
    assert.deepEqual(await enginesNets('bill-box'), ['bridge']);
    assert.deepEqual(await enginesNets('pay-box'), ['bridge']);

    const ok = expectData(await as(deployer, CONNECT, { input: { network: 'pay-net', container: 'pay-box' } })).networkConnect;
    assert.deepEqual(ok.userErrors, []);
    assert.deepEqual(ok.container.networks.map((n: Json) => n.networkName).sort(), ['bridge', 'pay-net']);
    assert.deepEqual(await enginesNets('pay-box'), ['bridge', 'pay-net']);

    const DISCONNECT = 'mutation($input: NetworkDisconnectInput!) { networkDisconnect(input: $input) { userErrors { field code } } }';
    assert.deepEqual(expectData(await as(deployer, DISCONNECT, { input: { network: 'pay-net', container: 'pay-box' } })).networkDisconnect.userErrors, []);
    assert.deepEqual(await enginesNets('pay-box'), ['bridge']);
  });

  test('operator:team=payments scales and updates image/env of payments services, nothing more', async () => {
    const scaled = await mutate(operator, 'serviceScale', 'ServiceScaleInput', { id: 'pay-api', replicas: 2 }, 'service { replicas }');
    assert.deepEqual(scaled.userErrors, []);
    assert.equal(await replicasOf('pay-api'), 2);

    const env = await mutate(operator, 'serviceUpdate', 'ServiceUpdateInput', { id: 'pay-api', envAdd: ['MODE=fast'] }, 'service { id }');
    assert.deepEqual(env.userErrors, []);
    assert.match(await docker('service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', 'pay-api'), /MODE=fast/);

    const ports = await mutate(operator, 'serviceUpdate', 'ServiceUpdateInput', { id: 'pay-api', publishAdd: ['8080:80'], labels: { add: [{ key: 'x', value: 'y' }] } }, 'service { id }');
    assert.deepEqual(codesAndFields(ports.userErrors), [
      ['NOT_PERMITTED', ['input', 'publishAdd']],
      ['NOT_PERMITTED', ['input', 'labels']],
    ]);
    assert.equal((await docker('service', 'inspect', '--format', '{{json .Spec.EndpointSpec.Ports}}', 'pay-api')).trim(), 'null');
    assert.deepEqual(await serviceLabels('pay-api'), { team: 'payments', tier: 'gold' });

    const create = await as(operator, `mutation { serviceCreate(input: { name: "op-new", image: "${IMAGE}" }) { service { id } } }`);
    assert.equal(errorOf(create).code, 'FORBIDDEN');
    assert.equal(await serviceExists('op-new'), false);

    const billing = await as(operator, `mutation { serviceScale(input: { id: "bill-api", replicas: 0 }) { service { id } } }`);
    assert.equal(errorOf(billing).code, 'NOT_FOUND');
    assert.equal(await replicasOf('bill-api'), 1);
  });

  test('viewer + operator:team=payments reads every service but scales only payments ones', async () => {
    const list = expectData(await as(viewerPlusOperator, `{ services { nodes { name } } service(id: "bill-api") { name } }`));
    assert.deepEqual(list.services.nodes.map((s: Json) => s.name).sort(), ['bill-api', 'pay-api', 'pay-new', 'pay-old', 'plain-svc']);
    assert.equal(list.service.name, 'bill-api');

    const billing = await as(viewerPlusOperator, `mutation { serviceScale(input: { id: "bill-api", replicas: 2 }) { service { id } } }`);
    assert.deepEqual(errorOf(billing), { code: 'NOT_FOUND', message: 'service "bill-api" not found' });
    assert.equal(await replicasOf('bill-api'), 1);

    const mine = await mutate(viewerPlusOperator, 'serviceScale', 'ServiceScaleInput', { id: 'pay-api', replicas: 1 }, 'service { replicas }');
    assert.deepEqual(mine.userErrors, []);
    assert.equal(await replicasOf('pay-api'), 1);
  });

  test('clusters lists only the clusters a grant covers', async () => {
    const names = async (token?: string) => {
      const res = token ? await as(token, '{ clusters { name } }') : await gw.gql('{ clusters { name } }');
      return expectData(res).clusters.map((c: Json) => c.name);
    };
    assert.deepEqual(await names(), [SWARM, OTHER_CLUSTER]);
    assert.deepEqual(await names(deployer), [SWARM, OTHER_CLUSTER]);
    assert.deepEqual(await names(await tokenFor([`viewer@${SWARM}`])), [SWARM]);
    const elsewhere = await tokenFor([`viewer@${OTHER_CLUSTER}`]);
    assert.deepEqual(await names(elsewhere), [OTHER_CLUSTER]);
    assert.equal(errorOf(await as(elsewhere, `{ services(cluster: "${SWARM}") { nodes { name } } }`)).code, 'FORBIDDEN');
  });
});
