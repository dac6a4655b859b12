// Reading secrets and configs under the caller's read scope. The engine has no watched copy
// of them (watch/ follows services, nodes, networks and tasks), so each request lists them
// from the managers; an object outside the scope is treated exactly as a missing one.
import type { Config, Secret } from '../../docker/engine-api/index.ts';
import type { SecretModel, ConfigModel } from '../../docker/model/stored-object.ts';
import { inScope, type Scope } from '../../auth/access-decision.ts';
import type { GatewayContext } from '../context.ts';
import { checkedReference } from '../../validate/references.ts';
import type { StoredKindInfo } from './stored-kinds.ts';

/** Every object of the kind that `scope` reaches (read scope for queries, the operation's for changes). */
export async function listInScope<T extends Secret | Config, M extends SecretModel | ConfigModel>(ctx: GatewayContext, info: StoredKindInfo<T, M>, cluster: string, scope: Scope): Promise<T[]> {
  const all = await info.api.list(ctx.loaders(cluster).client);
  return all.filter((o) => inScope(scope, o.Spec.Labels));
}

/** One by ID, name or unique ID prefix (as `docker secret inspect` resolves), inside `scope`, or null. */
export async function findInScope<T extends Secret | Config, M extends SecretModel | ConfigModel>(ctx: GatewayContext, info: StoredKindInfo<T, M>, cluster: string, scope: Scope, ref: string): Promise<T | null> {
  checkedReference(info.kind, ref);
  const all = await listInScope(ctx, info, cluster, scope);
  const found = all.find((o) => o.ID === ref) ?? all.find((o) => o.Spec.Name === ref);
  if (found) return found;
  const prefixed = all.filter((o) => o.ID.startsWith(ref));
  return prefixed.length === 1 ? prefixed[0]! : null;
}
