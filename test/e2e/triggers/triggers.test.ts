// Redeploy triggers on a real swarm, with a database-backed in-process gateway (PGlite): a
// team deployer (an API token scoped to team=payments) makes a trigger for its own service
// and cannot make one for another team's (NOT_FOUND), whose deployers do not see or remove
// its triggers; a wrong secret or an unknown trigger is
// the same 401, audited as an auth_failed refusal of triggerFire, and changes nothing; the
// right secret redeploys the service as its creator (ForceUpdate incremented in the engine,
// the audit intent and outcome of serviceUpdate under the creator's principal); an IMAGE_TAG
// trigger sets the tag on the service's own repository; once the creator's token is revoked
// its triggers no longer fire (403, nothing changed); a removed trigger is unknown.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import supertest from 'supertest';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { createApiTokenVerifier } from '../../../src/auth/tokens/index.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'trig-swarm';
const PAY = 'trig-pay';
const OTHER = 'trig-billing';

const TOKEN_CREATE = `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token apiToken { id } userErrors { code message } } }`;
const TRIGGER_CREATE = `mutation($input: TriggerCreateInput!) { triggerCreate(input: $input) {
  secret trigger { id path cluster serviceId serviceName action createdBy createdAt lastFiredAt } userErrors { field code message } } }`;
const TRIGGERS = 'query($service: ID) { triggers(service: $service) { id serviceName action createdBy lastFiredAt } }';
const TRIGGER_REMOVE = 'mutation($id: ID!) { triggerRemove(input: { id: $id }) { removed { id name } userErrors { code message } } }';

interface ServiceInspect {
  ID: string;
  Version: { Index: number };
  Spec: { TaskTemplate: { ForceUpdate?: number; ContainerSpec: { Image: string } } };
}

describe('redeploy triggers', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let db: AuditDb;
  let writer: DbAuditWriter;
  let gw: TestGateway;
  let tmp: string;
  let deployerToken = '';
  let deployerTokenId = '';
  let redeploy = { id: '', secret: '' };
  let imageTag = { id: '', secret: '' };
  const docker = (...args: string[]) => dockerOk(manager, args);
  const inspect = async (name: string) => (JSON.parse(await docker('service', 'inspect', name)) as ServiceInspect[])[0]!;
  const fire = (id: string, secret: string | null, body?: unknown) => {
    let req = supertest(gw.gateway.app).post(`/triggers/${id}`);
    if (secret !== null) req = req.set('authorization', `Bearer ${secret}`);
    return body === undefined ? req.send() : req.set('content-type', 'application/json').send(JSON.stringify(body));
  };
  const recordsAfter = async (seen: number) => (await db.records()).slice(seen);

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    // On workers, as the guardrail policy places a non-admin's services: a forced update then changes ForceUpdate alone.
    const create = (name: string, team: string) =>
      docker('service', 'create', '--detach', '--no-resolve-image', '--name', name, '--label', `team=${team}`, '--constraint', 'node.role==worker', 'sg-busybox:latest', 'sleep', '600');
    await create(PAY, 'payments');
    await create(OTHER, 'billing');
    // The tag the IMAGE_TAG trigger sets exists on every node, so its tasks can run.
    for (const node of swarm.nodes) await dockerOk(node, ['tag', 'sg-busybox:latest', 'sg-busybox:1.2.3']);
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-triggers-'));
    db = await openAuditDb('pglite', 'triggers');
    writer = new DbAuditWriter({ database: db.database, logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await writer.init();
    gw = await startGateway(configFor([swarm]), { database: db.database, audit: writer, apiTokens: createApiTokenVerifier(db.database, { cacheMs: 0 }) });
    // The admin (OIDC) makes the team's CI token: a deployer of team=payments on this swarm.
    const made = expectData(
      await gw.gql(TOKEN_CREATE, { input: { name: 'payments-ci', grants: [{ role: 'DEPLOYER', clusters: [SWARM], labels: [{ key: 'team', value: 'payments' }] }] } }),
    ).apiTokenCreate;
    assert.deepEqual(made.userErrors, []);
    deployerToken = made.token;
    deployerTokenId = made.apiToken.id;
  });

  after(async () => {
    await gw?.stop();
    await db?.close();
    await swarmDown(SWARM);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a team deployer makes triggers for its own service: the secret once, the creator and its grants kept', async () => {
    const service = await inspect(PAY);
    const res = expectData(await gw.gql(TRIGGER_CREATE, { input: { service: PAY } }, { token: deployerToken })).triggerCreate;
    assert.deepEqual(res.userErrors, []);
    assert.match(res.secret, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(res.trigger.path, `/triggers/${res.trigger.id}`);
    assert.deepEqual(
      { cluster: res.trigger.cluster, serviceId: res.trigger.serviceId, serviceName: res.trigger.serviceName, action: res.trigger.action, createdBy: res.trigger.createdBy, lastFiredAt: res.trigger.lastFiredAt },
      { cluster: SWARM, serviceId: service.ID, serviceName: PAY, action: 'REDEPLOY', createdBy: `token:${deployerTokenId}`, lastFiredAt: null },
    );
    redeploy = { id: res.trigger.id, secret: res.secret };
    const tagged = expectData(await gw.gql(TRIGGER_CREATE, { input: { service: PAY, action: 'IMAGE_TAG' } }, { token: deployerToken })).triggerCreate;
    assert.deepEqual(tagged.userErrors, []);
    imageTag = { id: tagged.trigger.id, secret: tagged.secret };

    const [row] = await db.database.prisma.redeployTrigger.findMany({ where: { id: redeploy.id } });
    assert.deepEqual(row!.grants, [`deployer@${SWARM}:team=payments`]);
    assert.notEqual(row!.secretHash, redeploy.secret);
    assert.ok(!JSON.stringify(await db.records(), (_k, v) => (typeof v === 'bigint' ? String(v) : v)).includes(redeploy.secret), 'no audit record holds the secret');

    const listed = expectData(await gw.gql(TRIGGERS, { service: PAY }, { token: deployerToken })).triggers;
    assert.deepEqual(listed.map((t: { id: string }) => t.id).sort(), [redeploy.id, imageTag.id].sort());
  });

  test('a trigger for another team\'s service cannot be made: NOT_FOUND, as if it did not exist', async () => {
    const res = await gw.gql(TRIGGER_CREATE, { input: { service: OTHER } }, { token: deployerToken });
    assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(res));
    assert.equal(await db.database.prisma.redeployTrigger.count({ where: { serviceName: OTHER } }), 0);
  });

  test('another team\'s deployer neither sees nor removes the team\'s triggers; an unscoped admin sees them', async () => {
    const billing = await tokenFor([`deployer@${SWARM}:team=billing`], { subject: 'billing-deployer' });
    assert.deepEqual(expectData(await gw.gql(TRIGGERS, {}, { token: billing })).triggers, []);
    const removed = await gw.gql(TRIGGER_REMOVE, { id: redeploy.id }, { token: billing });
    assert.equal(removed.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(removed));
    const listed = expectData(await gw.gql(TRIGGERS, {})).triggers.map((t: { id: string }) => t.id);
    assert.deepEqual(listed.sort(), [redeploy.id, imageTag.id].sort());
  });

  test('a wrong secret and an unknown trigger get the same 401, are audited as auth_failed refusals of triggerFire, and change nothing', async () => {
    const before = await inspect(PAY);
    const seen = (await db.records()).length;
    const wrong = await fire(redeploy.id, imageTag.secret);
    const unknown = await fire('AAAAAAAAAAAAAAAAAAAAAA', redeploy.secret);
    const none = await fire(redeploy.id, null);
    for (const res of [wrong, unknown, none]) {
      assert.equal(res.status, 401, res.text);
      assert.equal(res.body.errors[0].extensions.code, 'UNAUTHENTICATED');
      assert.match(res.get('www-authenticate') ?? '', /^Bearer realm=/);
    }
    assert.deepEqual(unknown.body, wrong.body, 'no oracle: the same answer for both');
    const after = await inspect(PAY);
    assert.equal(after.Version.Index, before.Version.Index, 'the service is unchanged');
    const refusals = (await recordsAfter(seen)).filter((r) => r.operation === 'triggerFire');
    assert.deepEqual(
      refusals.map((r) => [r.kind, r.errorCode, r.target, r.principal]),
      [
        ['auth_failed', 'UNAUTHENTICATED', redeploy.id, 'unauthenticated'],
        ['auth_failed', 'UNAUTHENTICATED', 'AAAAAAAAAAAAAAAAAAAAAA', 'unauthenticated'],
        ['auth_failed', 'UNAUTHENTICATED', redeploy.id, 'unauthenticated'],
      ],
    );
  });

  test('the right secret redeploys the service as its creator: ForceUpdate incremented, serviceUpdate audited under the creator, lastFiredAt set', async () => {
    const before = await inspect(PAY);
    const seen = (await db.records()).length;
    const res = await fire(redeploy.id, redeploy.secret);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.trigger.id, redeploy.id);
    assert.equal(res.body.service.id, before.ID);
    assert.ok('rollout' in res.body, 'the answer carries the rollout');
    if (res.body.rollout !== null) {
      assert.equal(res.body.rollout.kind, 'REDEPLOY');
      assert.equal(res.body.rollout.startedBy, `token:${deployerTokenId}`);
    }
    const after = await inspect(PAY);
    assert.equal(after.Spec.TaskTemplate.ForceUpdate ?? 0, (before.Spec.TaskTemplate.ForceUpdate ?? 0) + 1);
    assert.equal(after.Spec.TaskTemplate.ContainerSpec.Image, before.Spec.TaskTemplate.ContainerSpec.Image);

    const records = (await recordsAfter(seen)).filter((r) => r.operation === 'serviceUpdate');
    assert.deepEqual(records.map((r) => [r.kind, r.outcome]), [['intent', null], ['outcome', 'succeeded']]);
    const intent = records[0]!;
    assert.equal(intent.principal, `token:${deployerTokenId}`);
    assert.equal(intent.userAgent, `redeploy-trigger/${redeploy.id}`);
    assert.equal(intent.cluster, SWARM);
    assert.equal((intent.input as { force?: boolean }).force, true);

    const listed = expectData(await gw.gql(TRIGGERS, { service: PAY }, { token: deployerToken })).triggers;
    assert.ok(listed.find((t: { id: string }) => t.id === redeploy.id).lastFiredAt, 'lastFiredAt is set');
  });

  test('{"wait": seconds} answers at the rollout\'s conclusion: the redeploy succeeded on the worker', async () => {
    const res = await fire(redeploy.id, redeploy.secret, { wait: 120 });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.rollout.kind, 'REDEPLOY');
    assert.equal(res.body.rollout.status, 'COMPLETED', JSON.stringify(res.body.rollout));
    assert.equal(res.body.rollout.conclusion, 'SUCCEEDED');
    assert.ok(res.body.rollout.concludedAt);
    assert.ok(res.body.rollout.slots.some((slot: { upToDate: boolean; state: string }) => slot.upToDate && slot.state === 'RUNNING'), JSON.stringify(res.body.rollout.slots));
  });

  test('a wait out of serviceUpdate\'s range is that mutation\'s userError at input.wait: 422, nothing changed', async () => {
    const before = await inspect(PAY);
    const res = await fire(redeploy.id, redeploy.secret, { wait: 0 });
    assert.equal(res.status, 422, res.text);
    assert.deepEqual(res.body.errors[0].extensions.userError.field, ['input', 'wait']);
    assert.equal((await inspect(PAY)).Version.Index, before.Version.Index);
  });

  test('IMAGE_TAG sets the tag on the service\'s own repository; without a tag, or with a bad one, it is 400 and nothing changes', async () => {
    const before = await inspect(PAY);
    for (const body of [undefined, {}, { tag: 'a/b' }, { tag: '1.0', image: 'evil' }]) {
      const res = await fire(imageTag.id, imageTag.secret, body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
      assert.equal(res.body.errors[0].extensions.code, 'BAD_REQUEST');
    }
    assert.equal((await inspect(PAY)).Version.Index, before.Version.Index);

    const res = await fire(imageTag.id, imageTag.secret, { tag: '1.2.3' });
    assert.equal(res.status, 200, res.text);
    const after = await inspect(PAY);
    assert.equal(after.Spec.TaskTemplate.ContainerSpec.Image, 'sg-busybox:1.2.3');
    assert.equal(after.Spec.TaskTemplate.ForceUpdate ?? 0, before.Spec.TaskTemplate.ForceUpdate ?? 0, 'an image change, not a forced one');
  });

  test('once its creator\'s token is revoked the trigger no longer fires: 403, audited as denied, nothing changed', async () => {
    const revoked = expectData(await gw.gql('mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { userErrors { code } } }', { id: deployerTokenId }));
    assert.deepEqual(revoked.apiTokenRevoke.userErrors, []);
    const before = await inspect(PAY);
    const seen = (await db.records()).length;
    const res = await fire(redeploy.id, redeploy.secret);
    assert.equal(res.status, 403, res.text);
    assert.equal(res.body.errors[0].extensions.code, 'FORBIDDEN');
    assert.match(res.body.errors[0].message, /revoked/);
    assert.equal((await inspect(PAY)).Version.Index, before.Version.Index);
    const records = await recordsAfter(seen);
    assert.deepEqual(records.map((r) => [r.kind, r.operation, r.principal, r.target]), [['denied', 'triggerFire', `token:${deployerTokenId}`, redeploy.id]]);
  });

  test('a removed trigger is unknown: the same 401 as any', async () => {
    const removed = expectData(await gw.gql(TRIGGER_REMOVE, { id: imageTag.id })).triggerRemove;
    assert.deepEqual(removed, { removed: [{ id: imageTag.id, name: PAY }], userErrors: [] });
    const res = await fire(imageTag.id, imageTag.secret, { tag: '1.2.3' });
    assert.equal(res.status, 401, res.text);
    const again = await gw.gql(TRIGGER_REMOVE, { id: imageTag.id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
