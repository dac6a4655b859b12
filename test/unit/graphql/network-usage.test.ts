// Who uses a network, from recorded Engine JSON: the checks behind networkRemove's IN_USE
// and the `dangling` filter, plus the `docker network ls --filter` matching and the
// static-address check of networkConnect.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ClusterLoaders } from '../../../src/docker/loaders.ts';
import type { Network as EngineNetwork, Node as EngineNode, Service as EngineService, Task as EngineTask } from '../../../src/docker/engine-api/index.ts';
import { matchesLabel, matchesNetworkFilter } from '../../../src/graphql/networks/network-filter.ts';
import { staticAddressErrors } from '../../../src/graphql/networks/static-address.ts';
import { describeUsers, isInUse, networkUsers } from '../../../src/graphql/networks/usage.ts';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;

const list = fixture<EngineNetwork[]>('network-list.json');
const services = fixture<EngineService[]>('network-services.json');
const attachments = fixture<EngineTask[]>('network-attachment-tasks.json');
const nodes = fixture<EngineNode[]>('network-nodes.json');
const bridge = fixture<EngineNetwork>('network-inspect-bridge.json');
const full = fixture<EngineNetwork>('network-inspect-full-options.json');
const byName = (name: string) => list.find((n) => n.Name === name)!;

/** Loaders answering from the fixtures, recording the task filters asked for. */
function fakeLoaders(): ClusterLoaders & { taskFilters: unknown[] } {
  const taskFilters: unknown[] = [];
  return {
    taskFilters,
    services: async () => services,
    nodes: async () => nodes,
    tasks: async (filters: Record<string, string[]>) => {
      taskFilters.push(filters);
      return attachments;
    },
    verboseNetwork: async (id: string) => {
      if (id === byName('docker_gwbridge').Id) return { ...byName('docker_gwbridge'), Containers: { 'ingress-sbox': { Name: 'gateway_ingress-sbox' } } };
      if (id === byName('bridge').Id) return bridge;
      throw new Error(`unexpected inspect of ${id}`);
    },
  } as unknown as ClusterLoaders & { taskFilters: unknown[] };
}

describe('networkUsers', () => {
  test('services by spec and standalone containers anywhere in the swarm, named for a person', async () => {
    const loaders = fakeLoaders();
    const users = await networkUsers(loaders, [byName('att-ov'), byName('lonely')]);
    const attOv = users.get(byName('att-ov').Id)!;
    assert.deepEqual(attOv.services, ['dns', 'web']);
    assert.deepEqual(attOv.containers, ['843beba2ef94 on node nw-fix-manager-1']);
    assert.deepEqual(users.get(byName('lonely').Id)!.containers, ['d1a54ad3cd13 on node nw-fix-worker-1']);
    assert.match(describeUsers(attOv), /service\(s\) dns, web; container\(s\) 843beba2ef94 on node nw-fix-manager-1/);
    assert.deepEqual(loaders.taskFilters, [{ runtime: ['attachment'] }]);
  });

  test('ingress is used by the services that publish ports through the routing mesh', async () => {
    const users = (await networkUsers(fakeLoaders(), [byName('ingress')])).get(byName('ingress').Id)!;
    assert.deepEqual(users.ingressPublishers, ['web']);
    assert.match(describeUsers(users), /publishing ports through the routing mesh: web/);
    assert.equal(isInUse(users), true);
  });

  test('local networks: containers from the inspect, the engine\'s own endpoints left out', async () => {
    const users = await networkUsers(fakeLoaders(), [byName('docker_gwbridge')]);
    assert.equal(isInUse(users.get(byName('docker_gwbridge').Id)!), false);
    const custom = { ...bridge, Name: 'my-bridge' };
    const inUse = (await networkUsers(fakeLoaders(), [custom])).get(custom.Id)!;
    assert.deepEqual(inUse.containers, ['alpine1']);
  });

  test('an overlay nobody uses is not in use', async () => {
    const users = (await networkUsers(fakeLoaders(), [full])).get(full.Id)!;
    assert.equal(isInUse(users), false);
    assert.equal(describeUsers(users), '');
  });
});

describe('network filters', () => {
  test('labels: key or key=value', () => {
    assert.equal(matchesLabel({ team: 'a', env: '' }, 'team'), true);
    assert.equal(matchesLabel({ team: 'a' }, 'team=a'), true);
    assert.equal(matchesLabel({ team: 'a' }, 'team=b'), false);
    assert.equal(matchesLabel({ env: '' }, 'env='), true);
    assert.equal(matchesLabel(null, 'team'), false);
  });

  test('driver, scope, name substring and labels all have to match', () => {
    assert.equal(matchesNetworkFilter(full, { driver: 'overlay', scope: 'swarm', name: 'll-o', label: ['team=a', 'env'] }), true);
    assert.equal(matchesNetworkFilter(full, { driver: 'bridge' }), false);
    assert.equal(matchesNetworkFilter(full, { scope: 'local' }), false);
    assert.equal(matchesNetworkFilter(full, { name: 'nope' }), false);
    assert.equal(matchesNetworkFilter(full, { label: ['team=a', 'missing'] }), false);
    assert.equal(matchesNetworkFilter(full, null), true);
  });
});

describe('staticAddressErrors', () => {
  const field = ['input', 'ipv4Address'];
  test('inside one of the subnets: fine', () => {
    assert.deepEqual(staticAddressErrors('10.51.0.7', 'ipv4', full, field), []);
    assert.deepEqual(staticAddressErrors('fd00:50::7', 'ipv6', full, ['input', 'ipv6Address']), []);
  });
  test('not an address: INVALID_CIDR', () => {
    assert.equal(staticAddressErrors('10.0.0.300', 'ipv4', full, field)[0]?.code, 'INVALID_CIDR');
    assert.equal(staticAddressErrors('10.50.0.7/24', 'ipv4', full, field)[0]?.code, 'INVALID_CIDR');
    assert.equal(staticAddressErrors('fd00::/64', 'ipv6', full, field)[0]?.code, 'INVALID_CIDR');
  });
  test('outside every subnet: INVALID_VALUE naming the subnets', () => {
    const [e] = staticAddressErrors('10.52.0.7', 'ipv4', full, field);
    assert.equal(e?.code, 'INVALID_VALUE');
    assert.deepEqual(e?.field, field);
    assert.match(e!.message, /10\.52\.0\.7 is not inside the subnet of network "full-ov" \(10\.50\.0\.0\/24, 10\.51\.0\.0\/24\)/);
  });
  test('a network without subnets of that family cannot take a static address', () => {
    assert.match(staticAddressErrors('fd00::7', 'ipv6', bridge, field)[0]!.message, /has no IPv6 subnet/);
  });
});
