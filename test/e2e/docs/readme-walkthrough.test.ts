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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { configFor, waitFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { engineGet } from '../../support/stack-parity.ts';
import { engineUp, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'rdm';
const SPARE = 'rdm-spare';

type Json = Record<string, any>;

interface Step {
  query: string;
  variables?: Json;
}

/** The walkthrough blocks of README.md, in order, with the demo's names replaced by this harness's. */
function walkthrough(): Step[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/<!-- walkthrough -->\n```graphql\n([\s\S]*?)```\n(?:```json\n([\s\S]*?)```\n)?/g)];
  const rename = (text: string) => text.replace(/"demo(-[a-z0-9-]+)?"/g, (_all, rest: string | undefined) => `"${SWARM}${rest ?? ''}"`);
  // A marker whose block is not a ```graphql fence right below it would be skipped silently.
  assert.equal(blocks.length, readme.split('<!-- walkthrough -->').length - 1, 'every <!-- walkthrough --> marker is followed by a ```graphql block');
  return blocks.map((m) => ({ query: rename(m[1]!), ...(m[2] ? { variables: JSON.parse(rename(m[2])) as Json } : {}) }));
}

/** The root field an operation calls (the README's blocks call one each). */
function rootField(query: string): string {
  const match = /^\s*(?:query|mutation)\b[^{]*\{\s*(\w+)/.exec(query);
  assert.ok(match, `no root field in ${query}`);
  return match[1]!;
}

/** Every `userErrors` list anywhere in a response's data. */
function userErrorsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'userErrors' && Array.isArray(v) ? v : userErrorsIn(v)));
}

describe("README's getting-started walkthrough, in order, against a demo-shaped swarm and gateway", () => {
  let swarm: SwarmState;
  let spare: SwarmState;
  let manager: SwarmNode;
  let gw: GatewayProcess;
  let dataDir: string;

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
    swarm = await swarmUp(SWARM, { workers: 2 });
    spare = await engineUp(SPARE, { attachTo: SWARM });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    dataDir = mkdtempSync(path.join(tmpdir(), 'sg-rdm-'));
    gw = await spawnGateway(configFor([swarm], { engines: [spare] }), { GATEWAY_DATA_DIR: dataDir });
  });

  after(async () => {
    await gw?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await swarmDown(SPARE);
    await swarmDown(SWARM);
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
