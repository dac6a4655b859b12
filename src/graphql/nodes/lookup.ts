// Finds the node a query or mutation names (ID, hostname or unique ID prefix).
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Node as EngineNode } from '../../docker/engine-api/index.ts';
import { notFound } from '../../errors/gateway-error.ts';

export async function findNode(loaders: ClusterLoaders, ref: string): Promise<EngineNode> {
  const node = await loaders.node(ref);
  if (!node) throw notFound('node', ref);
  return node;
}
