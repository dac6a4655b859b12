// The cluster a root field acts on, for the access decision: its `cluster` argument (or
// `input.cluster`), the default cluster when omitted, or the cluster of the named engine
// it targets. Undefined for an engine outside any cluster: only an all-clusters grant
// covers that. An unknown name is returned as given (no grant covers it; the resolver
// then answers NOT_FOUND for those who may ask).
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

export function clusterOfField(args: Args, registry: EngineRegistry): string | undefined {
  const input = args.input && typeof args.input === 'object' ? args.input : {};
  const cluster = (args.cluster ?? input.cluster) as string | null | undefined;
  const engine = (args.engine ?? input.engine) as string | null | undefined;
  if (engine != null && cluster == null) {
    try {
      return registry.engine(engine).cluster;
    } catch {
      return undefined;
    }
  }
  try {
    return registry.cluster(cluster).name;
  } catch {
    return cluster ?? undefined;
  }
}
