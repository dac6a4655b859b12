// A swarm without a Raft leader: the engine's "no leader" answer is SWARM_QUORUM_LOST with
// its words (it changed nothing), a stopping dockerd's 500 "not a swarm manager" is
// NOT_A_SWARM_MANAGER (so requests fail over), and the quorum reported from a manager's view
// is never whole.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engineDelivery, mapEngineError } from '../../../src/docker/engine-errors.ts';
import { quorumWithoutLeader } from '../../../src/docker/model/quorum.ts';
import { GatewayError } from '../../../src/errors/gateway-error.ts';

const NO_LEADER = "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";

describe('quorum loss', () => {
  test("the engine's 500 without a leader is SWARM_QUORUM_LOST with the engine's words, and refused (nothing was made)", () => {
    const err = mapEngineError({ statusCode: 500, json: { message: NO_LEADER } }, 'unix:///m1.sock');
    assert.ok(err instanceof GatewayError);
    assert.equal(err.code, 'SWARM_QUORUM_LOST');
    assert.match(err.message, /does not have a leader/);
    assert.equal(engineDelivery(err), 'refused');
  });

  test('a 500 "not a swarm manager" (a dockerd stopping its swarm component) is NOT_A_SWARM_MANAGER', () => {
    const err = mapEngineError({ statusCode: 500, json: { message: 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.' } }, 'unix:///m2.sock');
    assert.ok(err instanceof GatewayError);
    assert.equal(err.code, 'NOT_A_SWARM_MANAGER');
  });

  test('1 of 3 managers reachable: no quorum, the warning and the engine message', () => {
    const q = quorumWithoutLeader(3, 1, NO_LEADER);
    assert.deepEqual({ managers: q.managers, reachableManagers: q.reachableManagers, majority: q.majority, faultTolerance: q.faultTolerance, hasQuorum: q.hasQuorum }, { managers: 3, reachableManagers: 1, majority: 2, faultTolerance: 1, hasQuorum: false });
    assert.match(q.warnings[0]!, /^quorum lost: 1 of 3/);
    assert.equal(q.warnings.at(-1), `the engine says: ${NO_LEADER}`);
  });

  test('a majority answering the gateway but no leader (a partition) is still no quorum', () => {
    const q = quorumWithoutLeader(3, 3, NO_LEADER);
    assert.equal(q.hasQuorum, false);
    assert.ok(q.warnings.some((w) => /no leader although 3 of 3 managers answer/.test(w)), JSON.stringify(q.warnings));
    assert.ok(!q.warnings.some((w) => w.startsWith('quorum at risk')));
  });
});
