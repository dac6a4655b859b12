// A nested query over services and tasks costs a bounded number of Engine calls, however
// many services and tasks there are: lists once per request, tasks in one batched call.
// The engine here is a stub answering with JSON captured from Docker 20.10.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execute, parse } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { ClusterClient } from '../../../src/docker/cluster-client.ts';
import type { EngineRequest } from '../../../src/docker/endpoint.ts';
import type { Task as EngineTask } from '../../../src/docker/engine-api/index.ts';
import { ClusterLoaders } from '../../../src/docker/loaders.ts';
import type { GatewayContext } from '../../../src/graphql/context.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { authorityOf } from '../../../src/auth/authority.ts';
import { resolvers } from '../../../src/graphql/resolvers.ts';

const read = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as unknown;
const tasks = read('task-list.json') as EngineTask[];
const answers: Record<string, unknown> = {
  '/services': read('service-list.json'),
  '/nodes': read('task-nodes.json'),
  '/networks': (read('service-networks.json') as object[]).map((n) => ({ Driver: 'overlay', Scope: 'swarm', ...n })),
};

/** Answers GET requests from the fixtures and records each one. */
function stubClient(calls: string[]): ClusterClient {
  return {
    name: 'c1',
    async request<T>(req: EngineRequest): Promise<T> {
      calls.push(`${req.path}${req.query?.filters ? ` ${String(req.query.filters)}` : ''}`);
      if (req.path === '/tasks') {
        const filters = JSON.parse(String(req.query?.filters ?? '{}')) as Record<string, string[]>;
        return tasks.filter(
          (t) =>
            (!filters.service || filters.service.includes(t.ServiceID)) &&
            (!filters.node || filters.node.includes(t.NodeID ?? '')) &&
            (!filters['desired-state'] || filters['desired-state'].includes(t.DesiredState)),
        ) as T;
      }
      if (req.path in answers) return answers[req.path] as T;
      throw new Error(`unexpected request ${req.path}`);
    },
  } as unknown as ClusterClient;
}

const schema = makeExecutableSchema({ typeDefs: readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'), resolvers: resolvers as never });

async function run(query: string) {
  const calls: string[] = [];
  const loaders = new ClusterLoaders(stubClient(calls));
  const authority = authorityOf({ id: 'test', kind: 'token', grants: [parseGrant('admin')], clientAddress: undefined });
  const contextValue = { loaders: () => loaders, authority, decision: null } as unknown as GatewayContext;
  const result = await execute({ schema, document: parse(query), contextValue });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  // Plain objects (GraphQL results have null prototypes) so deepEqual compares values only.
  return { data: JSON.parse(JSON.stringify(result.data)) as Record<string, any>, calls };
}

describe('service and task reads batch their Engine calls', () => {
  test('every service with its tasks, their nodes, networks and discovery: four calls', async () => {
    const { data, calls } = await run(`{
      services { totalCount nodes {
        name runningTasks desiredTasks
        networks { virtualIp network { name } }
        discovery { network name addresses }
        tasks { id state node { hostname } service { name } networkAttachments { networkName network { name } } }
      } }
    }`);
    assert.equal(data.services.totalCount, 4);
    const taskCount = data.services.nodes.reduce((n: number, s: any) => n + s.tasks.length, 0);
    assert.equal(taskCount, tasks.length);
    // Lists once each; the tasks of all four services in one filtered call.
    assert.deepEqual(calls.filter((c) => !c.startsWith('/tasks')).sort(), ['/networks', '/nodes', '/services']);
    const taskCalls = calls.filter((c) => c.startsWith('/tasks '));
    assert.equal(taskCalls.length, 1, calls.join('\n'));
    const serviceIds = (read('service-list.json') as { ID: string }[]).map((s) => s.ID).sort();
    assert.deepEqual((JSON.parse(taskCalls[0]!.slice('/tasks '.length)) as { service: string[] }).service.sort(), serviceIds);
    const web = data.services.nodes.find((s: any) => s.name === 'web');
    assert.deepEqual(web.networks, [{ virtualIp: '10.0.1.2', network: { name: 'net-a' } }]);
    assert.ok(web.tasks.every((t: any) => t.service.name === 'web' && t.node.hostname === 'svcx-worker-1'));
  });

  test('the tasks of 20 or more services in one batch come from one unfiltered list (dockerd answers it faster than a long ID filter)', async () => {
    const base = read('service-list.json') as { ID: string; Spec: { Name: string } }[];
    const many = Array.from({ length: 25 }, (_, i) => ({ ...base[i % base.length]!, ID: `svc${String(i).padStart(22, '0')}`, Spec: { ...base[i % base.length]!.Spec, Name: `svc-${i}` } }));
    const saved = answers['/services'];
    answers['/services'] = many;
    try {
      const { data, calls } = await run('{ services { nodes { name tasks { id } } } }');
      assert.equal(data.services.nodes.length, 25);
      assert.deepEqual(calls.filter((c) => c.startsWith('/tasks')), ['/tasks {}']);
    } finally {
      answers['/services'] = saved;
    }
  });

  test('tasks of a service by name, with desired state: resolved to IDs, one filtered call', async () => {
    const { data, calls } = await run('{ tasks(filter: { service: "dns", node: "svcx-worker-1", desiredState: RUNNING }) { totalCount nodes { id slot service { name } node { hostname } } } }');
    assert.deepEqual(data.tasks.nodes, [{ id: 'pfezqsuk5qmo53wln2zm8ajx6', slot: 1, service: { name: 'dns' }, node: { hostname: 'svcx-worker-1' } }]);
    assert.ok(calls.includes(`/tasks ${JSON.stringify({ service: ['tt49tp2ndlp5byxddcl7s89i8'], node: ['p92ubc37znik4jhswwm0voz75'], 'desired-state': ['running'] })}`), calls.join('\n'));
    assert.equal(calls.filter((c) => c.startsWith('/tasks')).length, 1);
  });

  test('task lists are ordered by service, slot, newest first', async () => {
    const { data } = await run('{ tasks(filter: { service: "web" }) { nodes { slot createdAt } } }');
    const created = data.tasks.nodes.map((t: any) => Date.parse(t.createdAt));
    assert.deepEqual(created, [...created].sort((a: number, b: number) => b - a));
  });

  test('an unknown service in a task filter is NOT_FOUND', async () => {
    const loaders = new ClusterLoaders(stubClient([]));
    const result = await execute({ schema, document: parse('{ tasks(filter: { service: "nope" }) { totalCount } }'), contextValue: { loaders: () => loaders } });
    assert.match(String(result.errors?.[0]?.message), /service "nope" not found/);
  });
});
