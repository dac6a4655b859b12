// isTaskUpToDate: swarmkit's IsTaskDirty on the engine JSON, as the daemon's `_up-to-date`
// task filter answers docker/cli.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Node, Service, Task } from '../../../../src/docker/engine-api/index.ts';
import { isTaskUpToDate } from '../../../../src/docker/rollout/up-to-date.ts';
import { node, service, task, template } from './engine-json.ts';

const nodes = new Map([['east1', node('east1', { labels: { zone: 'east' } })]]);

describe('isTaskUpToDate', () => {
  test('same spec, keys in another order and undefined keys left out: up to date', () => {
    const t = task({ Spec: { ForceUpdate: 0, ContainerSpec: { Command: ['sleep', '1000'], Image: 'sg-busybox:latest', Env: undefined } } });
    assert.equal(isTaskUpToDate(service(), t, nodes), true);
  });

  test('another image, or a force update: not up to date', () => {
    assert.equal(isTaskUpToDate(service(), task({ Spec: template('sg-busybox:old') }), nodes), false);
    assert.equal(isTaskUpToDate(service(), task({ Spec: { ...template(), ForceUpdate: 1 } }), nodes), false);
  });

  test('only the placement changed and the task\'s node meets it: up to date (no task is moved)', () => {
    const s = service({ spec: { TaskTemplate: { ...template(), Placement: { Constraints: ['node.labels.zone==east'] } } } });
    assert.equal(isTaskUpToDate(s, task({ NodeID: 'east1' }), nodes), true);
  });

  test('only the placement changed and the node does not meet it (or is unknown): not up to date', () => {
    const s = service({ spec: { TaskTemplate: { ...template(), Placement: { Constraints: ['node.labels.zone==west'] } } } });
    assert.equal(isTaskUpToDate(s, task({ NodeID: 'east1' }), nodes), false);
    assert.equal(isTaskUpToDate(s, task({ NodeID: 'gone' }), nodes), false);
  });

  test('engine JSON from Docker 20.10 (fixtures): current tasks are up to date although only the service\'s TaskTemplate carries Runtime', () => {
    const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as T;
    const services = read<Service[]>('service-list.json');
    const fixtureNodes = new Map(read<Node[]>('task-nodes.json').map((n) => [n.ID, n]));
    const verdicts = read<Task[]>('task-list.json').map((t) => {
      const s = services.find((x) => x.ID === t.ServiceID)!;
      return `${s.Spec.Name} ${t.Status.State} ${isTaskUpToDate(s, t, fixtureNodes)}`;
    });
    assert.equal(services.find((x) => x.Spec.Name === 'web')!.Spec.TaskTemplate.Runtime, 'container');
    // The web service's failed and shut-down tasks ran an earlier spec (one Env entry fewer).
    assert.deepEqual(verdicts.sort(), [
      'dns running true', 'dns running true', 'glob running true', 'glob running true', 'tty running true',
      'web failed false', 'web failed false', 'web running true', 'web shutdown false', 'web shutdown false',
    ]);
  });

  test('a task without a spec is not up to date', () => {
    const t = task();
    delete (t as { Spec?: unknown }).Spec;
    assert.equal(isTaskUpToDate(service(), t, nodes), false);
  });
});
