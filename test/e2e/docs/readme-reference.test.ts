// README's reference examples (every ```graphql block outside the getting-started
// walkthrough), run as a newcomer copying them would: in README order, each operation of a
// block in order, against a swarm and gateway of the demo's shape (test/support/demo-harness.ts),
// as the demo is once the walkthrough has cleaned up after itself. The variables of a block are the ```json block right after it; in those, the
// string "<the compose file above>" stands for the last ```yaml block above and
// "<the planHash of the plan above>" for the `planHash` the last plan answered. Each operation
// answers without `errors` and without `userErrors`, except where the README marks a block
//   <!-- expect: CODE -->            refused on purpose: exactly that userError code
//   <!-- as: NAME -->                sent with the API token an earlier apiTokenCreate named NAME made
//   <!-- not run on the demo: why --> not sent (listed, with the reason, in the test's output)
// A `subscription` is opened over SSE (/graphql/stream) and must be accepted and send no error
// within a few seconds. A rollout an example waits for must succeed. What a handful of examples
// did is read back from the engines' Engine API. README_REFERENCE_DUMP=<file> appends every
// answer to that file, to see what a newcomer would.
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { startDemoHarness, type DemoHarness } from '../../support/demo-harness.ts';
import { testAdminAuthorization, waitFor } from '../../support/gateway.ts';
import { declaredVariables, KNOWN_MARKERS, marker, NOT_RUN, readmeBlocks, rootField, userErrorsIn, type Json, type ReadmeBlock } from '../../support/readme-blocks.ts';
import { openStream } from '../../support/sse-client.ts';
import { engineGet } from '../../support/stack-parity.ts';

const SWARM = 'rrf';
/** How long a subscription gets to be refused or to send its first event. */
const SUBSCRIPTION_WINDOW_MS = 5_000;

interface Answer {
  data?: Json;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Every rollout `conclusion` anywhere in a response's data. */
function conclusionsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(conclusionsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'conclusion' ? [v] : conclusionsIn(v)));
}

/** The first `planHash` anywhere in a response's data. */
function planHashIn(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'planHash' && typeof v === 'string') return v;
    const found = planHashIn(v);
    if (found) return found;
  }
  return undefined;
}

describe("README's reference examples, in order, against a demo-shaped swarm and gateway", () => {
  let demo: DemoHarness;
  let admin: string;

  const post = async (query: string, variables: Json | undefined, authorization: string): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${demo.gw.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Answer;
  };
  const subscribe = async (query: string, variables: Json | undefined, authorization: string): Promise<Answer> => {
    const stream = await openStream(`http://127.0.0.1:${demo.gw.port}`, { query, variables, authorization });
    try {
      if (stream.body) return stream.body as Answer;
      assert.equal(stream.status, 200);
      const first = await Promise.race([stream.next(), new Promise<'quiet'>((resolve) => setTimeout(() => resolve('quiet'), SUBSCRIPTION_WINDOW_MS).unref())]);
      if (first === 'quiet') return { data: {} };
      assert.ok(first, 'the stream ended without an event');
      return first.data as Answer;
    } finally {
      stream.close();
    }
  };

  const filters = (f: Json) => encodeURIComponent(JSON.stringify(f));
  const runningTasks = async (service: string, count: number): Promise<Json[] | null> => {
    const tasks = ((await engineGet(demo.manager, `/tasks?filters=${filters({ service: [service] })}`)) as Json[]).filter((t) => t.DesiredState === 'running');
    return tasks.length === count && tasks.every((t) => t.Status.State === 'running') ? tasks : null;
  };
  const gone = async (path: string): Promise<boolean> => engineGet(demo.manager, path).then(() => false, (err: Error) => /: 404 /.test(err.message));
  const stackObjects = async (stack: string): Promise<number> => {
    const label = filters({ label: [`com.docker.stack.namespace=${stack}`] });
    const lists = await Promise.all(['services', 'networks', 'secrets', 'configs'].map((kind) => engineGet(demo.manager, `/${kind}?filters=${label}`) as Promise<Json[]>));
    return lists.flat().length;
  };

  /** What an example did, read back from the engines: run after the first operation it matches. */
  const checks: { name: string; matches: (field: string, op: string) => boolean; check: (answer: Answer) => Promise<void> }[] = [
    {
      name: 'the spare engine joined, behind its own docker_gwbridge',
      matches: (field) => field === 'swarmJoin',
      check: async () => {
        const bridge = await engineGet(demo.node(`${SWARM}-spare-engine`), '/networks/docker_gwbridge');
        assert.equal(bridge.IPAM.Config[0].Subnet, '10.200.0.0/16');
        assert.equal(bridge.Options['com.docker.network.bridge.enable_icc'], 'false');
        await waitFor('the spare engine ready in the swarm', async () =>
          ((await engineGet(demo.manager, '/nodes')) as Json[]).some((n) => n.Description.Hostname === `${SWARM}-spare-engine` && n.Status.State === 'ready'));
      },
    },
    {
      name: 'the encrypted overlay has its subnet, MTU and encryption',
      matches: (field, op) => field === 'networkCreate' && op.includes('my-attachable-multi-host-network'),
      check: async () => {
        const network = await engineGet(demo.manager, '/networks/my-attachable-multi-host-network');
        assert.deepEqual([network.Attachable, network.IPAM.Config[0].Subnet, network.Options['com.docker.network.driver.mtu']], [true, '10.60.0.0/24', '1400']);
        assert.ok('encrypted' in network.Options, JSON.stringify(network.Options));
      },
    },
    {
      name: 'my-ingress replaced ingress',
      matches: (field, op) => field === 'networkCreate' && op.includes('my-ingress'),
      check: async () => {
        const network = await engineGet(demo.manager, '/networks/my-ingress');
        assert.equal(network.Ingress, true);
        assert.equal(await waitFor('ingress removed', () => gone('/networks/ingress')), true);
      },
    },
    {
      name: 'alpine1 pings alpine2 across the overlay',
      matches: (field, op) => field === 'containerExec' && op.includes('"alpine2"]'),
      check: async (answer) => assert.equal(answer.data!.containerExec.exitCode, 0, JSON.stringify(answer.data)),
    },
    {
      name: "my-nginx's five tasks run",
      matches: (field, op) => field === 'serviceCreate' && op.includes('"my-nginx"'),
      check: async () => void (await waitFor('5 running tasks of my-nginx', () => runningTasks('my-nginx', 5), 120_000)),
    },
    {
      name: 'the secret exists',
      matches: (field) => field === 'secretCreate',
      check: async () => assert.equal(((await engineGet(demo.manager, `/secrets?filters=${filters({ name: ['db-password'] })}`)) as Json[]).length, 1),
    },
    {
      name: 'the rotation moved orders to the new secret and removed the old one',
      matches: (field, op) => field === 'secretRotate' && op.includes('db-password'),
      check: async () => {
        const service = await engineGet(demo.manager, '/services/orders');
        assert.deepEqual(service.Spec.TaskTemplate.ContainerSpec.Secrets.map((s: Json) => s.SecretName), ['db-password-2.v2']);
        assert.equal(await gone('/secrets/db-password-2'), true);
      },
    },
    {
      name: "the shop stack's services run",
      matches: (field, op) => field === 'stackDeploy' && op.includes('DeployShop'),
      check: async () => {
        await waitFor('2 running tasks of shop_web', () => runningTasks('shop_web', 2), 120_000);
        await waitFor('2 running tasks of shop_api', () => runningTasks('shop_api', 2), 120_000);
      },
    },
    {
      name: 'the bot scaled payments-api',
      matches: (field) => field === 'serviceScale',
      check: async () => assert.equal((await engineGet(demo.manager, '/services/payments-api')).Spec.Mode.Replicated.Replicas, 5),
    },
    {
      name: 'nothing of the stacks is left',
      matches: (field) => field === 'stackRemove',
      check: async () => assert.equal(await waitFor('the shop stack gone', async () => (await stackObjects('shop')) === 0 || null), true),
    },
    {
      name: 'the audit chain verifies',
      matches: (field, op) => field === 'auditVerify' && !op.includes('since'),
      check: async (answer) => assert.equal(answer.data!.auditVerify.ok, true, JSON.stringify(answer.data)),
    },
  ];

  before(async () => {
    demo = await startDemoHarness(SWARM);
    admin = await testAdminAuthorization();
  });

  after(async () => {
    await demo?.stop();
  });

  test('every README example outside the walkthrough runs in order, or says why not', async (t) => {
    const blocks = readmeBlocks(SWARM);
    for (const b of blocks) for (const m of b.markers) assert.match(m, KNOWN_MARKERS, `README line ${b.line}: unknown marker <!-- ${m} -->`);
    const reference = blocks.filter((b) => !b.markers.includes('walkthrough'));
    const notRun = reference.filter((b) => marker(b, NOT_RUN));
    for (const b of notRun) t.diagnostic(`not run: README block ${b.index} (line ${b.line}, ${rootField(b.operations[0]!)}): ${marker(b, NOT_RUN)}`);
    assert.ok(reference.length >= 25, `found ${reference.length} reference blocks`);
    assert.ok(notRun.length <= 3, `few blocks are not run: ${notRun.map((b) => b.line).join(', ')}`);

    const tokens = new Map<string, string>();
    const done = new Set<string>();
    let lastPlanHash: string | undefined;
    const fill = (value: unknown, block: ReadmeBlock): unknown => {
      if (value === '<the compose file above>') return block.yaml ?? assert.fail(`README line ${block.line}: no yaml block above`);
      if (value === '<the planHash of the plan above>') return lastPlanHash ?? assert.fail(`README line ${block.line}: no plan above`);
      if (Array.isArray(value)) return value.map((v) => fill(v, block));
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, block)]));
      return value;
    };

    for (const block of reference.filter((b) => !marker(b, NOT_RUN))) {
      const expected = marker(block, 'expect');
      if (expected) assert.equal(block.operations.length, 1, `README line ${block.line}: an <!-- expect: --> block holds one operation`);
      const as = marker(block, 'as');
      const authorization = as ? `Bearer ${tokens.get(as) ?? assert.fail(`README line ${block.line}: no token named ${as} made above`)}` : admin;
      for (const [j, op] of block.operations.entries()) {
        const field = rootField(op);
        const what = `README block ${block.index} (line ${block.line}), operation ${j + 1} (${field})`;
        const declared = declaredVariables(op);
        const variables = block.variables ? (fill(Object.fromEntries(Object.entries(block.variables).filter(([k]) => declared.includes(k))), block) as Json) : undefined;
        const res = /^(?:\s*#.*\n)*\s*subscription\b/.test(op) ? await subscribe(op, variables, authorization) : await post(op, variables, authorization);
        assert.equal(res.errors, undefined, `${what}: ${JSON.stringify(res.errors)}`);
        const codes = userErrorsIn(res.data).map((e) => e.code);
        assert.deepEqual(codes, expected ? [expected] : [], `${what}: ${JSON.stringify(userErrorsIn(res.data))}`);
        // A rollout an example waits for succeeds (null: not concluded, the example did not wait).
        assert.deepEqual(conclusionsIn(res.data).filter((c) => c !== null && c !== 'SUCCEEDED'), [], `${what}: ${JSON.stringify(res.data)}`);
        if (process.env.README_REFERENCE_DUMP) appendFileSync(process.env.README_REFERENCE_DUMP, `${what}\n${JSON.stringify(res)}\n`);
        lastPlanHash = planHashIn(res.data) ?? lastPlanHash;
        if (field === 'apiTokenCreate') tokens.set(/name: "([^"]+)"/.exec(op)![1]!, res.data!.apiTokenCreate.token);
        const check = checks.find((c) => !done.has(c.name) && c.matches(field, op));
        if (check) {
          await check.check(res);
          done.add(check.name);
        }
      }
    }
    // The examples still create, change and remove what the checks read back.
    assert.deepEqual(checks.map((c) => c.name).filter((n) => !done.has(n)), []);
  });
});
