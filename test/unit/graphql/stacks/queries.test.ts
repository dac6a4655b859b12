// `stacks` and `stack` against a fake engine: a stack is the namespace label on services,
// networks, secrets and configs, whoever made them (`docker stack deploy` stamps only the
// label; the gateway adds a scoped grant's labels); a label-scoped reader sees the stacks with
// an object in its scope and only those objects; pages by name; a stack with nothing readable
// is NOT_FOUND; the latest rollout of each service, newest first; one list per kind however
// many stacks a query shows.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { serviceSpec, swarmObjectId, type Json } from '../../../support/fake-engine/state.ts';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

const NS = 'com.docker.stack.namespace';
const STACK = 'name cluster services { name } networks { name } secrets { name } configs { name }';

describe('stacks and stack', () => {
  let fg: FakeGateway;
  before(async () => {
    fg = await startFakeGateway();
  });
  after(() => fg?.stop());
  beforeEach(() => {
    const state = fg.engine.state;
    for (const s of [...state.services.values()]) state.removeService(s);
    for (const n of [...state.networks.values()]) if (n.Labels?.[NS]) state.networks.delete(n.Id);
    state.secrets.clear();
    state.configs.clear();
    fg.engine.clearRequests();
    fg.audit.clear();
  });

  const labelled = (stack: string, extra: Record<string, string> = {}) => ({ [NS]: stack, ...extra });
  const addService = (name: string, labels: Record<string, string>) => fg.engine.state.addService(serviceSpec(name, { Labels: labels }));
  const addNetwork = (name: string, labels: Record<string, string>) => {
    const network = swarmNetwork(fg.engine.state, { Name: name, Labels: labels });
    fg.engine.state.networks.set(network.Id, network);
    return network;
  };
  const addStored = (kind: 'secrets' | 'configs', name: string, labels: Record<string, string>) => {
    const state = fg.engine.state;
    const now = state.now();
    const object: Json = { ID: swarmObjectId(), Version: state.nextVersion(), CreatedAt: now, UpdatedAt: now, Spec: { Name: name, Labels: labels, Data: 'eA==' } };
    state[kind].set(object.ID, object);
    return object;
  };
  /** What `docker stack deploy` makes: the namespace label only. */
  const cliStack = (stack: string) => {
    addService(`${stack}_web`, labelled(stack));
    addNetwork(`${stack}_default`, labelled(stack));
    addStored('secrets', `${stack}_key`, labelled(stack));
    addStored('configs', `${stack}_conf`, labelled(stack));
  };
  const gql = async (query: string, token?: string) => {
    const res = await fg.gql(query, {}, token ? { token } : undefined);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!;
  };

  test('stacks: the namespaces of CLI-made and gateway-made objects, by name, each with its objects by name; unlabelled objects are no stack', async () => {
    cliStack('cli');
    addService('gw_worker', labelled('gw', { team: 'payments' }));
    addService('gw_api', labelled('gw', { team: 'payments' }));
    addStored('configs', 'gw_only-config', labelled('gw', { team: 'payments' }));
    addService('plain', {});
    addNetwork('loose', { team: 'payments' });
    const data = await gql(`{ stacks { totalCount nodes { ${STACK} } } }`);
    assert.deepEqual(data.stacks, {
      totalCount: 2,
      nodes: [
        { name: 'cli', cluster: 'fake', services: [{ name: 'cli_web' }], networks: [{ name: 'cli_default' }], secrets: [{ name: 'cli_key' }], configs: [{ name: 'cli_conf' }] },
        { name: 'gw', cluster: 'fake', services: [{ name: 'gw_api' }, { name: 'gw_worker' }], networks: [], secrets: [], configs: [{ name: 'gw_only-config' }] },
      ],
    });
  });

  test('a stack of networks, secrets or configs alone (no service) is a stack', async () => {
    addNetwork('netonly_default', labelled('netonly'));
    addStored('secrets', 'secretonly_key', labelled('secretonly'));
    const data = await gql('{ stacks { nodes { name networks { name } secrets { name } } } }');
    assert.deepEqual(data.stacks.nodes, [
      { name: 'netonly', networks: [{ name: 'netonly_default' }], secrets: [] },
      { name: 'secretonly', networks: [], secrets: [{ name: 'secretonly_key' }] },
    ]);
  });

  test('a scoped reader sees the stacks with an object in its scope, and only those objects', async () => {
    addService('mixed_pay', labelled('mixed', { team: 'payments' }));
    addService('mixed_ship', labelled('mixed', { team: 'shipping' }));
    addNetwork('mixed_default', labelled('mixed'));
    addStored('secrets', 'mixed_pay-key', labelled('mixed', { team: 'payments' }));
    addStored('secrets', 'mixed_ship-key', labelled('mixed', { team: 'shipping' }));
    addStored('configs', 'ship_conf', labelled('ship', { team: 'shipping' }));
    addService('ship_api', labelled('ship', { team: 'shipping' }));
    cliStack('cli');
    const token = await fg.tokenFor('viewer:team=payments');
    const data = await gql(`{ stacks { totalCount nodes { ${STACK} } } }`, token);
    assert.deepEqual(data.stacks, {
      totalCount: 1,
      nodes: [{ name: 'mixed', cluster: 'fake', services: [{ name: 'mixed_pay' }], networks: [], secrets: [{ name: 'mixed_pay-key' }], configs: [] }],
    });
    const one = await fg.gql('{ stack(name: "ship") { name } }', {}, { token });
    assert.equal(one.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const cli = await fg.gql('{ stack(name: "cli") { name } }', {}, { token });
    assert.equal(cli.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    // The unscoped reader sees all three, each whole.
    const all = await gql('{ stacks { nodes { name services { name } secrets { name } } } }');
    assert.deepEqual(all.stacks.nodes.map((s: Json) => s.name), ['cli', 'mixed', 'ship']);
    assert.deepEqual(all.stacks.nodes[1].services, [{ name: 'mixed_pay' }, { name: 'mixed_ship' }]);
  });

  test('a reader scoped to a team whose only object in a stack is a secret sees the stack through it', async () => {
    addService('s_api', labelled('s', { team: 'shipping' }));
    addStored('secrets', 's_pay-key', labelled('s', { team: 'payments' }));
    const token = await fg.tokenFor('viewer:team=payments');
    const data = await gql(`{ stack(name: "s") { ${STACK} } }`, token);
    assert.deepEqual(data.stack, { name: 's', cluster: 'fake', services: [], networks: [], secrets: [{ name: 's_pay-key' }], configs: [] });
  });

  test('pages: first and after by name, totalCount across pages; first outside 1-100 and a foreign cursor are refused', async () => {
    for (const name of ['delta', 'alpha', 'echo', 'charlie', 'bravo']) addService(`${name}_web`, labelled(name));
    const first = await gql('{ stacks(first: 2) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage endCursor } } }');
    assert.deepEqual(first.stacks.nodes, [{ name: 'alpha' }, { name: 'bravo' }]);
    assert.equal(first.stacks.totalCount, 5);
    assert.deepEqual([first.stacks.pageInfo.hasNextPage, first.stacks.pageInfo.hasPreviousPage], [true, false]);
    const second = await gql(`{ stacks(first: 2, after: "${first.stacks.pageInfo.endCursor}") { nodes { name } pageInfo { hasNextPage hasPreviousPage endCursor } } }`);
    assert.deepEqual(second.stacks.nodes, [{ name: 'charlie' }, { name: 'delta' }]);
    const third = await gql(`{ stacks(first: 2, after: "${second.stacks.pageInfo.endCursor}") { nodes { name } edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage } } }`);
    assert.deepEqual(third.stacks.nodes, [{ name: 'echo' }]);
    assert.deepEqual(third.stacks.edges.map((e: Json) => e.node.name), ['echo']);
    assert.deepEqual([third.stacks.pageInfo.hasNextPage, third.stacks.pageInfo.hasPreviousPage], [false, true]);
    const all = await gql('{ stacks { nodes { name } } }');
    assert.equal(all.stacks.nodes.length, 5);
    for (const bad of ['first: 0', 'first: 101', 'after: "not-a-cursor"']) {
      const res = await fg.gql(`{ stacks(${bad}) { totalCount } }`);
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST', bad);
    }
  });

  test('stack: one stack with its objects; a name nobody labelled is NOT_FOUND; an unknown cluster is refused', async () => {
    cliStack('one');
    cliStack('other');
    const data = await gql(`{ stack(name: "one") { ${STACK} } }`);
    assert.deepEqual(data.stack, { name: 'one', cluster: 'fake', services: [{ name: 'one_web' }], networks: [{ name: 'one_default' }], secrets: [{ name: 'one_key' }], configs: [{ name: 'one_conf' }] });
    const missing = await fg.gql('{ stack(name: "nothing") { name } }');
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal(missing.data, null);
    const cluster = await fg.gql('{ stack(cluster: "nowhere", name: "one") { name } }');
    assert.ok(cluster.errors?.length);
    assert.notEqual(cluster.errors?.[0]?.extensions?.code, 'INTERNAL');
  });

  test('rollouts: the latest rollout of each service that has one, newest first', async () => {
    addService('ro_a', labelled('ro'));
    addService('ro_b', labelled('ro'));
    addService('ro_quiet', labelled('ro'));
    const update = async (id: string, image: string) => {
      const answer = await fg.mutate('serviceUpdate', { id, image }, 'rollout { id }');
      assert.deepEqual(answer.userErrors, []);
      return answer.payload!.rollout.id as string;
    };
    await update('ro_a', 'busybox:1');
    await new Promise((r) => setTimeout(r, 5)); // distinct start times: the order under test is by start
    await update('ro_b', 'busybox:1');
    await new Promise((r) => setTimeout(r, 5));
    const latestA = await update('ro_a', 'busybox:2');
    const bId = (await fg.gql('{ service(id: "ro_b") { rollouts(first: 1) { nodes { id } } } }')).data!.service.rollouts.nodes[0].id;
    const data = await gql('{ stack(name: "ro") { rollouts { id serviceName } } }');
    assert.deepEqual(data.stack.rollouts, [{ id: latestA, serviceName: 'ro_a' }, { id: bId, serviceName: 'ro_b' }]);
  });

  test('a page of stacks with every nested field lists services, networks, secrets and configs once each', async () => {
    for (const name of ['n1', 'n2', 'n3']) cliStack(name);
    fg.engine.clearRequests();
    const data = await gql(`{ stacks { nodes { ${STACK} rollouts { id } } } }`);
    assert.equal(data.stacks.nodes.length, 3);
    const lists = fg.engine.requests.filter((r) => r.method === 'GET').map((r) => r.path).filter((p) => /^\/(services|networks|secrets|configs)$/.test(p.replace(/^\/v[\d.]+/, '')));
    assert.deepEqual(lists.map((p) => p.replace(/^\/v[\d.]+/, '')).sort(), ['/configs', '/networks', '/secrets', '/services']);
  });
});
