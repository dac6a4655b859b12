// The `overlay-container-limit` check. Each overlay network is a Linux bridge on every node
// that uses it, and a bridge takes at most 1024 ports, so about 1000 containers of one node
// can attach to one overlay (moby/moby#44973): past it, new tasks fail to start there.
// Counted from the swarm's running tasks per node and network (standalone containers
// attached to attachable overlays are not in the tasks list and are not counted).
import type { Node, Task } from '../engine-api/index.ts';
import type { Check } from './types.ts';

export const CONTAINER_LIMIT_WARNING = 800;
export const CONTAINER_LIMIT_ERROR = 1000;

const TERMINAL = new Set(['complete', 'shutdown', 'failed', 'rejected', 'orphaned', 'remove']);

export interface AttachmentCount {
  nodeId: string;
  network: string;
  tasks: number;
}

/** Live tasks per (node, network), largest first. */
export function countAttachments(tasks: readonly Task[]): AttachmentCount[] {
  const counts = new Map<string, AttachmentCount>();
  for (const t of tasks) {
    if (!t.NodeID || t.DesiredState !== 'running' || TERMINAL.has(t.Status?.State)) continue;
    for (const a of t.NetworksAttachments ?? []) {
      const network = a.Network.Spec?.Name || a.Network.ID;
      const key = `${t.NodeID}\u0000${network}`;
      const entry = counts.get(key) ?? { nodeId: t.NodeID, network, tasks: 0 };
      entry.tasks++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.tasks - a.tasks);
}

export function checkOverlayContainerLimit(tasks: readonly Task[], nodes: readonly Node[]): Check {
  const hostname = new Map(nodes.map((n) => [n.ID, n.Description?.Hostname || n.ID]));
  const counts = countAttachments(tasks);
  const over = counts.filter((c) => c.tasks >= CONTAINER_LIMIT_ERROR);
  const near = counts.filter((c) => c.tasks >= CONTAINER_LIMIT_WARNING && c.tasks < CONTAINER_LIMIT_ERROR);
  const line = (c: AttachmentCount) => `node ${hostname.get(c.nodeId) ?? c.nodeId}: ${c.tasks} tasks on network ${c.network}`;
  if (over.length > 0) {
    return {
      id: 'overlay-container-limit',
      status: 'ERROR',
      summary: `${over.length} node/network pair(s) reached ${CONTAINER_LIMIT_ERROR} tasks on one overlay network; new tasks there will fail to attach (moby/moby#44973).`,
      details: [...over, ...near].map(line),
    };
  }
  if (near.length > 0) {
    return {
      id: 'overlay-container-limit',
      status: 'WARNING',
      summary: `${near.length} node/network pair(s) have ${CONTAINER_LIMIT_WARNING} or more tasks on one overlay network, near the limit of about ${CONTAINER_LIMIT_ERROR} (moby/moby#44973).`,
      details: near.map(line),
    };
  }
  const top = counts[0];
  return {
    id: 'overlay-container-limit',
    status: 'OK',
    summary: top
      ? `At most ${top.tasks} task(s) of one node on one overlay network (limit about ${CONTAINER_LIMIT_ERROR}).`
      : 'No running tasks are attached to overlay networks.',
    details: [],
  };
}
