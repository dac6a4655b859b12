// A flood of bad credentials from one address: past limits.authFailuresPerAddress refused
// credentials per window, the next ones get 429 RATE_LIMITED with Retry-After and write no
// audit record, while good credentials from the same address still pass. The audit
// writer here only records what it is given.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AuditIntent, AuditRefusal, AuditWriter } from '../../../src/audit/audit-writer.ts';
import { parseConfig } from '../../../src/config/config.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';

const refusals: { intent: AuditIntent; refusal: AuditRefusal }[] = [];
const recording: AuditWriter = {
  intent: async () => 'x',
  outcome: async () => {},
  sensitiveRead: async () => {},
  refusal: async (intent, refusal) => {
    refusals.push({ intent, refusal });
  },
};

describe('refused credentials per address', () => {
  let gw: TestGateway;
  before(async () => {
    const config = parseConfig({
      clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }],
      logLevel: 'silent',
      limits: { authFailuresPerAddress: 3, rateLimitWindowSeconds: 600 },
    });
    gw = await startGateway(config, { audit: recording });
  });
  after(() => gw.stop());

  test('the first ones are 401 and audited; past the limit 429 with Retry-After and no record; a good token still passes', async () => {
    const expired = await tokenFor(['admin'], { expiresIn: -3600 });
    for (let i = 0; i < 3; i++) {
      const res = await gw.gql('{ whoami { id } }', undefined, { token: expired });
      assert.equal(res.status, 401);
      assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    }
    assert.equal(refusals.length, 3);
    assert.ok(refusals.every((r) => r.refusal.kind === 'auth_failed'));

    const flooded = await gw.http.post('/graphql').set('authorization', `Bearer ${expired}`).send({ query: '{ whoami { id } }' });
    assert.equal(flooded.status, 429);
    assert.equal(flooded.body.errors[0].extensions.code, 'RATE_LIMITED');
    assert.match(flooded.body.errors[0].message, /limits\.authFailuresPerAddress/);
    const retryAfter = Number(flooded.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 600, `Retry-After ${flooded.headers['retry-after']}`);
    assert.equal(refusals.length, 3, 'no audit record for a refusal past the limit');

    const ok = await gw.gql('{ whoami { id } }');
    assert.equal(ok.status, 200);
    assert.equal(ok.data.whoami.id, 'oidc:test-admin');
  });
});
