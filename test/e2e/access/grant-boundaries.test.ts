// Where a grant ends, tried as a hostile team member would (issue 8, parts 5-7), on two real
// single-node swarms A and B behind one gateway, every effect checked with the docker CLI:
// - naming cluster B beside an engine of A does not let a grant for B reach A (containers,
//   swarmInit, swarmLeave): the engine's own cluster decides, and a mismatch is refused even
//   to an admin of both; FORBIDDEN says neither why nor which other cluster;
// - a published-port clash is PORT_IN_USE at the port's input field, and a label-scoped
//   caller is not told which service (or its ID) holds the port;
// - endpoint URLs and socket paths only for admins;
// - secret-looking env values (DB_PASSWORD=...) are masked below an unscoped admin, in
//   queries and in mutation payloads, while the engine keeps them as given.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import supertest from 'supertest';
import { configFor, expectData, startGateway, type GqlResponse, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const A = 'sgw-gb-a';
const B = 'sgw-gb-b';
const IMAGE = 'sg-busybox:latest';
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
const TAKEN_PORT = 18080;

type Json = Record<string, any>;

describe('grant boundaries: engines of another cluster, port clashes, endpoints, secret env values', () => {
  let a: SwarmState;
  let b: SwarmState;
  let aNode: SwarmNode;
  let gw: TestGateway;
  let aSwarmId: string;
  let searchApiId: string;

  const dockerA = (...args: string[]) => dockerOk(aNode, args);
  const swarmIdOfA = async () => (await dockerA('info', '--format', '{{.Swarm.Cluster.ID}}')).trim();
  const as = async (grants: string[], query: string, variables?: Json) => gw.gql(query, variables, { token: await tokenFor(grants) });
  const firstError = (res: GqlResponse) => ({ code: res.errors?.[0]?.extensions?.code, message: res.errors?.[0]?.message ?? '' });

  before(async () => {
    [a, b] = await Promise.all([swarmUp(A), swarmUp(B)]);
    aNode = a.nodes[0]!;
    gw = await startGateway(configFor([a, b]));
    aSwarmId = await swarmIdOfA();
    await dockerA('run', '-d', '--name', 'a-box', '--label', 'team=payments', IMAGE, 'sleep', '600');
    // Another team's service holding a published port (ingress mode: swarm-wide).
    await dockerA('service', 'create', '-d', '--name', 'search-api', '--label', 'team=billing', '--replicas', '0', '--publish', `${TAKEN_PORT}:80`, IMAGE, ...IDLE);
    searchApiId = (await dockerA('service', 'inspect', '--format', '{{.ID}}', 'search-api')).trim();
    await dockerA('service', 'create', '-d', '--name', 'pay-db', '--label', 'team=payments', '--replicas', '0', '--env', 'DB_PASSWORD=hunter2', '--env', 'MODE=prod', IMAGE, ...IDLE);
  });

  after(async () => {
    await gw?.stop();
    await Promise.allSettled([swarmDown(A), swarmDown(B)]);
  });

  test("containers(cluster: B, engine: <A's engine>) does not list A's containers for a grant on B", async () => {
    const query = `query($e: String!) { containers(cluster: "${B}", engine: $e) { nodes { name } } }`;
    for (const grant of [`viewer@${B}`, `admin@${B}`, `viewer@${B}:team=payments`]) {
      const res = await as([grant], query, { e: aNode.hostname });
      assert.equal(res.data?.containers ?? null, null, `${grant} got A's containers: ${JSON.stringify(res.data)}`);
      assert.deepEqual(firstError(res), { code: 'FORBIDDEN', message: 'containers: not allowed' }, grant);
    }
    // container(id) likewise.
    const one = await as([`viewer@${B}`], `query($e: String!) { container(cluster: "${B}", engine: $e, id: "a-box") { name } }`, { e: aNode.hostname });
    assert.deepEqual(firstError(one), { code: 'FORBIDDEN', message: 'container: not allowed' });
  });

  test('an admin of both clusters naming the wrong cluster beside an engine gets BAD_REQUEST saying whose engine it is; the right one lists', async () => {
    const wrong = await gw.gql(`query($e: String!) { containers(cluster: "${B}", engine: $e) { nodes { name } } }`, { e: aNode.hostname });
    assert.equal(firstError(wrong).code, 'BAD_REQUEST');
    assert.match(firstError(wrong).message, new RegExp(`engine "${aNode.hostname}" belongs to cluster "${A}", not "${B}"`));
    const right = expectData(await gw.gql(`query($e: String!) { containers(cluster: "${A}", engine: $e) { nodes { name } } }`, { e: aNode.hostname }));
    assert.ok(right.containers.nodes.some((c: Json) => c.name === 'a-box'), JSON.stringify(right));
  });

  test('FORBIDDEN names no reason and no cluster the caller cannot see', async () => {
    for (const query of [`{ swarm(cluster: "${A}") { id } }`, `{ nodes(cluster: "${A}") { totalCount } }`]) {
      const { code, message } = firstError(await as([`viewer@${B}`], query));
      assert.equal(code, 'FORBIDDEN');
      assert.doesNotMatch(message, new RegExp(`${A}|grant|role|cluster`), message);
    }
    const { message } = firstError(await as([`viewer@${A}`], `mutation { swarmRotateJoinToken(input: { cluster: "${A}", role: WORKER }) { userErrors { code } } }`));
    assert.equal(message, 'swarmRotateJoinToken: not allowed');
    // The audit export's refusal too.
    const exported = await supertest(gw.gateway.app).get('/audit/export?format=ndjson').set('authorization', `Bearer ${await tokenFor([`viewer@${B}`])}`);
    assert.equal(exported.status, 403);
    assert.deepEqual([exported.body.errors[0].extensions.code, exported.body.errors[0].message], ['FORBIDDEN', 'audit export: not allowed']);
  });

  test('endpoint URLs and socket paths only for admins', async () => {
    const query = '{ clusters { name endpoints } engines { name endpoint } }';
    const admin = expectData(await gw.gql(query));
    assert.deepEqual(admin.clusters.find((c: Json) => c.name === A).endpoints, [aNode.host]);
    assert.equal(admin.engines.find((e: Json) => e.name === aNode.hostname).endpoint, aNode.host);
    for (const grants of [[`viewer@${A}`], [`deployer@${A}`], [`admin@${A}:team=payments`, `viewer@${A}`], [`admin@${B}`, `viewer@${A}`]]) {
      const seen = expectData(await as(grants, query));
      assert.deepEqual(seen.clusters.find((c: Json) => c.name === A).endpoints, [], grants.join('+'));
      assert.equal(seen.engines.find((e: Json) => e.name === aNode.hostname).endpoint, null, grants.join('+'));
      assert.doesNotMatch(JSON.stringify(seen), new RegExp(aNode.host.replace(/[/.]/g, '\\$&')), grants.join('+'));
    }
    // An admin of B sees B's endpoints, not A's.
    const adminB = expectData(await as([`admin@${B}`, `viewer@${A}`], query));
    assert.deepEqual(adminB.clusters.find((c: Json) => c.name === B).endpoints, [b.nodes[0]!.host]);
  });

  test('a published-port clash is PORT_IN_USE at the port field; a scoped deployer is not told which service holds it', async () => {
    const create = `mutation($input: ServiceCreateInput!) { serviceCreate(input: $input) { service { id } userErrors { field code message } } }`;
    const cases: [Json, string[]][] = [
      [{ publish: [`${TAKEN_PORT}:80`] }, ['input', 'publish', '0']],
      [{ ports: [{ targetPort: 81, publishedPort: 18081 }, { targetPort: 80, publishedPort: TAKEN_PORT }] }, ['input', 'ports', '1', 'publishedPort']],
    ];
    for (const [ports, field] of cases) {
      const res = await as([`deployer@${A}:team=payments`], create, { input: { cluster: A, name: 'pay-web', image: IMAGE, replicas: 0, ...ports } });
      const payload = expectData(res).serviceCreate;
      assert.equal(payload.service, null);
      assert.equal(payload.userErrors.length, 1, JSON.stringify(payload.userErrors));
      const [error] = payload.userErrors;
      assert.deepEqual([error.code, error.field], ['PORT_IN_USE', field]);
      assert.match(error.message, new RegExp(`port ${TAKEN_PORT} is already in use by another service`));
      assert.doesNotMatch(error.message, new RegExp(`search-api|${searchApiId.slice(0, 6)}`));
    }
    // serviceUpdate's publishAdd, on the deployer's own service.
    await dockerA('service', 'create', '-d', '--name', 'pay-web2', '--label', 'team=payments', '--replicas', '0', IMAGE, ...IDLE);
    const update = await as([`deployer@${A}:team=payments`], `mutation($input: ServiceUpdateInput!) { serviceUpdate(input: $input) { service { id } userErrors { field code message } } }`, {
      input: { cluster: A, id: 'pay-web2', publishAdd: ['8000:8000', `${TAKEN_PORT}:80`] },
    });
    const updateErrors = expectData(update).serviceUpdate.userErrors;
    assert.deepEqual(updateErrors.map((e: Json) => [e.code, e.field]), [['PORT_IN_USE', ['input', 'publishAdd', '1']]]);
    assert.doesNotMatch(updateErrors[0].message, /search-api/);
    // An unscoped admin sees every service anyway: it is told which, but never the ID.
    const admin = expectData(await gw.gql(create, { input: { cluster: A, name: 'admin-web', image: IMAGE, replicas: 0, publish: [`${TAKEN_PORT}:80`] } })).serviceCreate;
    assert.deepEqual(admin.userErrors.map((e: Json) => [e.code, e.field]), [['PORT_IN_USE', ['input', 'publish', '0']]]);
    assert.match(admin.userErrors[0].message, /service 'search-api'/);
    assert.doesNotMatch(admin.userErrors[0].message, new RegExp(searchApiId.slice(0, 6)));
    // Nothing changed: no new service, pay-web2 publishes nothing.
    const names = (await dockerA('service', 'ls', '--format', '{{.Name}}')).trim().split('\n').sort();
    assert.deepEqual(names, ['pay-db', 'pay-web2', 'search-api']);
    assert.equal((await dockerA('service', 'inspect', '--format', '{{json .Spec.EndpointSpec.Ports}}', 'pay-web2')).trim(), 'null');
  });

  test('secret-looking env values are masked below an unscoped admin, in queries and payloads; the engine keeps them', async () => {
    const query = `{ service(cluster: "${A}", id: "pay-db") { env } }`;
    assert.deepEqual(expectData(await gw.gql(query)).service.env, ['DB_PASSWORD=hunter2', 'MODE=prod']);
    for (const grants of [[`viewer@${A}`], [`deployer@${A}:team=payments`], [`admin@${A}:team=payments`], [`admin@${B}`, `viewer@${A}`]]) {
      assert.deepEqual(expectData(await as(grants, query)).service.env, ['DB_PASSWORD=[redacted]', 'MODE=prod'], grants.join('+'));
    }
    const list = expectData(await as([`viewer@${A}`], `{ services(cluster: "${A}") { nodes { name env } } }`)).services.nodes;
    assert.deepEqual(list.find((s: Json) => s.name === 'pay-db').env, ['DB_PASSWORD=[redacted]', 'MODE=prod']);
    // An operator's env change: the payload masks the new secret too.
    const updated = expectData(
      await as([`operator@${A}:team=payments`], `mutation($input: ServiceUpdateInput!) { serviceUpdate(input: $input) { service { env } userErrors { field code message } } }`, {
        input: { cluster: A, id: 'pay-db', envAdd: ['API_TOKEN=abc123'] },
      }),
    ).serviceUpdate;
    assert.deepEqual(updated.userErrors, []);
    assert.deepEqual([...updated.service.env].sort(), ['API_TOKEN=[redacted]', 'DB_PASSWORD=[redacted]', 'MODE=prod']);
    const engineEnv = JSON.parse(await dockerA('service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Env}}', 'pay-db'));
    assert.deepEqual([...engineEnv].sort(), ['API_TOKEN=abc123', 'DB_PASSWORD=hunter2', 'MODE=prod']);
  });

  // Last: on the old code swarmLeave really took A's engine out of its swarm.
  test("an admin of B cannot swarmInit or swarmLeave A's engine by naming B; an admin of both gets a userError; A's swarm is intact", async () => {
    const init = `mutation($input: SwarmInitInput!) { swarmInit(input: $input) { nodeId userErrors { field code message } } }`;
    const leave = `mutation($input: SwarmLeaveInput!) { swarmLeave(input: $input) { left userErrors { field code message } } }`;
    const adminB = [`admin@${B}`];
    const refusedInit = await as(adminB, init, { input: { cluster: B, engine: aNode.hostname } });
    assert.deepEqual(firstError(refusedInit), { code: 'FORBIDDEN', message: 'swarmInit: not allowed' });
    const refusedLeave = await as(adminB, leave, { input: { cluster: B, engine: aNode.hostname, force: true } });
    assert.deepEqual(firstError(refusedLeave), { code: 'FORBIDDEN', message: 'swarmLeave: not allowed' });
    assert.equal(await swarmIdOfA(), aSwarmId);

    const both = expectData(await gw.gql(leave, { input: { cluster: B, engine: aNode.hostname, force: true } })).swarmLeave;
    assert.equal(both.left, false);
    assert.deepEqual(both.userErrors.map((e: Json) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'cluster']]]);
    assert.match(both.userErrors[0].message, new RegExp(`belongs to cluster "${A}", not "${B}"`));
    assert.equal(await swarmIdOfA(), aSwarmId);
  });
});
