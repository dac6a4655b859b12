// `/secrets` and `/configs`: list (filters id, name prefix, label), inspect, create, update
// (labels only: swarmkit refuses a Data change), remove (refused while a service references
// it, naming the services as swarmkit does). A secret's inspect never carries Data.
import { badRequest, conflict, notFound } from '../errors.ts';
import { Reply, type Router } from '../router.ts';
import { swarmObjectId, type FakeSwarm, type Json } from '../state.ts';
import { labelMatches } from './nodes.ts';
import { swarmOf } from './swarm.ts';

type Kind = 'secret' | 'config';

const store = (state: FakeSwarm, kind: Kind) => (kind === 'secret' ? state.secrets : state.configs);

/** What the engine answers: a secret without its Data. */
function shown(kind: Kind, o: Json): Json {
  if (kind === 'config') return structuredClone(o);
  const { Data: _data, ...spec } = o.Spec;
  return { ...structuredClone(o), Spec: spec };
}

function find(state: FakeSwarm, kind: Kind, ref: string): Json {
  swarmOf(state);
  const all = [...store(state, kind).values()];
  const found = all.find((o) => o.ID === ref) ?? all.find((o) => o.Spec.Name === ref) ?? all.filter((o) => o.ID.startsWith(ref)).at(0);
  if (!found) throw notFound(`${kind} ${ref} not found`);
  return found;
}

function usersOf(state: FakeSwarm, kind: Kind, id: string): string[] {
  const key = kind === 'secret' ? 'Secrets' : 'Configs';
  const idKey = kind === 'secret' ? 'SecretID' : 'ConfigID';
  return [...state.services.values()].filter((s) => (s.Spec.TaskTemplate?.ContainerSpec?.[key] ?? []).some((r: Json) => r[idKey] === id)).map((s) => s.Spec.Name);
}

export function storedObjectRoutes(router: Router): void {
  for (const kind of ['secret', 'config'] as const) {
    router.get(`/${kind}s`, ({ state, filters }) => {
      swarmOf(state);
      const any = (name: string, test: (v: string) => boolean) => !filters[name]?.length || filters[name]!.some(test);
      return [...store(state, kind).values()]
        .filter((o) => any('id', (v) => o.ID.startsWith(v)) && any('name', (v) => o.Spec.Name.startsWith(v)) && any('label', (v) => labelMatches(o.Spec.Labels, v)))
        .map((o) => shown(kind, o));
    });

    router.get(`/${kind}s/:id`, ({ state, params }) => shown(kind, find(state, kind, params.id!)));

    router.post(`/${kind}s/create`, ({ state, body }) => {
      swarmOf(state);
      const spec = body as Json;
      if ([...store(state, kind).values()].some((o) => o.Spec.Name === spec.Name)) throw conflict(`rpc error: code = AlreadyExists desc = ${kind} ${spec.Name} already exists`);
      const now = state.now();
      const object = { ID: swarmObjectId(), Version: state.nextVersion(), CreatedAt: now, UpdatedAt: now, Spec: spec };
      store(state, kind).set(object.ID, object);
      return { ID: object.ID };
    });

    router.post(`/${kind}s/:id/update`, ({ state, params, query, body }) => {
      const object = find(state, kind, params.id!);
      state.checkVersion(object, query.version);
      const spec = body as Json;
      if (spec.Data !== undefined && spec.Data !== object.Spec.Data) throw badRequest(`rpc error: code = InvalidArgument desc = only updates to Labels are allowed`);
      object.Spec = { ...spec, Data: object.Spec.Data };
      object.Version = state.nextVersion();
      object.UpdatedAt = state.now();
      return undefined;
    });

    router.delete(`/${kind}s/:id`, ({ state, params }) => {
      const object = find(state, kind, params.id!);
      const users = usersOf(state, kind, object.ID);
      if (users.length) throw badRequest(`rpc error: code = InvalidArgument desc = ${kind} '${object.Spec.Name}' is in use by the following service: ${users.join(', ')}`);
      store(state, kind).delete(object.ID);
      return new Reply(204, undefined);
    });
  }
}
