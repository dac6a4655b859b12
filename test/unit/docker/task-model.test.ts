// toTaskModel against `GET /tasks` as Docker 20.10 answered it (fixtures/task-list.json):
// a task names its networks itself (NetworksAttachments[].Network.Spec.Name).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Task as EngineTask } from '../../../src/docker/engine-api/index.ts';
import { attachedNetworkNames, toEngineTaskState, toTaskModel, toTaskState } from '../../../src/docker/model/task.ts';

const tasks = JSON.parse(readFileSync(new URL('../fixtures/task-list.json', import.meta.url), 'utf8')) as EngineTask[];
const byId = (id: string) => tasks.find((t) => t.ID === id)!;
const names = new Map([['b8zgvrcmf41inncz1jlslfi3k', 'net-a'], ['n2zhbgsu2uhv65mtsh2vmij3h', 'ingress']]);

describe('toTaskModel', () => {
  test('a running replicated task with two network attachments', () => {
    const t = byId('u2onmext4sooyf59r5kbltat7');
    const m = toTaskModel('c1', t);
    assert.equal(m.cluster, 'c1');
    assert.equal(m.id, 'u2onmext4sooyf59r5kbltat7');
    assert.equal(m.serviceId, 'rbu3iga91elxtsv6fw85j53kg');
    assert.equal(m.slot, 1);
    assert.equal(m.nodeId, 'p92ubc37znik4jhswwm0voz75');
    assert.equal(m.state, 'RUNNING');
    assert.equal(m.desiredState, 'RUNNING');
    assert.equal(m.message, 'started');
    assert.equal(m.error, null);
    assert.equal(m.containerId, t.Status.ContainerStatus!.ContainerID);
    assert.match(m.containerId!, /^[0-9a-f]{64}$/);
    assert.deepEqual(m.networkAttachments, [
      { cluster: 'c1', networkId: 'n2zhbgsu2uhv65mtsh2vmij3h', networkName: 'ingress', addresses: ['10.0.0.25/24'] },
      { cluster: 'c1', networkId: 'b8zgvrcmf41inncz1jlslfi3k', networkName: 'net-a', addresses: ['10.0.1.33/24'] },
    ]);
    assert.equal(m.createdAt, t.CreatedAt);
    assert.equal(m.updatedAt, t.Status.Timestamp);
  });

  test('a failed task keeps the engine error', () => {
    const m = toTaskModel('c1', byId('6napskg75uwygq1s41kmwutog'), names);
    assert.equal(m.state, 'FAILED');
    assert.equal(m.desiredState, 'SHUTDOWN');
    assert.match(m.error!, /starting container failed/);
  });

  test('a global task has no slot and no attachments', () => {
    const m = toTaskModel('c1', byId('446ziptsjj1vkzkgz9uyr375o'), names);
    assert.equal(m.slot, null);
    assert.deepEqual(m.networkAttachments, []);
  });

  test('network names come from the task itself: no network list is needed', () => {
    const m = toTaskModel('c1', byId('u2onmext4sooyf59r5kbltat7'));
    assert.deepEqual(m.networkAttachments.map((a) => a.networkName), ['ingress', 'net-a']);
  });

  test('the network list only names an attachment that carries no name; else the name is left empty', () => {
    const t = byId('u2onmext4sooyf59r5kbltat7');
    const unnamed: EngineTask = { ...t, NetworksAttachments: t.NetworksAttachments!.map((a) => ({ ...a, Network: { ID: a.Network.ID } })) };
    assert.deepEqual(toTaskModel('c1', unnamed, names).networkAttachments.map((a) => a.networkName), ['ingress', 'net-a']);
    assert.deepEqual(toTaskModel('c1', unnamed).networkAttachments.map((a) => a.networkName), ['', '']);
    const renamed = new Map([['b8zgvrcmf41inncz1jlslfi3k', 'other']]);
    assert.equal(toTaskModel('c1', t, renamed).networkAttachments[1]!.networkName, 'net-a');
  });

  test('attachedNetworkNames: every network the tasks name, by ID', () => {
    assert.deepEqual(attachedNetworkNames(tasks), names);
    assert.deepEqual(attachedNetworkNames([byId('446ziptsjj1vkzkgz9uyr375o')]), new Map());
  });

  test('an unscheduled task has no node and no container', () => {
    const t = byId('u2onmext4sooyf59r5kbltat7');
    const pending: EngineTask = { ...t, NodeID: undefined, Status: { State: 'pending', Message: 'pending task scheduling', Err: 'no suitable node' } };
    const m = toTaskModel('c1', pending, names);
    assert.equal(m.nodeId, null);
    assert.equal(m.containerId, null);
    assert.equal(m.state, 'PENDING');
    assert.equal(m.updatedAt, t.UpdatedAt);
  });

  test('states map both ways', () => {
    assert.equal(toTaskState('orphaned'), 'ORPHANED');
    assert.equal(toEngineTaskState('RUNNING'), 'running');
  });
});
