// `/services`: list (filters id, name, label, mode; `status=true` adds ServiceStatus),
// inspect, create, update (version check, `rollback=previous`), remove and logs, with
// swarmkit's refusals: a taken name (409), a published port another service holds (400),
// a stale version (500 "update out of sequence"), a rollback without a previous spec.
import { badRequest, conflict, notFound } from '../errors.ts';
import { Reply, type Router } from '../router.ts';
import { frame, truthy } from '../stream-frames.ts';
import type { FakeSwarm, Json, LogEntry } from '../state.ts';
import { labelMatches } from './nodes.ts';
import { swarmOf } from './swarm.ts';

export function serviceOf(state: FakeSwarm, ref: string): Json {
  swarmOf(state);
  const service = state.findService(ref);
  if (!service) throw notFound(`service ${ref} not found`);
  return service;
}

function matches(service: Json, filters: Record<string, string[]>): boolean {
  const any = (name: string, test: (v: string) => boolean) => !filters[name]?.length || filters[name]!.some(test);
  const mode = service.Spec.Mode?.Global !== undefined ? 'global' : 'replicated';
  return (
    any('id', (v) => service.ID.startsWith(v)) &&
    any('name', (v) => String(service.Spec.Name).startsWith(v)) &&
    any('label', (v) => labelMatches(service.Spec.Labels, v)) &&
    any('mode', (v) => v === mode)
  );
}

/** `status=true`: running and desired task counts, as dockerd adds them. */
function withStatus(state: FakeSwarm, service: Json): Json {
  const tasks = [...state.tasks.values()].filter((t) => t.ServiceID === service.ID);
  const running = tasks.filter((t) => t.Status.State === 'running').length;
  const desired = tasks.filter((t) => t.DesiredState === 'running').length;
  return { ...service, ServiceStatus: { RunningTasks: running, DesiredTasks: desired, CompletedTasks: 0 } };
}

/** dockerd resolves network names in a spec to IDs before swarmkit sees it. */
function withNetworkIds(state: FakeSwarm, spec: Json): Json {
  const resolve = (refs: Json[] | null | undefined) =>
    refs?.map((ref) => {
      const network = state.findNetwork(ref.Target);
      if (!network) throw notFound(`network ${ref.Target} not found`);
      return { ...ref, Target: network.Id };
    });
  const template = spec.TaskTemplate ?? {};
  return {
    ...spec,
    TaskTemplate: { ...template, ...(template.Networks ? { Networks: resolve(template.Networks) } : {}) },
    ...(spec.Networks ? { Networks: resolve(spec.Networks) } : {}),
  };
}

function checkSpec(state: FakeSwarm, spec: Json, self: Json | null): void {
  if (!spec.TaskTemplate?.ContainerSpec?.Image) {
    throw badRequest('rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be provided');
  }
  const name = spec.Name;
  const taken = [...state.services.values()].find((s) => s.Spec.Name === name && s !== self);
  if (taken) throw conflict(`rpc error: code = AlreadyExists desc = service ${name} already exists`);
  for (const port of spec.EndpointSpec?.Ports ?? []) {
    if (!port.PublishedPort || (port.PublishMode ?? 'ingress') !== 'ingress') continue;
    for (const other of state.services.values()) {
      if (other === self) continue;
      const held = (other.Endpoint?.Ports ?? []).some(
        (p: Json) => p.PublishedPort === port.PublishedPort && (p.Protocol ?? 'tcp') === (port.Protocol ?? 'tcp') && p.PublishMode === 'ingress',
      );
      if (held) {
        throw badRequest(
          `rpc error: code = InvalidArgument desc = port '${port.PublishedPort}' is already in use by service '${other.Spec.Name}' (${other.ID}) as an ingress port`,
        );
      }
    }
  }
}

export function serviceRoutes(router: Router): void {
  router.get('/services', ({ state, query, filters }) => {
    swarmOf(state);
    const list = [...state.services.values()].filter((s) => matches(s, filters));
    return query.status === 'true' || query.status === '1' ? list.map((s) => withStatus(state, s)) : list;
  });

  router.get('/services/:id', ({ state, params }) => serviceOf(state, params.id!));

  router.post('/services/create', ({ state, body }) => {
    swarmOf(state);
    const spec = withNetworkIds(state, (body ?? {}) as Json);
    checkSpec(state, spec, null);
    const service = state.addService(spec);
    return new Reply(201, { ID: service.ID });
  });

  router.post('/services/:id/update', ({ state, params, query, body }) => {
    const service = serviceOf(state, params.id!);
    state.checkVersion(service, query.version);
    if (query.rollback === 'previous') {
      if (!service.PreviousSpec) throw badRequest(`rpc error: code = FailedPrecondition desc = service ${service.ID} does not have a previous spec`);
      state.rollbackService(service);
      return {};
    }
    const spec = withNetworkIds(state, (body ?? {}) as Json);
    checkSpec(state, spec, service);
    state.updateService(service, spec);
    return {};
  });

  router.delete('/services/:id', ({ state, params }) => {
    state.removeService(serviceOf(state, params.id!));
    return undefined;
  });

  // `docker service logs`: per task the last `tail` lines after `since`, each with the
  // timestamp and details prefixes when asked (`timestamps=1`, `details=1`); the body is
  // the multiplexed stream (raw text when the service has a TTY).
  router.get('/services/:id/logs', ({ state, params, query }) => {
    const service = serviceOf(state, params.id!);
    const since = query.since ? Number(query.since) * 1000 : -Infinity;
    const entries = (state.logs.get(service.ID) ?? []).filter((l) => Date.parse(l.timestamp) > since);
    const tail = query.tail === undefined || query.tail === 'all' ? Infinity : Number(query.tail);
    const byTask = new Map<string, LogEntry[]>();
    for (const entry of entries) byTask.set(entry.taskId, [...(byTask.get(entry.taskId) ?? []), entry]);
    const chosen = [...byTask.values()].flatMap((lines) => (tail === Infinity ? lines : lines.slice(Math.max(0, lines.length - tail))));
    const text = (l: LogEntry) => {
      const details = `com.docker.swarm.node.id=${l.nodeId},com.docker.swarm.service.id=${l.serviceId},com.docker.swarm.task.id=${l.taskId}`;
      return `${truthy(query.timestamps) ? `${l.timestamp} ` : ''}${truthy(query.details) ? `${details} ` : ''}${l.message}\n`;
    };
    if (service.Spec.TaskTemplate?.ContainerSpec?.TTY) return new Reply(200, chosen.map(text).join(''), 'text/plain; charset=utf-8');
    return new Reply(200, Buffer.concat(chosen.map((l) => frame(l.stream === 'stderr' ? 2 : 1, text(l)))), 'application/vnd.docker.multiplexed-stream');
  });
}

