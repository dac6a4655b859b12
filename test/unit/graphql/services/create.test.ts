// serviceCreate against a fake engine: the ServiceSpec the engine receives, the payload,
// userErrors for bad input with nothing sent, the engine's refusals as userErrors,
// access refusals and the audit intent and outcome of each.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { HANG_UP } from '../../../support/fake-engine/server.ts';
import { useFakeGateway } from '../../../support/fake-gateway.ts';

const SERVICE = 'service { id name image replicas mode labels { key value } }';

describe('serviceCreate', () => {
  const fg = useFakeGateway();
  const creates = () => fg().engine.writes().filter((r) => r.path === '/services/create');

  test('sends the CLI\'s ServiceSpec and returns the service read back; the audit log has the intent and the outcome', async () => {
    const answer = await fg().mutate('serviceCreate', {
      name: 'web',
      image: 'nginx:1.27',
      replicas: 3,
      env: ['A=1'],
      labels: [{ key: 'tier', value: 'front' }],
      command: ['nginx'],
      args: ['-g', 'daemon off;'],
    }, `${SERVICE} warnings`);
    assert.deepEqual(answer.userErrors, []);
    const stored = fg().engine.state.findService('web')!;
    assert.deepEqual(answer.payload!.service, {
      id: stored.ID, name: 'web', image: 'nginx:1.27', replicas: 3, mode: 'REPLICATED', labels: [{ key: 'tier', value: 'front' }],
    });
    assert.deepEqual(answer.payload!.warnings, []);
    const [sent] = creates();
    const spec = sent!.body as Record<string, any>;
    assert.equal(spec.Name, 'web');
    assert.deepEqual(spec.Labels, { tier: 'front' });
    assert.deepEqual(spec.Mode, { Replicated: { Replicas: 3 } });
    assert.equal(spec.TaskTemplate.ContainerSpec.Image, 'nginx:1.27');
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Env, ['A=1']);
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Command, ['nginx']);
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Args, ['-g', 'daemon off;']);
    assert.equal(creates().length, 1);

    const [intent] = fg().audit.intents;
    assert.equal(intent!.operation, 'serviceCreate');
    assert.equal(intent!.cluster, 'fake');
    assert.equal(intent!.target, 'web');
    assert.deepEqual((intent!.input as Record<string, unknown>).name, 'web');
    // The intent names the decision that allowed it: the permission and the grant.
    assert.deepEqual(intent!.decision, { allowed: true, permission: 'Mutation.serviceCreate', grant: 'admin' });
    const outcome = fg().audit.outcomeOf('serviceCreate')!;
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(outcome.objectIds, [stored.ID]);
  });

  test('networks by name are sent as IDs with their aliases; an unknown one is REFERENCE_NOT_FOUND at its target, nothing sent', async () => {
    const net = swarmNetwork(fg().engine.state, { Name: 'create-net', Driver: 'overlay' });
    fg().engine.state.networks.set(net.Id, net);
    const answer = await fg().mutate('serviceCreate', { name: 'attached', image: 'busybox', networks: [{ target: 'create-net', aliases: ['a1'] }] }, 'service { networks { networkId aliases } }');
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual((creates()[0]!.body as Record<string, any>).TaskTemplate.Networks, [{ Target: net.Id, Aliases: ['a1'] }]);
    assert.deepEqual(answer.payload!.service.networks, [{ networkId: net.Id, aliases: ['a1'] }]);
    fg().engine.clearRequests();
    const missing = await fg().mutate('serviceCreate', { name: 'lost-net', image: 'busybox', networks: [{ target: 'create-net' }, { target: 'no-such-net' }] }, SERVICE);
    assert.deepEqual(missing.userErrors.map((e) => [e.field, e.code]), [[['input', 'networks', '1', 'target'], 'REFERENCE_NOT_FOUND']]);
    assert.deepEqual(creates(), []);
  });

  test('both publish forms and structured ports become EndpointSpec.Ports in order; a bad one is refused at its index', async () => {
    const answer = await fg().mutate('serviceCreate', {
      name: 'ported', image: 'busybox',
      publish: ['8080:80/udp', 'published=8083,target=83,protocol=tcp,mode=host'],
      ports: [{ targetPort: 85, publishedPort: 8085, protocol: 'SCTP' }],
    }, 'service { ports { targetPort publishedPort protocol publishMode } }');
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual((creates()[0]!.body as Record<string, any>).EndpointSpec.Ports, [
      { Protocol: 'udp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' },
      { Protocol: 'tcp', TargetPort: 83, PublishedPort: 8083, PublishMode: 'host' },
      { Protocol: 'sctp', TargetPort: 85, PublishedPort: 8085, PublishMode: 'ingress' },
    ]);
    assert.deepEqual(answer.payload!.service.ports.map((p: Record<string, unknown>) => p.publishMode), ['INGRESS', 'HOST', 'INGRESS']);
    fg().engine.clearRequests();
    const bad = await fg().mutate('serviceCreate', { name: 'badport', image: 'busybox', publish: ['8080:80', '70000:80', '1:2/icmp'] }, SERVICE);
    assert.deepEqual(bad.userErrors.map((e) => [e.field, e.code]), [[['input', 'publish', '1'], 'INVALID_PORT'], [['input', 'publish', '2'], 'INVALID_PROTOCOL']]);
    assert.deepEqual(fg().engine.requests, []);
  });

  test('global mode: Mode.Global, no replicas', async () => {
    const answer = await fg().mutate('serviceCreate', { name: 'agent', image: 'busybox', mode: 'GLOBAL' }, SERVICE);
    assert.deepEqual(answer.userErrors, []);
    assert.equal(answer.payload!.service.mode, 'GLOBAL');
    assert.deepEqual((creates()[0]!.body as Record<string, any>).Mode, { Global: {} });
  });

  test('bad input: every problem at its field, the engine asked nothing, the outcome failed', async () => {
    const answer = await fg().mutate('serviceCreate', { name: 'bad name!', image: 'busybox', replicas: -1, workdir: 'relative' }, SERVICE);
    assert.equal(answer.payload!.service, null);
    const fields = answer.userErrors.map((e) => `${e.field?.join('.')}:${e.code}`).sort();
    assert.deepEqual(fields, ['input.name:INVALID_VALUE', 'input.replicas:INVALID_VALUE', 'input.workdir:INVALID_VALUE']);
    assert.deepEqual(fg().engine.requests, []);
    assert.equal(fg().audit.outcomeOf('serviceCreate')!.status, 'failed');
    assert.equal(fg().audit.outcomeOf('serviceCreate')!.errorCode, 'INVALID_VALUE');
  });

  test('replicas with a global mode are refused at input.replicas', async () => {
    const answer = await fg().mutate('serviceCreate', { name: 'both', image: 'busybox', mode: 'GLOBAL', replicas: 2 }, SERVICE);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'replicas'], 'INVALID_VALUE']]);
    assert.deepEqual(creates(), []);
  });

  test('a name the swarm already has: the engine\'s 409 is NAME_CONFLICT at input.name', async () => {
    fg().engine.state.addService({ Name: 'taken', TaskTemplate: { ContainerSpec: { Image: 'busybox' } }, Mode: { Replicated: { Replicas: 1 } } });
    const answer = await fg().mutate('serviceCreate', { name: 'taken', image: 'busybox' }, SERVICE);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'name'], 'NAME_CONFLICT']]);
    assert.match(answer.userErrors[0]!.message, /already exists/);
    assert.equal(creates().length, 1);
    assert.equal(fg().audit.outcomeOf('serviceCreate')!.errorCode, 'NAME_CONFLICT');
  });

  test('a published port another service holds: PORT_IN_USE at the port that asked for it', async () => {
    fg().engine.state.addService({
      Name: 'holder', TaskTemplate: { ContainerSpec: { Image: 'busybox' } }, Mode: { Replicated: { Replicas: 1 } },
      EndpointSpec: { Mode: 'vip', Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 18080, PublishMode: 'ingress' }] },
    });
    const answer = await fg().mutate('serviceCreate', { name: 'clash', image: 'busybox', ports: [{ targetPort: 80, publishedPort: 18080 }] }, SERVICE);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'ports', '0', 'publishedPort'], 'PORT_IN_USE']]);
    assert.deepEqual((creates()[0]!.body as Record<string, any>).EndpointSpec.Ports, [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 18080, PublishMode: 'ingress' }]);
  });

  test('a deployer\'s spec passes the guardrails: the worker constraint is added to what is sent', async () => {
    const token = await fg().tokenFor('deployer');
    const answer = await fg().mutate('serviceCreate', { name: 'guarded', image: 'busybox', constraints: ['node.labels.zone==a'] }, SERVICE, { token });
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(fg().audit.intents[0]!.decision, { allowed: true, permission: 'Mutation.serviceCreate', grant: 'deployer' });
    const constraints = (creates()[0]!.body as Record<string, any>).TaskTemplate.Placement.Constraints;
    assert.deepEqual([...constraints].sort(), ['node.labels.zone==a', 'node.role==worker']);
  });

  test('a viewer or an operator may not create: FORBIDDEN, nothing sent, the refusal audited', async () => {
    for (const role of ['viewer', 'operator']) {
      fg().audit.clear();
      const answer = await fg().mutate('serviceCreate', { name: `no-${role}`, image: 'busybox' }, SERVICE, { token: await fg().tokenFor(role) });
      assert.equal(answer.payload, null);
      assert.deepEqual(answer.errorCodes, ['FORBIDDEN']);
      assert.deepEqual(fg().audit.intents, []);
      assert.deepEqual(fg().audit.refusals.map((r) => [r.kind, r.operation, r.errorCode]), [['denied', 'serviceCreate', 'FORBIDDEN']]);
    }
    assert.deepEqual(fg().engine.writes(), []);
  });

  test('an unknown cluster is NOT_FOUND naming the configured ones; no engine is asked', async () => {
    const answer = await fg().mutate('serviceCreate', { cluster: 'nope', name: 'elsewhere', image: 'busybox' }, SERVICE);
    assert.deepEqual(answer.errorCodes, ['NOT_FOUND']);
    assert.match(answer.response.errors![0]!.message, /cluster "nope" is not configured \(configured: fake\)/);
    assert.deepEqual(fg().engine.requests, []);
  });

  test('the engine hangs up after the request: ENGINE_UNAVAILABLE and an unknown outcome', async () => {
    const restore = fg().engine.override('POST', '/services/create', () => HANG_UP);
    try {
      const answer = await fg().mutate('serviceCreate', { name: 'lost', image: 'busybox' }, SERVICE);
      assert.deepEqual(answer.errorCodes, ['ENGINE_UNAVAILABLE']);
      assert.match(answer.response.errors![0]!.message, /outcome is unknown/);
      assert.equal(fg().audit.outcomeOf('serviceCreate')!.status, 'unknown');
    } finally {
      restore();
    }
  });
});
