// README's "Getting started with the demo", run as a newcomer would: every GraphQL block
// marked `<!-- walkthrough -->`, in README order (with the variables of the ```json block
// right after it, if any), sent to a gateway configured as scripts/demo.sh configures the
// demo's (one cluster, every node a named engine, plus a spare engine outside the swarm) on a
// swarm of the demo's shape (one manager, two workers), running as `npm start` runs it (its
// own process, the audit log in embedded PGlite under its data directory). Each must answer without errors and
// without userErrors, and what it did is read back from the engines' own Engine API: the
// service's tasks run (none rejected), the scale reaches the engine, the container runs, and
// the clean-up leaves nothing behind. The README names the demo's objects (`demo`,
// `demo-worker-1`...); this harness's swarm has its own name, put in their place.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDemoHarness, type DemoHarness } from '../../support/demo-harness.ts';
import { waitFor } from '../../support/gateway.ts';
import type { GatewayProcess } from '../../support/gateway-process.ts';
import { rootField, userErrorsIn, walkthroughBlocks, type Json } from '../../support/readme-blocks.ts';
import { engineGet } from '../../support/stack-parity.ts';
import type { SwarmNode, SwarmState } from '../../support/swarm.ts';

const SWARM = 'rdm';

/** The walkthrough blocks of README.md, in order (one operation each), with the demo's names replaced by this harness's. */
function walkthrough(): { query: string; variables?: Json }[] {
  return walkthroughBlocks(SWARM).map((b) => {
    assert.equal(b.operations.length, 1, `walkthrough block at README line ${b.line} holds one operation`);
    return { query: b.operations[0]!, ...(b.variables ? { variables: b.variables } : {}) };
  });
}

describe("README's getting-started walkthrough, in order, against a demo-shaped swarm and gateway", () => {
  let demo: DemoHarness;
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: GatewayProcess;

  /** The service's tasks as the manager's Engine API lists them. */
  const tasksOf = async (service: string): Promise<Json[]> =>
    (await engineGet(manager, `/tasks?filters=${encodeURIComponent(JSON.stringify({ service: [service] }))}`)) as Json[];
  const runningTasks = async (service: string, count: number): Promise<Json[] | null> => {
    const tasks = (await tasksOf(service)).filter((t) => t.DesiredState === 'running');
    return tasks.length === count && tasks.every((t) => t.Status.State === 'running') ? tasks : null;
  };
  /** True when the node's Engine API answers 404 for the object. */
  const gone = async (node: SwarmNode, path: string): Promise<boolean> => engineGet(node, path).then(() => false, (err: Error) => /: 404 /.test(err.message));

  /** What each step did, read back from the engines (a step whose root field has a check here). */
  const checks: Record<string, () => Promise<void>> = {
    networkCreate: async () => {
      const network = await engineGet(manager, '/networks/hello-net');
      assert.equal(network.Driver, 'overlay');
    },
    serviceCreate: async () => {
      await waitFor('2 running tasks of hello', () => runningTasks('hello', 2), 120_000);
      const failed = (await tasksOf('hello')).filter((t) => ['rejected', 'failed'].includes(t.Status.State));
      assert.deepEqual(failed.map((t) => `${t.Status.State}: ${t.Status.Err}`), []);
      const service = await engineGet(manager, '/services/hello');
      assert.equal(service.Spec.TaskTemplate.ContainerSpec.Image.split('@')[0], 'sg-busybox:latest');
      assert.deepEqual(service.Endpoint.Ports.map((p: Json) => p.PublishedPort), [8090]);
    },
    serviceScale: async () => {
      await waitFor('3 running tasks of hello', () => runningTasks('hello', 3), 120_000);
      const service = await engineGet(manager, '/services/hello');
      assert.equal(service.Spec.Mode.Replicated.Replicas, 3);
    },
    containerRun: async () => {
      const worker = swarm.nodes.find((n) => n.hostname === `${SWARM}-worker-1`)!;
      const container = await engineGet(worker, '/containers/probe/json');
      assert.equal(container.State.Running, true);
    },
    containerRemove: async () => {
      assert.equal(await gone(swarm.nodes.find((n) => n.hostname === `${SWARM}-worker-1`)!, '/containers/probe/json'), true);
    },
    serviceRemove: async () => assert.equal(await gone(manager, '/services/hello'), true),
    networkRemove: async () => assert.equal(await waitFor('hello-net removed', () => gone(manager, '/networks/hello-net')), true),
  };

  before(async () => {
    demo = await startDemoHarness(SWARM);
    ({ swarm, manager, gw } = demo);
  });

  after(async () => {
    await demo?.stop();
  });

  test('every walkthrough block answers without errors or userErrors, and does what it says on the engines', async () => {
    const steps = walkthrough();
    assert.ok(steps.length >= 8, `found ${steps.length} walkthrough blocks`);
    const checked = new Set<string>();
    for (const [i, step] of steps.entries()) {
      const field = rootField(step.query);
      const res = await gw.gql<Json>(step.query, step.variables);
      const what = `walkthrough block ${i + 1} (${field})`;
      assert.equal(res.errors, undefined, `${what}: ${JSON.stringify(res.errors)}`);
      assert.deepEqual(userErrorsIn(res.data), [], what);
      const check = checks[field];
      if (check) {
        await check();
        checked.add(field);
      }
    }
    // The walkthrough still creates, scales and removes what the checks read back.
    assert.deepEqual([...checked].sort(), Object.keys(checks).sort());
  });
});
