import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeQuorum, faultToleranceOf, majorityOf, quorumFromNodes } from '../../../src/docker/model/quorum.ts';
import type { Node as EngineNode } from '../../../src/docker/engine-api/index.ts';

describe('Raft quorum arithmetic (the overlay guide table)', () => {
  // Swarm size -> majority, fault tolerance, as in Docker's "Raft consensus" table.
  const table: [number, number, number][] = [
    [1, 1, 0],
    [2, 2, 0],
    [3, 2, 1],
    [4, 3, 1],
    [5, 3, 2],
    [6, 4, 2],
    [7, 4, 3],
    [8, 5, 3],
    [9, 5, 4],
  ];
  for (const [n, majority, tolerance] of table) {
    test(`${n} managers: majority ${majority}, fault tolerance ${tolerance}`, () => {
      assert.equal(majorityOf(n), majority);
      assert.equal(faultToleranceOf(n), tolerance);
      const q = computeQuorum(n, n);
      assert.equal(q.majority, majority);
      assert.equal(q.faultTolerance, tolerance);
      assert.equal(q.hasQuorum, true);
    });
  }

  test('an odd, fully reachable swarm of 3 or more has no warnings', () => {
    assert.deepEqual(computeQuorum(3, 3).warnings, []);
    assert.deepEqual(computeQuorum(5, 5).warnings, []);
  });

  test('an even number of managers is warned about', () => {
    const q = computeQuorum(4, 4);
    assert.equal(q.warnings.length, 1);
    assert.match(q.warnings[0]!, /even number/);
    assert.match(q.warnings[0]!, /no more failures than 3/);
  });

  test('two managers: even, and losing either loses quorum', () => {
    const q = computeQuorum(2, 2);
    assert.equal(q.hasQuorum, true);
    assert.equal(q.warnings.length, 2);
    assert.match(q.warnings[0]!, /even number/);
    assert.match(q.warnings[1]!, /quorum at risk/);
  });

  test('exactly a majority reachable: quorum at risk', () => {
    const q = computeQuorum(5, 3);
    assert.equal(q.hasQuorum, true);
    assert.deepEqual(q.warnings.length, 1);
    assert.match(q.warnings[0]!, /3 of 5 managers are reachable, exactly the majority of 3/);
  });

  test('fewer than a majority reachable: quorum lost', () => {
    const q = computeQuorum(3, 1);
    assert.equal(q.hasQuorum, false);
    assert.equal(q.reachableManagers, 1);
    assert.equal(q.warnings.length, 1);
    assert.match(q.warnings[0]!, /quorum lost: 1 of 3 managers are reachable and a majority needs 2/);
  });

  test('a single manager is a quorum at risk by itself', () => {
    const q = computeQuorum(1, 1);
    assert.equal(q.hasQuorum, true);
    assert.equal(q.warnings.length, 1);
    assert.match(q.warnings[0]!, /losing any manager loses quorum/);
  });

  test('from a nodes list: Raft members are the nodes with a ManagerStatus', () => {
    const node = (id: string, manager?: string): EngineNode => ({
      ID: id,
      Version: { Index: 1 },
      CreatedAt: '',
      UpdatedAt: '',
      Spec: { Labels: {}, Role: manager ? 'manager' : 'worker', Availability: 'active' },
      Description: { Hostname: id },
      Status: { State: 'ready' },
      ...(manager ? { ManagerStatus: { Reachability: manager, Addr: `${id}:2377` } } : {}),
    });
    const q = quorumFromNodes([node('m1', 'reachable'), node('m2', 'unreachable'), node('m3', 'reachable'), node('w1')]);
    assert.equal(q.managers, 3);
    assert.equal(q.reachableManagers, 2);
    assert.equal(q.hasQuorum, true);
    assert.match(q.warnings.join('\n'), /quorum at risk: 2 of 3/);
  });
});
