// Raft quorum arithmetic, as the overlay guide's table puts it: a swarm of N managers needs
// a majority of floor(N/2)+1 to change anything, and so survives floor((N-1)/2) failures.
// An even N adds a manager to feed without adding fault tolerance.
import type { Quorum } from './types.ts';
import type { Node as EngineNode } from '../engine-api/index.ts';

export const majorityOf = (managers: number): number => Math.floor(managers / 2) + 1;

export const faultToleranceOf = (managers: number): number => Math.max(0, Math.floor((managers - 1) / 2));

/** The quorum of `managers` managers of which `reachable` answer. */
export function computeQuorum(managers: number, reachable: number): Quorum {
  const majority = majorityOf(managers);
  const faultTolerance = faultToleranceOf(managers);
  const hasQuorum = managers > 0 && reachable >= majority;
  const warnings: string[] = [];
  if (managers > 0 && managers % 2 === 0) {
    warnings.push(
      `${managers} managers is an even number: it tolerates no more failures than ${managers - 1} (fault tolerance ${faultTolerance}); ` +
        `run an odd number of managers (add or demote one)`,
    );
  }
  if (managers > 0 && !hasQuorum) {
    warnings.push(
      `quorum lost: ${reachable} of ${managers} managers are reachable and a majority needs ${majority}; ` +
        `the swarm cannot be changed until managers come back (or a manager runs \`docker swarm init --force-new-cluster\`)`,
    );
  } else if (managers > 0 && reachable === majority) {
    warnings.push(
      reachable === managers
        ? `quorum at risk: all ${managers} manager(s) are needed for the majority of ${majority}, so losing any manager loses quorum; run 3 or 5 managers to tolerate failures`
        : `quorum at risk: ${reachable} of ${managers} managers are reachable, exactly the majority of ${majority}; losing one more manager loses quorum`,
    );
  }
  return { managers, reachableManagers: reachable, majority, faultTolerance, hasQuorum, warnings };
}

/**
 * The quorum of a swarm, from its nodes list. Raft members are the nodes with a
 * `ManagerStatus` (a node being promoted has the manager role before it joins Raft).
 */
export function quorumFromNodes(nodes: readonly EngineNode[]): Quorum {
  const managers = nodes.filter((n) => n.ManagerStatus);
  const reachable = managers.filter((n) => n.ManagerStatus?.Reachability === 'reachable').length;
  return computeQuorum(managers.length, reachable);
}

/**
 * The quorum while the swarm has no leader, from a reachable manager's view: `managers` Raft
 * members it knows, `reachable` of them answering the gateway. No leader means no majority
 * can talk to each other, whatever the gateway reaches (a partition), so it is never a quorum.
 */
export function quorumWithoutLeader(managers: number, reachable: number, engineMessage: string): Quorum {
  const quorum = computeQuorum(managers, reachable);
  const warnings = quorum.warnings.filter((w) => !w.startsWith('quorum at risk'));
  if (!warnings.some((w) => w.startsWith('quorum lost'))) {
    warnings.push(`quorum lost: the swarm has no leader although ${reachable} of ${managers} managers answer the gateway (they cannot reach each other)`);
  }
  return { ...quorum, hasQuorum: false, warnings: [...warnings, `the engine says: ${engineMessage}`] };
}
