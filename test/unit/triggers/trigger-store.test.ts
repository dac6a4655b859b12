// The trigger store on an embedded database: only the secret's SHA-256 is stored, the
// secret authenticates its own trigger alone (an unknown ID and a wrong secret both give
// null), listing and removal; and whether a creator still stands behind its trigger.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ApiTokenStore } from '../../../src/auth/tokens/index.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { creatorStanding } from '../../../src/triggers/creator-standing.ts';
import { TriggerStore, type NewTrigger } from '../../../src/triggers/trigger-store.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

const SPEC: NewTrigger = {
  cluster: 'prod',
  serviceId: 'svc0000000000000000000001',
  serviceName: 'api',
  action: 'REDEPLOY',
  createdBy: 'oidc:alice',
  creatorKind: 'oidc',
  grants: [parseGrant('deployer@prod:team=payments')],
};

describe('trigger store', () => {
  let db: AuditDb;
  let store: TriggerStore;
  before(async () => {
    db = await openAuditDb('pglite', 'trigger-store');
    store = new TriggerStore(db.database);
  });
  after(async () => {
    await db?.close();
  });

  test('create returns the secret once; the row holds its SHA-256 and the creator\'s grants as text', async () => {
    const { secret, row } = await store.create(SPEC);
    assert.match(row.id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(row.secretHash, createHash('sha256').update(secret).digest('hex'));
    assert.deepEqual(row.grants, ['deployer@prod:team=payments']);
    assert.equal(row.lastFiredAt, null);
    const text = JSON.stringify(await db.database.prisma.redeployTrigger.findMany());
    assert.ok(!text.includes(secret), 'no column holds the secret');
  });

  test('authenticate: the right secret gives its trigger; a wrong secret, another trigger\'s secret and an unknown or malformed ID give null', async () => {
    const a = await store.create(SPEC);
    const b = await store.create({ ...SPEC, action: 'IMAGE_TAG' });
    assert.equal((await store.authenticate(a.row.id, a.secret))?.id, a.row.id);
    assert.equal(await store.authenticate(a.row.id, b.secret), null);
    assert.equal(await store.authenticate(a.row.id, ''), null);
    assert.equal(await store.authenticate('A'.repeat(22), a.secret), null);
    assert.equal(await store.authenticate('../x', a.secret), null);
  });

  test('list by cluster and service, markFired, remove', async () => {
    const other = await store.create({ ...SPEC, serviceId: 'svc0000000000000000000002' });
    const all = await store.list('prod');
    assert.ok(all.length >= 3);
    assert.deepEqual((await store.list('prod', 'svc0000000000000000000002')).map((r) => r.id), [other.row.id]);
    assert.deepEqual(await store.list('staging'), []);
    const at = await store.markFired(other.row.id);
    assert.equal((await store.find(other.row.id))?.lastFiredAt?.getTime(), at.getTime());
    assert.equal(await store.remove(other.row.id), true);
    assert.equal(await store.remove(other.row.id), false);
    assert.equal(await store.find(other.row.id), null);
  });

  test('creatorStanding: an API token creator stands while its token is valid; revoked or expired, it does not', async () => {
    const tokens = new ApiTokenStore(db.database);
    const live = await tokens.create({ name: 'ci', owner: 'cli', grants: [parseGrant('deployer@prod:team=payments')], expiresAt: null });
    const trigger = { ...SPEC, createdBy: `token:${live.row.id}`, creatorKind: 'token', grants: ['deployer@prod:team=payments'] };
    const holds = await creatorStanding(db.database, trigger);
    assert.deepEqual(holds, { holds: true, grants: [parseGrant('deployer@prod:team=payments')] });

    const soon = await tokens.create({ name: 'ci2', owner: 'cli', grants: [parseGrant('deployer@prod')], expiresAt: new Date(Date.now() + 60_000) });
    const expired = await creatorStanding(db.database, { ...trigger, createdBy: `token:${soon.row.id}` }, { now: new Date(Date.now() + 120_000) });
    assert.equal(expired.holds, false);
    assert.match((expired as { reason: string }).reason, /expired/);
    const tooOld = await creatorStanding(db.database, trigger, { now: new Date(Date.now() + 3 * 86_400_000), maxTokenDays: 2 });
    assert.equal(tooOld.holds, false);

    await tokens.revoke(live.row.id, 'oidc:admin');
    const revoked = await creatorStanding(db.database, trigger);
    assert.equal(revoked.holds, false);
    assert.match((revoked as { reason: string }).reason, /revoked/);

    const gone = await creatorStanding(db.database, { ...trigger, createdBy: 'token:00000000-0000-4000-8000-000000000000' });
    assert.equal(gone.holds, false);
  });

  test('creatorStanding: an OIDC creator stands with its stored grants (the identity provider cannot be asked); an anonymous one never', async () => {
    assert.deepEqual(await creatorStanding(db.database, { createdBy: 'oidc:alice', creatorKind: 'oidc', grants: ['deployer@prod'] }), { holds: true, grants: [parseGrant('deployer@prod')] });
    assert.equal((await creatorStanding(db.database, { createdBy: 'anonymous', creatorKind: 'anonymous', grants: ['admin'] })).holds, false);
    assert.equal((await creatorStanding(db.database, { createdBy: 'oidc:x', creatorKind: 'token', grants: ['admin'] })).holds, false);
  });
});
