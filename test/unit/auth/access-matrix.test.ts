// The access matrix (issue 4): for every query, mutation and subscription field of
// schema.graphql, every role, unscoped and scoped to `team=payments`, the gateway's answer
// matches the permission table. The requests are generated from the schema, so a new
// operation is covered the day it appears; one without a rule fails the coverage test.
// It runs the real stack (HTTP and graphql-ws, JWT verification, the guard on every root
// field) against clusters that cannot be reached: refusals happen before any engine call,
// so "allowed" is any answer but FORBIDDEN, and "refused" is FORBIDDEN.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { parse, validate } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { PERMISSIONS, ruleFor } from '../../../src/auth/permissions.ts';
import { ROLES, type Role } from '../../../src/grants/roles.ts';
import { parseConfig } from '../../../src/config/config.ts';
import { startGateway, type GqlResponse, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { loadSchema, rootFieldPermissions, rootFieldRequests, rootTypes, type RootFieldRequest } from '../../support/schema-requests.ts';

const HERE = 'nowhere';
const OTHER = 'elsewhere';
const HERE_ENGINE = 'nowhere-engine';
const OTHER_ENGINE = 'elsewhere-engine';
const DOWN = 'unix:///nonexistent/docker.sock';
/** A subscription that has not been refused within this time was accepted. */
const SUBSCRIBE_WAIT_MS = 2_000;

// Two clusters and an engine, none reachable. `nowhere` is the default cluster.
const config = () =>
  parseConfig({
    clusters: [
      { name: HERE, managers: [{ url: DOWN }] },
      { name: OTHER, managers: [{ url: DOWN }] },
    ],
    engines: [
      { name: HERE_ENGINE, endpoint: { url: DOWN }, cluster: HERE },
      { name: OTHER_ENGINE, endpoint: { url: DOWN }, cluster: OTHER },
    ],
    logLevel: 'silent',
    engine: { timeoutMs: 500 },
  });

const schema = loadSchema();
// Required `engine` arguments name the engine of `nowhere`, so every cluster-bound field acts on that cluster.
const requests = rootFieldRequests(schema, { strings: { engine: HERE_ENGINE } });
// Every field taking an engine, with the engine of `nowhere` and `cluster: elsewhere` beside it.
const engineRequests = rootFieldRequests(schema, { always: { engine: HERE_ENGINE, cluster: OTHER } }).filter((r) => r.takesEngine);

type Outcome = 'allowed' | 'refused' | string;

interface Cell {
  request: RootFieldRequest;
  grant: string;
  expected: Outcome;
}

/** What the permission table says: allowed iff the role is in the rule and, for a scoped grant, the rule does not refuse scoped grants. */
function expectedOutcome(permission: string, role: Role, scoped: boolean): Outcome {
  const rule = ruleFor(permission);
  return rule && rule.roles.includes(role) && (!scoped || rule.scoped !== 'refused') ? 'allowed' : 'refused';
}

interface GqlError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string };
}

/** Refused: FORBIDDEN. Allowed: no FORBIDDEN, and nothing refused the request before execution (a generator bug or a limit would show here). */
function outcomeOf(status: number, errors: readonly GqlError[] | undefined): Outcome {
  const list = errors ?? [];
  const codes = list.map((e) => e.extensions?.code);
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return `UNAUTHENTICATED (${status})`;
  if (codes.includes('FORBIDDEN')) return 'refused';
  const beforeExecution = list.filter((e) => !e.path);
  if (status >= 400 || beforeExecution.length > 0) return `rejected before execution (${status}): ${JSON.stringify(beforeExecution.length ? beforeExecution : list)}`;
  return 'allowed';
}

describe('access matrix: every root field × every role, scoped and unscoped', () => {
  let gw: TestGateway;
  let wsUrl: string;
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (grant: string) => {
    if (!tokens.has(grant)) tokens.set(grant, tokenFor([grant], { subject: `matrix-${grant}` }));
    return tokens.get(grant)!;
  };

  before(async () => {
    gw = await startGateway(config());
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    wsUrl = `ws://127.0.0.1:${(gw.gateway.httpServer.address() as AddressInfo).port}/graphql`;
  });

  after(async () => {
    await gw?.stop();
  });

  async function subscriptionOutcome(document: string, token: string): Promise<Outcome> {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    const iterator = client.iterate({ query: document });
    let timer: NodeJS.Timeout | undefined;
    try {
      const first = await Promise.race([
        iterator.next().then(
          (r) => ({ result: r.value as { errors?: GqlError[] } | undefined }),
          (err: unknown) => ({ failure: err }),
        ),
        new Promise<'open'>((resolve) => (timer = setTimeout(() => resolve('open'), SUBSCRIBE_WAIT_MS))),
      ]);
      if (first === 'open') return 'allowed';
      if ('failure' in first) {
        // graphql-ws rejects with the GraphQL errors of an `error` message, or with the close event when the connection was refused.
        // Errors of the subscribe phase come without a path; those with a code (ours) come from executing it, not from validation.
        if (Array.isArray(first.failure)) return outcomeOf(200, (first.failure as GqlError[]).map((e) => (e.extensions?.code ? { ...e, path: e.path ?? ['(subscribe)'] } : e)));
        const code = (first.failure as { code?: number }).code;
        return code === 4403 ? 'UNAUTHENTICATED (4403)' : `connection failed: ${String((first.failure as Error).message ?? code)}`;
      }
      return outcomeOf(200, first.result?.errors);
    } finally {
      clearTimeout(timer);
      await iterator.return?.();
      await client.dispose();
    }
  }

  async function outcome(request: RootFieldRequest, grant: string): Promise<Outcome> {
    const token = await tokenOf(grant);
    if (request.kind === 'subscription') return subscriptionOutcome(request.document, token);
    const res: GqlResponse = await gw.gql(request.document, undefined, { token });
    return outcomeOf(res.status, res.errors);
  }

  /** Runs every cell, a few at a time, and fails once with every mismatch. */
  async function check(cells: Cell[]): Promise<void> {
    const mismatches: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cells.length) {
        const cell = cells[next++]!;
        const got = await outcome(cell.request, cell.grant);
        if (got !== cell.expected) mismatches.push(`${cell.request.permission} as ${cell.grant}: expected ${cell.expected}, got ${got}\n    ${cell.request.document}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    mismatches.sort();
    assert.equal(mismatches.length, 0, `${mismatches.length} of ${cells.length} outcomes differ from src/auth/permissions.ts:\n  ${mismatches.join('\n  ')}`);
  }

  test('every root field of schema.graphql has a rule, and every Query/Mutation/Subscription rule names a field', () => {
    const fields = rootFieldPermissions(schema);
    const kinds = rootTypes(schema).map(([, t]) => `${t.name}.`);
    const operationRules = Object.keys(PERMISSIONS).filter((k) => !k.startsWith('Capability.'));
    const problems = [
      ...fields.filter((f) => !ruleFor(f)).map((f) => `${f}: no rule in PERMISSIONS (refused to everybody)`),
      ...operationRules.filter((k) => !fields.includes(k)).map((k) => (kinds.some((p) => k.startsWith(p)) ? `${k}: stale rule, no such field in schema.graphql` : `${k}: neither a root field nor a Capability.* permission`)),
    ];
    assert.deepEqual(problems, [], `the permission table and schema.graphql disagree:\n  ${problems.join('\n  ')}`);
    assert.equal(requests.length, fields.length);
  });

  test('the generated requests are valid GraphQL for schema.graphql', () => {
    const invalid = requests.flatMap((r) => validate(schema, parse(r.document)).map((e) => `${r.permission}: ${e.message}\n    ${r.document}`));
    assert.deepEqual(invalid, []);
  });

  test('each outcome, for every role unscoped and scoped to team=payments, matches the permission table', async () => {
    const cells: Cell[] = [];
    for (const request of requests) {
      for (const role of ROLES) {
        cells.push({ request, grant: role, expected: expectedOutcome(request.permission, role, false) });
        cells.push({ request, grant: `${role}:team=payments`, expected: expectedOutcome(request.permission, role, true) });
      }
    }
    // Neither side may be trivially empty: the table must allow and refuse somewhere.
    assert.ok(cells.some((c) => c.expected === 'allowed') && cells.some((c) => c.expected === 'refused'));
    await check(cells);
  });

  test('a grant limited to another cluster is refused on every cluster-bound field but covers the gateway-wide ones; one for this cluster is as good as an unscoped grant', async () => {
    const bound = requests.filter((r) => r.clusterBound);
    assert.ok(bound.length > 0 && bound.length < requests.length, 'some fields act on a cluster, some on the gateway itself');
    const cells: Cell[] = [];
    for (const role of ROLES) {
      for (const request of bound) cells.push({ request, grant: `${role}@${OTHER}`, expected: 'refused' });
      for (const request of requests.filter((r) => !r.clusterBound)) cells.push({ request, grant: `${role}@${OTHER}`, expected: expectedOutcome(request.permission, role, false) });
      for (const request of requests) cells.push({ request, grant: `${role}@${HERE}`, expected: expectedOutcome(request.permission, role, false) });
    }
    await check(cells);
  });

  test("every field taking `engine` decides on the engine's own cluster: naming another cluster beside it lets no grant of that cluster through", async () => {
    assert.deepEqual(
      engineRequests.map((r) => r.permission).sort(),
      ['Mutation.containerExec', 'Mutation.containerRemove', 'Mutation.containerRun', 'Mutation.containerStart', 'Mutation.containerStop', 'Mutation.networkConnect', 'Mutation.networkCreateGatewayBridge', 'Mutation.networkDisconnect', 'Mutation.swarmInit', 'Mutation.swarmJoin', 'Mutation.swarmLeave', 'Query.container', 'Query.containerLogs', 'Query.containers', 'Query.network', 'Query.networks'],
      'a new field taking engine is covered here: add it to this list',
    );
    // networkCreateGatewayBridge takes no cluster: the engine's alone decides.
    for (const request of engineRequests) {
      assert.ok(request.document.includes(`engine: "${HERE_ENGINE}"`), request.document);
      if (request.field !== 'networkCreateGatewayBridge') assert.ok(request.document.includes(`cluster: "${OTHER}"`), request.document);
    }
    const cells: Cell[] = [];
    for (const role of ROLES) {
      for (const request of engineRequests) {
        cells.push({ request, grant: `${role}@${OTHER}`, expected: 'refused' });
        cells.push({ request, grant: `${role}@${OTHER}:team=payments`, expected: 'refused' });
        // A grant on both may run it (the resolver then refuses the mismatch itself, not FORBIDDEN).
        cells.push({ request, grant: role, expected: expectedOutcome(request.permission, role, false) });
      }
      // swarmJoin takes the engine into the cluster, the default one (nowhere) when omitted: both must be allowed.
      const join: RootFieldRequest = {
        permission: 'Mutation.swarmJoin',
        kind: 'mutation',
        field: 'swarmJoin',
        document: `mutation { swarmJoin(input: { engine: "${OTHER_ENGINE}" }) { __typename } }`,
        clusterBound: true,
        takesEngine: true,
      };
      cells.push({ request: join, grant: `${role}@${OTHER}`, expected: 'refused' });
      cells.push({ request: join, grant: `${role}@${HERE}`, expected: 'refused' });
      cells.push({ request: join, grant: role, expected: expectedOutcome(join.permission, role, false) });
    }
    await check(cells);
  });
});
