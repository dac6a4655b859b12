// toServiceModel against `GET /services?status=true` as Docker 20.10 answered it
// (fixtures/service-list.json: services made with `docker service create` options).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Service as EngineService, PortConfig } from '../../../src/docker/engine-api/index.ts';
import { toPortConfig, toServiceModel } from '../../../src/docker/model/service.ts';

const services = JSON.parse(readFileSync(new URL('../fixtures/service-list.json', import.meta.url), 'utf8')) as EngineService[];
const byName = (name: string) => services.find((s) => s.Spec.Name === name)!;

describe('toServiceModel', () => {
  test('a replicated service with every option the CLI sets', () => {
    const m = toServiceModel('c1', byName('web'));
    assert.equal(m.cluster, 'c1');
    assert.equal(m.id, 'rbu3iga91elxtsv6fw85j53kg');
    assert.equal(m.version, 236);
    assert.equal(m.name, 'web');
    assert.equal(m.image, 'sg-busybox:latest');
    assert.deepEqual(m.command, []);
    assert.deepEqual(m.args, ['sh', '-c', 'while true; do echo hello; echo err >&2; sleep 2; done']);
    assert.equal(m.mode, 'REPLICATED');
    assert.equal(m.replicas, 1);
    assert.equal(m.runningTasks, 1);
    assert.equal(m.desiredTasks, 1);
    assert.equal(m.endpointMode, 'VIP');
    assert.deepEqual(m.env, ['A=1', 'B=2']);
    assert.deepEqual(m.labels, [{ key: 'team', value: 'x' }]);
    assert.deepEqual(m.containerLabels, [{ key: 'c', value: '1' }]);
    assert.deepEqual(m.constraints, ['node.role==worker']);
    assert.deepEqual(m.resources, { limitCpus: 0.5, limitMemoryBytes: 64 * 1024 * 1024, reserveCpus: null, reserveMemoryBytes: 32 * 1024 * 1024 });
    assert.deepEqual(m.updateConfig, { parallelism: 2, delaySeconds: 5, failureAction: 'pause', monitorSeconds: 5, maxFailureRatio: 0, order: 'stop-first' });
    // The Engine omits a zero Delay.
    assert.deepEqual(m.rollbackConfig, { parallelism: 1, delaySeconds: 0, failureAction: 'pause', monitorSeconds: 5, maxFailureRatio: 0, order: 'start-first' });
    assert.deepEqual(m.updateStatus, {
      state: 'completed',
      startedAt: '2026-11-22T06:11:20.90443413Z',
      completedAt: '2026-11-22T06:11:46.834887985Z',
      message: 'update completed',
    });
    assert.equal(m.canRollback, true);
    assert.equal(m.createdAt, '2026-11-22T06:06:06.748863753Z');
  });

  test('networks carry aliases and the bare VIP of that network; ingress is not listed', () => {
    const m = toServiceModel('c1', byName('web'));
    assert.deepEqual(m.networks, [{ cluster: 'c1', networkId: 'b8zgvrcmf41inncz1jlslfi3k', aliases: ['webalias'], virtualIp: '10.0.1.2' }]);
    assert.deepEqual(m.ports, [{ targetPort: 80, publishedPort: 8080, protocol: 'UDP', publishMode: 'INGRESS' }]);
  });

  test('a dnsrr service has no VIP and no ports', () => {
    const m = toServiceModel('c1', byName('dns'));
    assert.equal(m.endpointMode, 'DNSRR');
    assert.deepEqual(m.networks, [{ cluster: 'c1', networkId: 'b8zgvrcmf41inncz1jlslfi3k', aliases: [], virtualIp: null }]);
    assert.deepEqual(m.ports, []);
    assert.deepEqual(m.resources, { limitCpus: null, limitMemoryBytes: null, reserveCpus: null, reserveMemoryBytes: null });
    assert.equal(m.updateConfig, null);
    assert.equal(m.updateStatus, null);
    assert.equal(m.canRollback, false);
    assert.deepEqual(m.labels, []);
  });

  test('a global service with a host-mode port', () => {
    const m = toServiceModel('c1', byName('glob'));
    assert.equal(m.mode, 'GLOBAL');
    assert.equal(m.replicas, null);
    assert.equal(m.desiredTasks, 2);
    assert.deepEqual(m.ports, [{ targetPort: 80, publishedPort: 8090, protocol: 'TCP', publishMode: 'HOST' }]);
    assert.deepEqual(m.networks, []);
  });

  test('task counts are null (counted later) when listed without status', () => {
    const { ServiceStatus: _s, ...withoutStatus } = byName('web');
    const m = toServiceModel('c1', withoutStatus);
    assert.equal(m.runningTasks, null);
    assert.equal(m.desiredTasks, null);
  });

  test('the deprecated Spec.Networks is read when TaskTemplate.Networks is empty', () => {
    const web = byName('web');
    const old: EngineService = { ...web, Spec: { ...web.Spec, TaskTemplate: { ...web.Spec.TaskTemplate, Networks: [] }, Networks: [{ Target: 'b8zgvrcmf41inncz1jlslfi3k' }] } };
    assert.deepEqual(toServiceModel('c1', old).networks.map((n) => n.virtualIp), ['10.0.1.2']);
  });

  test('a port Docker has to choose has no published port yet', () => {
    assert.deepEqual(toPortConfig({ Protocol: 'sctp', TargetPort: 9 } as PortConfig), { targetPort: 9, publishedPort: null, protocol: 'SCTP', publishMode: 'INGRESS' });
  });
});
