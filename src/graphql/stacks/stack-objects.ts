// What one request reads of a cluster's stacks: the services, networks, secrets and configs the
// caller may read, grouped by their namespace label. Services and networks come from the
// request's loaders (scoped, watched, listed once); secrets and configs have no loader, so they
// are listed here once per request and cluster, and a list of stacks costs the same four reads
// however many stacks it shows.
import type { Config, Network, Secret, Service } from '../../docker/engine-api/index.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { STACK_NAMESPACE_LABEL } from '../../docker/stack/stack-resources.ts';
import type { GatewayContext } from '../context.ts';
import { listInScope } from '../secrets/lookup.ts';
import { CONFIGS, SECRETS } from '../secrets/stored-kinds.ts';

export interface StackObjects {
  services: Service[];
  networks: Network[];
  secrets: Secret[];
  configs: Config[];
}

/** A namespace's objects, each kind sorted by name. */
export type StacksByName = Map<string, StackObjects>;

interface Memo {
  /** The loaders' service list the memo was built from: a mutation in the request (invalidate) gives a new one, and the memo is rebuilt. */
  services: Service[];
  stacks: Promise<StacksByName>;
}

const memos = new WeakMap<ClusterLoaders, Memo>();

export const namespaceOf = (labels: Record<string, string> | null | undefined): string | undefined => labels?.[STACK_NAMESPACE_LABEL] || undefined;

/** Every stack of the cluster with an object the caller may read, by namespace. */
export async function readableStacks(ctx: GatewayContext, cluster: string): Promise<StacksByName> {
  const loaders = ctx.loaders(cluster);
  const services = await loaders.services();
  const memo = memos.get(loaders);
  if (memo && memo.services === services) return memo.stacks;
  const stacks = group(ctx, loaders, services);
  memos.set(loaders, { services, stacks });
  stacks.catch(() => memos.delete(loaders));
  return stacks;
}

/** The readable objects of one stack (empty lists when the caller can read none). */
export async function stackObjects(ctx: GatewayContext, cluster: string, name: string): Promise<StackObjects> {
  return (await readableStacks(ctx, cluster)).get(name) ?? { services: [], networks: [], secrets: [], configs: [] };
}

async function group(ctx: GatewayContext, loaders: ClusterLoaders, services: Service[]): Promise<StacksByName> {
  const cluster = loaders.client.name;
  const scope = ctx.authority.readScope(cluster);
  const [networks, secrets, configs] = await Promise.all([loaders.networks(), listInScope(ctx, SECRETS, cluster, scope), listInScope(ctx, CONFIGS, cluster, scope)]);
  const stacks: StacksByName = new Map();
  const entry = (ns: string) => {
    let e = stacks.get(ns);
    if (!e) stacks.set(ns, (e = { services: [], networks: [], secrets: [], configs: [] }));
    return e;
  };
  const add = <T>(items: T[], labelsOf: (t: T) => Record<string, string> | null | undefined, kind: keyof StackObjects) => {
    for (const item of items) {
      const ns = namespaceOf(labelsOf(item));
      if (ns) (entry(ns)[kind] as T[]).push(item);
    }
  };
  add(services, (s) => s.Spec.Labels, 'services');
  add(networks, (n) => n.Labels, 'networks');
  add(secrets, (s) => s.Spec.Labels, 'secrets');
  add(configs, (c) => c.Spec.Labels, 'configs');
  for (const e of stacks.values()) {
    e.services.sort((a, b) => byName(a.Spec.Name ?? '', b.Spec.Name ?? ''));
    e.networks.sort((a, b) => byName(a.Name, b.Name));
    e.secrets.sort((a, b) => byName(a.Spec.Name ?? '', b.Spec.Name ?? ''));
    e.configs.sort((a, b) => byName(a.Spec.Name ?? '', b.Spec.Name ?? ''));
  }
  return stacks;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
