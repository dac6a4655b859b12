// The one path every node change takes (nodeUpdate, nodePromote, nodeDemote): validate,
// find the node, check the version, refuse to demote the last manager, send the new spec
// (src/docker/mapping/node-update.ts), and return the node read fresh.
import type { NodeUpdateInput } from '../../generated/graphql.ts';
import type { GatewayContext } from '../context.ts';
import { inspectNode, updateNode } from '../../docker/api/nodes.ts';
import type { Node as EngineNode } from '../../docker/engine-api/index.ts';
import { applyNodeUpdate, checkNodeUpdateOptions } from '../../docker/mapping/node-update.ts';
import { nodeUpdateOptions } from './node-options.ts';
import { toNodeModel } from '../../docker/model/node.ts';
import type { NodeModel } from '../../docker/model/types.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import type { MutationResult } from '../run-mutation.ts';
import { updateAtVersion } from '../version-conflict.ts';
import { findNode } from './lookup.ts';

export async function changeNode(ctx: Pick<GatewayContext, 'loaders'>, input: NodeUpdateInput): Promise<MutationResult<{ node: NodeModel | null }>> {
  const options = checkNodeUpdateOptions(nodeUpdateOptions(input));
  const loaders = ctx.loaders(input.cluster);
  const node = await findNode(loaders, input.id);
  // As `docker node promote|demote` do: a node that already has the role is left as it is.
  const roleOnly = input.role != null && input.availability == null && !input.labels?.add?.length && !input.labels?.remove?.length;
  if (roleOnly && node.Spec.Role === input.role!.toLowerCase()) return { payload: { node: toNodeModel(loaders.client.name, node) }, objectIds: [node.ID] };
  if (input.role === 'WORKER' && node.Spec.Role === 'manager') refuseDemotingLastManager(await loaders.nodes(), node);
  // The Engine returns the whole spec; the mapping's type says so.
  const spec = applyNodeUpdate(node.Spec, options);
  await updateAtVersion({ label: `Node ${nameOf(node)}`, version: node.Version.Index }, input.version, (version) => updateNode(loaders.client, node.ID, version, spec));
  const updated = await inspectNode(loaders.client, node.ID);
  return { payload: { node: toNodeModel(loaders.client.name, updated) }, objectIds: [node.ID] };
}

/** Raft needs a manager; the Engine refuses too, but says less about what to do instead. */
function refuseDemotingLastManager(nodes: readonly EngineNode[], node: EngineNode): void {
  const managers = nodes.filter((n) => n.Spec.Role === 'manager');
  if (managers.length <= 1) {
    throw new UserInputError([
      {
        field: ['input', 'id'],
        code: 'INVALID_STATE',
        message: `Node ${nameOf(node)} is the last manager of the swarm and cannot be demoted; promote another node first (nodePromote), then demote this one.`,
      },
    ]);
  }
}

const nameOf = (node: EngineNode) => node.Description?.Hostname || node.ID;
