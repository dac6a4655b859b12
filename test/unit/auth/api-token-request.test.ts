// The checks on a new token (name, expiry, clusters) shared by the mutation and the CLI,
// and when a token counts as expired.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGrant } from '../../../src/grants/grant.ts';
import { isExpired, resolveExpiry, tokenNameProblem, unknownClustersProblem } from '../../../src/auth/tokens/index.ts';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const DAY = 86_400_000;

describe('token name', () => {
  test('a name is required, at most 100 characters, without control characters', () => {
    assert.equal(tokenNameProblem('chatops-bot'), null);
    assert.equal(tokenNameProblem('  payments deploy bot  '), null);
    assert.match(tokenNameProblem('')!, /needs a name/);
    assert.match(tokenNameProblem('   ')!, /needs a name/);
    assert.match(tokenNameProblem('x'.repeat(101))!, /101 characters long; at most 100/);
    assert.match(tokenNameProblem('bot\nline')!, /control characters/);
  });
});

describe('token expiry', () => {
  test('none asked and no limit configured: no expiry', () => {
    assert.deepEqual(resolveExpiry({}, { now: NOW }), { expiresAt: null });
  });

  test('expiresInDays counts from now; it must be 1 to the limit', () => {
    assert.deepEqual(resolveExpiry({ expiresInDays: 7 }, { now: NOW }), { expiresAt: new Date(NOW.getTime() + 7 * DAY) });
    for (const days of [0, -1, 1.5, 3651]) {
      const r = resolveExpiry({ expiresInDays: days }, { now: NOW });
      assert.ok('error' in r && r.field === 'expiresInDays', `${days}`);
    }
    const limited = resolveExpiry({ expiresInDays: 31 }, { now: NOW, maxTokenDays: 30 });
    assert.ok('error' in limited);
    assert.match(limited.error, /from 1 to 30, got 31/);
  });

  test('expiresAt must be in the future and within the limit', () => {
    const soon = new Date(NOW.getTime() + 60_000);
    assert.deepEqual(resolveExpiry({ expiresAt: soon }, { now: NOW }), { expiresAt: soon });
    const past = resolveExpiry({ expiresAt: new Date(NOW.getTime() - 1) }, { now: NOW });
    assert.ok('error' in past && past.field === 'expiresAt');
    assert.match(past.error, /in the past/);
    assert.ok('error' in resolveExpiry({ expiresAt: NOW }, { now: NOW }));
    assert.ok('error' in resolveExpiry({ expiresAt: new Date('nonsense') }, { now: NOW }));
    const far = resolveExpiry({ expiresAt: new Date(NOW.getTime() + 31 * DAY) }, { now: NOW, maxTokenDays: 30 });
    assert.ok('error' in far);
    assert.match(far.error, /more than 30 days away/);
  });

  test('both forms at once are refused', () => {
    const r = resolveExpiry({ expiresAt: new Date(NOW.getTime() + DAY), expiresInDays: 1 }, { now: NOW });
    assert.ok('error' in r);
    assert.match(r.error, /not both/);
  });

  test('with auth.maxTokenDays an expiry is required, named as the caller knows it', () => {
    const r = resolveExpiry({}, { now: NOW, maxTokenDays: 30 });
    assert.ok('error' in r);
    assert.match(r.error, /within 30 days \(auth.maxTokenDays\): give expiresInDays or expiresAt/);
    const cli = resolveExpiry({}, { now: NOW, maxTokenDays: 30, names: { expiresAt: '--expires-in-days', expiresInDays: '--expires-in-days' } });
    assert.ok('error' in cli);
    assert.match(cli.error, /give --expires-in-days\.$/);
  });

  test('made by an API token that expires: no expiry asked gets the creator\'s, a later one is refused, an earlier one kept', () => {
    const creatorExpiresAt = new Date(NOW.getTime() + 2 * DAY);
    assert.deepEqual(resolveExpiry({}, { now: NOW, creatorExpiresAt }), { expiresAt: creatorExpiresAt });
    // Inheriting also satisfies maxTokenDays (the creator was held to it).
    assert.deepEqual(resolveExpiry({}, { now: NOW, maxTokenDays: 30, creatorExpiresAt }), { expiresAt: creatorExpiresAt });
    assert.deepEqual(resolveExpiry({ expiresInDays: 1 }, { now: NOW, creatorExpiresAt }), { expiresAt: new Date(NOW.getTime() + DAY) });
    assert.deepEqual(resolveExpiry({ expiresInDays: 2 }, { now: NOW, creatorExpiresAt }), { expiresAt: creatorExpiresAt });
    const later = resolveExpiry({ expiresInDays: 3 }, { now: NOW, creatorExpiresAt });
    assert.ok('error' in later);
    assert.equal(later.field, 'expiresInDays');
    assert.match(later.error, /is later than 2026-.*, when the token creating it expires: a token cannot outlive the token that made it/);
    const laterAt = resolveExpiry({ expiresAt: new Date(creatorExpiresAt.getTime() + 1) }, { now: NOW, creatorExpiresAt });
    assert.ok('error' in laterAt && laterAt.field === 'expiresAt');
    // Input errors still come first; a creator without expiry limits nothing.
    assert.ok('error' in resolveExpiry({ expiresInDays: 0 }, { now: NOW, creatorExpiresAt }));
    assert.deepEqual(resolveExpiry({}, { now: NOW, creatorExpiresAt: null }), { expiresAt: null });
  });

  test('a token is expired at its expiry, or when older than a (lowered) maxTokenDays', () => {
    const createdAt = new Date(NOW.getTime() - 10 * DAY);
    assert.equal(isExpired({ createdAt, expiresAt: null }, NOW), false);
    assert.equal(isExpired({ createdAt, expiresAt: new Date(NOW.getTime() + 1) }, NOW), false);
    assert.equal(isExpired({ createdAt, expiresAt: NOW }, NOW), true);
    assert.equal(isExpired({ createdAt, expiresAt: null }, NOW, 11), false);
    assert.equal(isExpired({ createdAt, expiresAt: null }, NOW, 10), true);
  });
});

describe('grant clusters', () => {
  test('a grant naming a cluster the gateway does not front is named, with the known ones', () => {
    assert.equal(unknownClustersProblem(parseGrant('admin'), ['prod']), null);
    assert.equal(unknownClustersProblem(parseGrant('viewer@prod:team=a'), ['prod', 'staging']), null);
    assert.equal(
      unknownClustersProblem(parseGrant('deployer@prod,qa'), ['prod', 'staging']),
      'Grant deployer@prod,qa names a cluster this gateway does not front: "qa" (known: prod, staging).',
    );
  });
});
