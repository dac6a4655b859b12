// Test support for the rollout e2e suites: the fields a client reads of a Rollout, a poll of
// `rollout(id)` until it concludes, and the service mutations that start rollouts, for either
// gateway shape (in-process TestGateway or a spawned GatewayProcess), so each suite asserts
// on what a user would see.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { openAuditDb, type AuditDb } from './audit-db.ts';
import { configFor, startGateway, waitFor, type TestGateway } from './gateway.ts';
import { dockerOk, type SwarmNode, type SwarmState } from './swarm.ts';

type Json = Record<string, any>;

/** Any way of sending one GraphQL operation: `(q, v) => gw.gql(q, v)` of either gateway shape. */
export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }>;

/** Every field of a Rollout (the service only by ID and name). */
export const ROLLOUT_FIELDS = `id cluster serviceId serviceName service { id name } kind status conclusion reason
  desired running upToDate failed
  slots { slot nodeId taskId state desiredState upToDate error message }
  updateState updateMessage serviceVersion startedBy startedAt concludedAt deadline supersededBy`;

const INPUT_TYPES: Record<string, string> = {
  serviceCreate: 'ServiceCreateInput',
  serviceUpdate: 'ServiceUpdateInput',
  serviceScale: 'ServiceScaleInput',
  serviceRollback: 'ServiceRollbackInput',
};

/** The GraphQL data, or a failure that shows the errors. */
export function dataOf(res: Awaited<ReturnType<Gql>>): Json {
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as Json;
}

/** Sends a service mutation and returns its payload: `service { id name version }`, `rollout`, `userErrors`. */
export async function mutateService(gql: Gql, field: keyof typeof INPUT_TYPES, input: Json): Promise<Json> {
  const query = `mutation($input: ${INPUT_TYPES[field]}!) { ${field}(input: $input) {
    service { id name version } rollout { ${ROLLOUT_FIELDS} } userErrors { field code message } } }`;
  return dataOf(await gql(query, { input }))[field] as Json;
}

/** A service mutation that must be accepted and start a rollout; returns the payload. */
export async function startRollout(gql: Gql, field: keyof typeof INPUT_TYPES, input: Json): Promise<{ service: Json; rollout: Json }> {
  const payload = await mutateService(gql, field, input);
  assert.deepEqual(payload.userErrors, [], JSON.stringify(payload.userErrors));
  assert.ok(payload.rollout, `${field} of ${String(input.name ?? input.id)} answered without a rollout`);
  return { service: payload.service as Json, rollout: payload.rollout as Json };
}

/** `rollout(id)` as it stands now. */
export async function readRollout(gql: Gql, id: string): Promise<Json> {
  return dataOf(await gql(`query($id: ID!) { rollout(id: $id) { ${ROLLOUT_FIELDS} } }`, { id })).rollout as Json;
}

/** Polls `rollout(id)` until it carries a conclusion; returns it. */
export async function concluded(gql: Gql, id: string, timeoutMs = 90_000): Promise<Json> {
  return waitFor(`rollout ${id} to conclude`, async () => {
    const rollout = await readRollout(gql, id);
    return rollout.conclusion ? rollout : null;
  }, timeoutMs, 250);
}

/** Polls `rollout(id)` until `check` holds for it; returns it. */
export async function rolloutWhere(gql: Gql, id: string, what: string, check: (r: Json) => boolean, timeoutMs = 60_000): Promise<Json> {
  return waitFor(`rollout ${id}: ${what}`, async () => {
    const rollout = await readRollout(gql, id);
    return check(rollout) ? rollout : null;
  }, timeoutMs, 200);
}

/** Milliseconds from one DateTime field to another (b - a). */
export const msBetween = (a: string, b: string) => Date.parse(b) - Date.parse(a);

/** The service as the Engine has it (`docker service inspect`). */
export async function engineService(manager: Pick<SwarmNode, 'host'>, name: string): Promise<Json> {
  return (JSON.parse(await dockerOk(manager, ['service', 'inspect', name])) as Json[])[0]!;
}

/** Every task of the service as the Engine has it (`docker service ps` then `docker inspect`), replaced ones included. */
export async function engineTasks(manager: Pick<SwarmNode, 'host'>, name: string): Promise<Json[]> {
  const ids = (await dockerOk(manager, ['service', 'ps', '-q', '--no-trunc', name])).split('\n').filter(Boolean);
  if (ids.length === 0) return [];
  return JSON.parse(await dockerOk(manager, ['inspect', '--type', 'task', ...ids])) as Json[];
}

export interface RolloutGateway {
  gw: TestGateway;
  db: AuditDb;
  /** `(q, v) => gw.gql(q, v)` as the admin. */
  gql: Gql;
  /** The same as the holder of `token`. */
  as(token: string): Gql;
  /** ws://.../graphql of the listening gateway, for graphql-ws clients. */
  wsUrl: string;
  close(): Promise<void>;
}

/**
 * The gateway in-process on a real swarm with a migrated PostgreSQL database (rollouts are kept
 * there), listening on a loopback port for subscriptions.
 */
export async function startRolloutGateway(swarm: SwarmState, name: string): Promise<RolloutGateway> {
  const db = await openAuditDb('postgres', name);
  let gw: TestGateway | undefined;
  try {
    gw = await startGateway(configFor([swarm]), { database: db.database });
    await new Promise<void>((resolve) => gw!.gateway.httpServer.listen(0, '127.0.0.1', resolve));
  } catch (err) {
    await gw?.stop().catch(() => undefined);
    await db.close();
    throw err;
  }
  const started = gw;
  const { port } = started.gateway.httpServer.address() as AddressInfo;
  return {
    gw: started,
    db,
    gql: (q, v) => started.gql(q, v),
    as: (token) => (q, v) => started.gql(q, v, { token }),
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    async close() {
      await started.stop().catch(() => undefined);
      await db.close();
    },
  };
}
