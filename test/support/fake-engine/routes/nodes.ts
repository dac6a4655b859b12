// `/nodes`: list (filters id, name, role, membership, label), inspect, update, remove,
// with swarmkit's refusals (demoting the last manager, removing a manager or a live node).
import { badRequest, notFound } from '../errors.ts';
import type { Router } from '../router.ts';
import type { FakeSwarm, Json } from '../state.ts';
import { swarmOf } from './swarm.ts';

const precondition = (message: string) => badRequest(`rpc error: code = FailedPrecondition desc = ${message}`);

export function nodeOf(state: FakeSwarm, ref: string): Json {
  swarmOf(state);
  const node = state.findNode(ref);
  if (!node) throw notFound(`node ${ref} not found`);
  return node;
}

function matches(node: Json, filters: Record<string, string[]>): boolean {
  const any = (name: string, test: (v: string) => boolean) => !filters[name]?.length || filters[name]!.some(test);
  return (
    any('id', (v) => node.ID.startsWith(v)) &&
    any('name', (v) => node.Description.Hostname.startsWith(v)) &&
    any('role', (v) => node.Spec.Role === v) &&
    any('membership', (v) => v === 'accepted') &&
    any('label', (v) => labelMatches(node.Spec.Labels, v)) &&
    any('node.label', (v) => labelMatches(node.Spec.Labels, v))
  );
}

export function labelMatches(labels: Record<string, string> | null | undefined, filter: string): boolean {
  const [key, value] = filter.split('=', 2) as [string, string | undefined];
  if (!labels || !(key in labels)) return false;
  return value === undefined || labels[key] === value;
}

export function nodeRoutes(router: Router): void {
  router.get('/nodes', ({ state, filters }) => {
    swarmOf(state);
    return [...state.nodes.values()].filter((n) => matches(n, filters));
  });

  router.get('/nodes/:id', ({ state, params }) => nodeOf(state, params.id!));

  router.post('/nodes/:id/update', ({ state, params, query, body }) => {
    const node = nodeOf(state, params.id!);
    state.checkVersion(node, query.version);
    const spec = body as Json;
    const managers = [...state.nodes.values()].filter((n) => n.Spec.Role === 'manager');
    if (node.Spec.Role === 'manager' && spec.Role === 'worker' && managers.length === 1) {
      throw precondition('attempting to demote the last manager of the swarm');
    }
    if (spec.Role === 'manager' && node.Spec.Role !== 'manager') {
      node.ManagerStatus = { Leader: false, Reachability: 'reachable', Addr: `${node.Status.Addr}:2377` };
    }
    if (spec.Role === 'worker') delete node.ManagerStatus;
    node.Spec = spec;
    node.Version = state.nextVersion();
    node.UpdatedAt = state.now();
    return undefined;
  });

  router.delete('/nodes/:id', ({ state, params, query }) => {
    const node = nodeOf(state, params.id!);
    const force = query.force === 'true' || query.force === '1';
    if (node.Spec.Role === 'manager') {
      throw precondition(`node ${node.ID} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`);
    }
    // swarmkit's controlapi refuses only a READY node without force (a disconnected or unknown one goes).
    if (!force && node.Status.State === 'ready') throw precondition(`node ${node.ID} is not down and can't be removed`);
    state.nodes.delete(node.ID);
    for (const task of state.tasks.values()) if (task.NodeID === node.ID) task.DesiredState = 'shutdown';
    return undefined;
  });
}
