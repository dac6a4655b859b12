// networkCreate against the fake engine: the body `docker network create -d overlay` sends,
// the payload read back after allocation, userErrors (with nothing sent) for bad input, a
// taken name, a second ingress and overlapping subnets, the engine's own refusals mapped to
// the same codes, access refusals and what the audit log is told.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { EngineError, HANG_UP } from '../../../support/fake-engine/server.ts';

const CREATE = `mutation($input: NetworkCreateInput!) {
  networkCreate(input: $input) {
    network { id name driver scope attachable ingress encrypted mtu vxlanIds ipam { subnet gateway ipRange } labels { key value } options { key value } }
    userErrors { field code message }
  }
}`;

describe('networkCreate', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.engine.clearRequests();
    fake.audit.clear();
  });

  const createRequests = () => fake.engine.requests.filter((r) => r.method === 'POST' && r.path === '/networks/create');

  test('sends the CLI\'s body and returns the allocated network', async () => {
    const res = await fake.gql(CREATE, {
      input: { name: 'my-overlay', attachable: true, encrypted: true, mtu: 1400, ipam: [{ subnet: '10.20.0.0/24', gateway: '10.20.0.1', ipRange: '10.20.0.128/25' }], labels: [{ key: 'team', value: 'payments' }] },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const { network, userErrors } = res.data.networkCreate;
    assert.deepEqual(userErrors, []);
    const [sent] = createRequests();
    assert.deepEqual(sent!.body, {
      Name: 'my-overlay',
      CheckDuplicate: true,
      Driver: 'overlay',
      Scope: '',
      EnableIPv6: false,
      IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '10.20.0.0/24', IPRange: '10.20.0.128/25', Gateway: '10.20.0.1' }] },
      Internal: false,
      Attachable: true,
      Ingress: false,
      ConfigOnly: false,
      ConfigFrom: null,
      Options: { encrypted: '', 'com.docker.network.driver.mtu': '1400' },
      Labels: { team: 'payments' },
    });
    const stored = fake.engine.state.findNetwork('my-overlay')!;
    assert.equal(network.id, stored.Id);
    assert.equal(network.driver, 'overlay');
    assert.equal(network.scope, 'SWARM');
    assert.equal(network.attachable, true);
    assert.equal(network.encrypted, true);
    assert.equal(network.mtu, 1400);
    assert.equal(network.vxlanIds.length, 1);
    assert.deepEqual(network.ipam, [{ subnet: '10.20.0.0/24', gateway: '10.20.0.1', ipRange: '10.20.0.128/25' }]);
    assert.deepEqual(network.labels, [{ key: 'team', value: 'payments' }]);

    const intent = fake.audit.intents.find((i) => i.operation === 'networkCreate')!;
    assert.equal(intent.target, 'my-overlay');
    const outcome = fake.audit.outcomeOf('networkCreate')!;
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(outcome.objectIds, [stored.Id]);
  });

  for (const [what, input, code, field] of [
    ['a name outside swarmkit\'s rule', { name: '-bad' }, 'INVALID_VALUE', ['input', 'name']],
    ['a driver other than overlay', { name: 'b1', driver: 'bridge' }, 'INVALID_VALUE', ['input', 'driver']],
    ['an attachable ingress', { name: 'b2', ingress: true, attachable: true }, 'INVALID_VALUE', ['input', 'attachable']],
    ['an invalid CIDR', { name: 'b3', ipam: [{ subnet: '10.1.0.0/33' }] }, 'INVALID_CIDR', ['input', 'ipam', '0', 'subnet']],
    ['a gateway outside the subnet', { name: 'b4', ipam: [{ subnet: '10.1.0.0/24', gateway: '10.2.0.1' }] }, 'GATEWAY_OUTSIDE_SUBNET', ['input', 'ipam', '0', 'gateway']],
    ['an MTU out of range', { name: 'b5', mtu: 20 }, 'INVALID_VALUE', ['input', 'mtu']],
    ['ipv6 without an IPv6 subnet', { name: 'b6', ipv6: true }, 'INVALID_VALUE', ['input', 'ipv6']],
  ] as const) {
    test(`${what}: ${code} at ${field.join('.')}, nothing sent`, async () => {
      const res = await fake.gql(CREATE, { input });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const { network, userErrors } = res.data.networkCreate;
      assert.equal(network, null);
      assert.ok(
        userErrors.some((e: { code: string; field: string[] }) => e.code === code && JSON.stringify(e.field) === JSON.stringify(field)),
        JSON.stringify(userErrors),
      );
      assert.deepEqual(fake.engine.writes(), []);
      assert.equal(fake.audit.outcomeOf('networkCreate')?.status, 'failed');
    });
  }

  test('a taken name: NAME_CONFLICT naming the other network, nothing sent', async () => {
    const res = await fake.gql(CREATE, { input: { name: 'bridge' } });
    const [error] = res.data.networkCreate.userErrors;
    assert.equal(error.code, 'NAME_CONFLICT');
    assert.deepEqual(error.field, ['input', 'name']);
    assert.match(error.message, /local bridge network/);
    assert.deepEqual(createRequests(), []);
  });

  test('a second ingress network: INGRESS_EXISTS naming the first', async () => {
    const res = await fake.gql(CREATE, { input: { name: 'ingress2', ingress: true } });
    const [error] = res.data.networkCreate.userErrors;
    assert.equal(error.code, 'INGRESS_EXISTS');
    assert.deepEqual(error.field, ['input', 'ingress']);
    assert.match(error.message, /"ingress"/);
    assert.deepEqual(createRequests(), []);
  });

  test('a subnet overlapping another network\'s: SUBNET_OVERLAP, nothing sent', async () => {
    fake.engine.state.networks.set('x', { ...fake.engine.state.findNetwork('ingress')!, Id: 'x'.repeat(25), Name: 'taken-subnet', Ingress: false, IPAM: { Driver: 'default', Config: [{ Subnet: '10.30.0.0/16' }] } });
    try {
      const res = await fake.gql(CREATE, { input: { name: 'overlapping', ipam: [{ subnet: '10.30.4.0/24' }] } });
      const [error] = res.data.networkCreate.userErrors;
      assert.equal(error.code, 'SUBNET_OVERLAP');
      assert.deepEqual(error.field, ['input', 'ipam', '0', 'subnet']);
      assert.match(error.message, /taken-subnet/);
      assert.deepEqual(createRequests(), []);
    } finally {
      fake.engine.state.networks.delete('x');
    }
  });

  test('the engine\'s own name conflict (a race) is NAME_CONFLICT at input.name', async () => {
    const restore = fake.engine.override('POST', '/networks/create', () => {
      throw new EngineError(409, 'network with name raced already exists');
    });
    try {
      const res = await fake.gql(CREATE, { input: { name: 'raced' } });
      assert.deepEqual(res.data.networkCreate.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field]), [['NAME_CONFLICT', ['input', 'name']]]);
      assert.equal(createRequests().length, 1);
    } finally {
      restore();
    }
  });

  test('the engine\'s own "ingress already present" (a race) is INGRESS_EXISTS at input.ingress', async () => {
    const ingress = fake.engine.state.findNetwork('ingress')!;
    fake.engine.state.networks.delete(ingress.Id);
    const restore = fake.engine.override('POST', '/networks/create', () => {
      throw new EngineError(403, `rpc error: code = AlreadyExists desc = ingress network (${ingress.Id}) is already present`);
    });
    try {
      const res = await fake.gql(CREATE, { input: { name: 'ingress-raced', ingress: true } });
      assert.deepEqual(res.data.networkCreate.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field]), [['INGRESS_EXISTS', ['input', 'ingress']]]);
    } finally {
      restore();
      fake.engine.state.networks.set(ingress.Id, ingress);
    }
  });

  test('an engine that hangs up on the create: ENGINE_UNAVAILABLE, and the outcome recorded unknown (it may have been made)', async () => {
    const restore = fake.engine.override('POST', '/networks/create', () => HANG_UP);
    try {
      const { errorCodes } = await fake.mutate('networkCreate', { name: 'maybe-made' }, 'network { id }');
      assert.deepEqual(errorCodes, ['ENGINE_UNAVAILABLE']);
      assert.equal(fake.audit.outcomeOf('networkCreate')?.status, 'unknown');
    } finally {
      restore();
    }
  });

  test('a viewer is refused (FORBIDDEN), the refusal audited, nothing sent', async () => {
    const token = await fake.tokenFor('viewer');
    const res = await fake.gql(CREATE, { input: { name: 'by-viewer' } }, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(fake.engine.writes(), []);
    assert.equal(fake.audit.refusals.at(-1)?.operation, 'networkCreate');
  });

  test('ingress needs an admin: a deployer gets NOT_PERMITTED at input.ingress, nothing sent', async () => {
    const token = await fake.tokenFor('deployer');
    const res = await fake.gql(CREATE, { input: { name: 'ingress-by-deployer', ingress: true } }, { token });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(res.data.networkCreate.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field]), [['NOT_PERMITTED', ['input', 'ingress']]]);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('a label-scoped deployer\'s network gets its scope\'s labels', async () => {
    const token = await fake.tokenFor('deployer:team=payments');
    const res = await fake.gql(CREATE, { input: { name: 'scoped-net' } }, { token });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(res.data.networkCreate.userErrors, []);
    assert.deepEqual(createRequests()[0]!.body, { ...(createRequests()[0]!.body as object), Labels: { team: 'payments' } });
  });
});
