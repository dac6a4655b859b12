// The engine reads reconciliation needs (reconcile.ts), over the clusters' Engine API:
// whether a network, service, node, secret, config or container exists now, with its
// creation and last-change times (a container's last start and exit), and an engine's recent
// event history. Containers and their events are read on the container's engine (a
// configured engine, or the cluster's manager endpoint), as the container resolvers reach it. A 404 means "does not exist"; an engine that
// cannot be reached (or is no manager) is EngineUnreadableError, to be retried; anything
// else (a target that is not a Docker reference, a refusal) means the intent cannot be
// checked. References are checked against Docker's grammar before any path is built.
import { configsApi } from '../docker/api/configs.ts';
import { inspectContainer } from '../docker/api/containers.ts';
import { eventHistory } from '../docker/api/events.ts';
import { secretsApi } from '../docker/api/secrets.ts';
import type { EngineApi } from '../docker/endpoint.ts';
import { eventTimeMs } from '../docker/engine-time.ts';
import { inspectNetwork, listNetworks } from '../docker/api/networks.ts';
import { inspectNode, listNodes } from '../docker/api/nodes.ts';
import { inspectService, listServices } from '../docker/api/services.ts';
import { STACK_NAMESPACE_LABEL } from '../docker/stack/stack-resources.ts';
import type { EngineRegistry } from '../docker/registry.ts';
import { GatewayError, isNotFound } from '../errors/gateway-error.ts';
import { referenceProblem, type ReferenceKind } from '../validate/references.ts';
import { EngineUnreadableError, type EngineStateReader, type EventLog, type ObjectState, type StackObject } from './reconcile-evidence.ts';

const missing: ObjectState = { exists: false };

function date(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Engine failures that pass (unreachable, no answer, not a manager now). */
function isTransient(err: unknown): boolean {
  return err instanceof GatewayError && (err.code === 'ENGINE_UNAVAILABLE' || err.code === 'NOT_A_SWARM_MANAGER');
}

async function engineRead<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (isTransient(err)) throw new EngineUnreadableError((err as Error).message);
    throw err;
  }
}

async function orMissing(read: () => Promise<ObjectState>): Promise<ObjectState> {
  return engineRead(async () => {
    try {
      return await read();
    } catch (err) {
      if (isNotFound(err)) return missing;
      throw err;
    }
  });
}

/** The reference, if Docker's grammar allows it; otherwise the intent cannot be checked. */
function checked(kind: ReferenceKind, ref: string): string {
  const problem = referenceProblem(kind, ref);
  if (problem) throw new Error(`its target is not a Docker reference: ${problem}`);
  return ref;
}

export function engineStateReader(registry: EngineRegistry): EngineStateReader {
  // The cluster (or engine) is resolved outside orMissing: an unconfigured one is not a missing object.
  const api = (cluster: string | null, engine?: string | null): EngineApi => (engine ? registry.engine(engine).endpoint : registry.cluster(cluster));
  const stored = (kind: 'secret' | 'config') => (cluster: string | null, ref: string) => {
    const client = api(cluster);
    const read = kind === 'secret' ? secretsApi : configsApi;
    return orMissing(async () => {
      const o = await read.inspect(client, checked(kind, ref));
      return { exists: true, id: o.ID, createdAt: date(o.CreatedAt), updatedAt: date(o.UpdatedAt) };
    });
  };
  return {
    secret: stored('secret'),
    config: stored('config'),
    container: (cluster, engine, ref) => {
      const client = api(cluster, engine);
      return orMissing(async () => {
        const c = await inspectContainer(client, checked('container', ref));
        const state = c.State ?? {};
        return { exists: true, id: c.Id, createdAt: date(c.Created), running: state.Running ?? state.Status === 'running', startedAt: date(state.StartedAt), finishedAt: date(state.FinishedAt) };
      });
    },
    network: (cluster, ref) => {
      const client = api(cluster);
      return orMissing(async () => {
        const n = await inspectNetwork(client, checked('network', ref));
        return { exists: true, id: n.Id, createdAt: date(n.Created) };
      });
    },
    service: (cluster, ref) => {
      const client = api(cluster);
      return orMissing(async () => {
        const s = await inspectService(client, checked('service', ref));
        return { exists: true, id: s.ID, createdAt: date(s.CreatedAt), updatedAt: date(s.UpdatedAt), replicas: s.Spec.Mode?.Replicated?.Replicas };
      });
    },
    node: async (cluster, ref) => {
      const client = api(cluster);
      const byId = await orMissing(async () => {
        const n = await inspectNode(client, checked('node', ref));
        return { exists: true, id: n.ID, createdAt: date(n.CreatedAt), updatedAt: date(n.UpdatedAt) };
      });
      if (byId.exists) return byId;
      // The gateway accepts a hostname where the Engine only takes an ID or node name.
      const n = (await engineRead(() => listNodes(client))).find((node) => node.Description.Hostname === ref);
      return n ? { exists: true, id: n.ID, createdAt: date(n.CreatedAt), updatedAt: date(n.UpdatedAt) } : missing;
    },
    stackObjects: async (cluster, namespace): Promise<StackObject[]> => {
      const client = api(cluster);
      const label = `${STACK_NAMESPACE_LABEL}=${namespace}`;
      const [services, networks, secrets, configs] = await engineRead(() =>
        Promise.all([listServices(client, [label]), listNetworks(client), secretsApi.list(client, { label: [label] }), configsApi.list(client, { label: [label] })]),
      );
      return [
        ...services.map((o) => ({ kind: 'service' as const, id: o.ID, name: o.Spec.Name ?? o.ID })),
        // The gateway filters network lists itself (listNetworks sends none).
        ...networks.filter((n) => n.Labels?.[STACK_NAMESPACE_LABEL] === namespace).map((o) => ({ kind: 'network' as const, id: o.Id, name: o.Name })),
        ...secrets.map((o) => ({ kind: 'secret' as const, id: o.ID, name: o.Spec.Name })),
        ...configs.map((o) => ({ kind: 'config' as const, id: o.ID, name: o.Spec.Name })),
      ];
    },
    events: async (cluster, engine): Promise<EventLog> => {
      const client = api(cluster, engine);
      const history = await engineRead(() => eventHistory(client, { since: new Date(0), until: new Date() }));
      const events = history.events.map((e) => ({
        type: e.Type,
        action: e.Action,
        id: e.Actor.ID,
        attributes: e.Actor.Attributes ?? {},
        at: new Date(eventTimeMs(e)),
      }));
      return { events, completeSince: history.complete ? null : (events[0]?.at ?? null) };
    },
  };
}
