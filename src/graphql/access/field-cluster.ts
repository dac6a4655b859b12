// The clusters a root field acts on, for the access decision: the configured cluster of the
// named engine it targets, whatever `cluster` says beside it (a named cluster must be
// allowed too; engine-cluster.ts refuses a mismatch once both are), else its `cluster`
// argument (or `input.cluster`), the default cluster when omitted. Undefined for an engine
// outside any cluster, or an unknown one: only an all-clusters grant covers that. An unknown
// cluster name is returned as given (no grant covers it; the resolver then answers
// NOT_FOUND for those who may ask).
import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import type { EngineRegistry } from '../../docker/registry.ts';

/**
 * Whether a root field with these arguments acts on a cluster or engine (has
 * `cluster`/`engine`, directly or in `input`); else it is gateway-wide.
 */
export function isClusterBound(args: ReadonlyArray<{ name: string; type: GraphQLInputType }>): boolean {
  const names = (list: readonly { name: string }[]) => list.some((a) => a.name === 'cluster' || a.name === 'engine');
  if (names(args)) return true;
  const input = args.find((a) => a.name === 'input');
  const type = input && getNamedType(input.type);
  return type !== undefined && isInputObjectType(type) && names(Object.values(type.getFields()));
}

type Args = Record<string, unknown> & { input?: Record<string, unknown> | null };

/**
 * Every cluster the decision must allow, the engine's own first: with an engine, its
 * configured cluster and, when one is named beside it, that cluster too (swarmJoin takes an
 * engine into the named cluster; elsewhere a mismatch is refused once both are allowed).
 */
export function clustersOfField(args: Args, registry: EngineRegistry, field?: string): (string | undefined)[] {
  const input = args.input && typeof args.input === 'object' ? args.input : {};
  const cluster = (args.cluster ?? input.cluster) as string | null | undefined;
  const engine = (args.engine ?? input.engine) as string | null | undefined;
  if (engine == null) return [clusterNamed(cluster, registry)];
  const own = registry.engineNames().includes(engine) ? registry.engine(engine).cluster : undefined;
  if (cluster == null && !(field !== undefined && INTO_CLUSTER.has(field))) return [own];
  const named = clusterNamed(cluster, registry);
  return own === named ? [own] : [own, named];
}

/** Fields that take an engine into a cluster: that cluster, the default one when omitted, must be allowed as well as the engine's own. */
const INTO_CLUSTER = new Set(['swarmJoin']);

function clusterNamed(cluster: string | null | undefined, registry: EngineRegistry): string | undefined {
  try {
    return registry.cluster(cluster).name;
  } catch {
    return cluster ?? undefined;
  }
}
