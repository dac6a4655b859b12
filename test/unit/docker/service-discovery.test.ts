// serviceDiscovery: what the swarm's DNS answers for a service, computed from the
// Engine's VIPs and task attachments (fixtures captured from Docker 20.10).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Service as EngineService, Task as EngineTask } from '../../../src/docker/engine-api/index.ts';
import { serviceDiscovery, toServiceModel } from '../../../src/docker/model/service.ts';
import { attachedNetworkNames } from '../../../src/docker/model/task.ts';

const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
const services = read<EngineService[]>('service-list.json');
const tasks = read<EngineTask[]>('task-list.json');
const networkNames = new Map(read<{ Id: string; Name: string }[]>('service-networks.json').map((n) => [n.Id, n.Name]));
const service = (name: string) => toServiceModel('c1', services.find((s) => s.Spec.Name === name)!);
const tasksOf = (id: string) => tasks.filter((t) => t.ServiceID === id);

describe('serviceDiscovery', () => {
  test('vip mode: the name and each alias resolve to the VIP; tasks.<name> to the running tasks only', () => {
    const web = service('web');
    assert.deepEqual(serviceDiscovery(web, tasksOf(web.id), networkNames), [
      { network: 'net-a', name: 'web', addresses: ['10.0.1.2'], kind: 'vip' },
      { network: 'net-a', name: 'webalias', addresses: ['10.0.1.2'], kind: 'vip' },
      // Three of web's tasks are shut down or failed; only the running one answers.
      { network: 'net-a', name: 'tasks.web', addresses: ['10.0.1.33'], kind: 'tasks' },
      // Docker's DNS answers for tasks.<alias> too.
      { network: 'net-a', name: 'tasks.webalias', addresses: ['10.0.1.33'], kind: 'tasks' },
    ]);
  });

  test('dnsrr mode: the name resolves to every running task, in address order', () => {
    const dns = service('dns');
    assert.deepEqual(serviceDiscovery(dns, tasksOf(dns.id), networkNames), [
      { network: 'net-a', name: 'dns', addresses: ['10.0.1.18', '10.0.1.19'], kind: 'tasks' },
      { network: 'net-a', name: 'tasks.dns', addresses: ['10.0.1.18', '10.0.1.19'], kind: 'tasks' },
    ]);
  });

  test("the tasks' own network names name the network; a network no name is known for shows its ID", () => {
    const web = service('web');
    const own = serviceDiscovery(web, tasksOf(web.id), attachedNetworkNames(tasksOf(web.id)));
    assert.deepEqual(own, serviceDiscovery(web, tasksOf(web.id), networkNames));
    const unnamed = serviceDiscovery(web, tasksOf(web.id), new Map());
    assert.deepEqual([...new Set(unnamed.map((d) => d.network))], [web.networks[0]!.networkId]);
  });

  test('a service on no network has no names', () => {
    const glob = service('glob');
    assert.deepEqual(serviceDiscovery(glob, tasksOf(glob.id), networkNames), []);
  });

  test('addresses sort numerically, not as text', () => {
    const dns = service('dns');
    const t = tasksOf(dns.id)[0]!;
    const at = (addr: string): EngineTask => ({ ...t, NetworksAttachments: [{ Network: { ID: 'b8zgvrcmf41inncz1jlslfi3k' }, Addresses: [addr] }] });
    const names = serviceDiscovery(dns, [at('10.0.1.100/24'), at('10.0.1.9/24'), at('10.0.1.20/24')], networkNames);
    assert.deepEqual(names[0]!.addresses, ['10.0.1.9', '10.0.1.20', '10.0.1.100']);
  });
});
