// The `quorum` check: the Raft arithmetic of Swarm.quorum as a diagnostic.
import type { Node } from '../engine-api/index.ts';
import { quorumFromNodes } from '../model/quorum.ts';
import type { Check } from './types.ts';

export function checkQuorum(nodes: readonly Node[]): Check {
  const q = quorumFromNodes(nodes);
  const facts = `${q.reachableManagers} of ${q.managers} manager(s) reachable; majority ${q.majority}; tolerates ${q.faultTolerance} failure(s)`;
  if (!q.hasQuorum) return { id: 'quorum', status: 'ERROR', summary: `Quorum is lost: ${facts}.`, details: q.warnings };
  if (q.warnings.length > 0) return { id: 'quorum', status: 'WARNING', summary: `Quorum holds but is fragile: ${facts}.`, details: q.warnings };
  return { id: 'quorum', status: 'OK', summary: `Quorum holds: ${facts}.`, details: [] };
}
