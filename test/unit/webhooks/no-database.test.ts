// A gateway without a database has nowhere to keep webhooks: the webhook fields answer
// AUDIT_UNAVAILABLE (as API tokens do) and write nothing, not even an audit intent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../../../src/config/config.ts';
import { recordingAudit } from '../../support/fake-gateway.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';

describe('webhooks without a database', () => {
  let gw: TestGateway;
  const audit = recordingAudit();

  before(async () => {
    const config = parseConfig({
      clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }],
      logLevel: 'silent',
      engine: { timeoutMs: 500 },
      webhooks: { allowedHosts: ['hooks.example.com'] },
    });
    gw = await startGateway(config, { audit });
  });
  after(async () => {
    await gw?.stop();
  });

  test('webhooks, webhookCreate, webhookUpdate and webhookRemove answer AUDIT_UNAVAILABLE', async () => {
    const operations = [
      ['{ webhooks { id } }', {}],
      ['mutation($i: WebhookCreateInput!) { webhookCreate(input: $i) { secret } }', { i: { url: 'https://hooks.example.com/x', events: ['ROLLOUT_CONCLUDED'] } }],
      ['mutation($i: WebhookUpdateInput!) { webhookUpdate(input: $i) { webhook { id } } }', { i: { id: '00000000-0000-4000-8000-000000000000', enabled: false } }],
      ['mutation($i: WebhookRemoveInput!) { webhookRemove(input: $i) { removed { id } } }', { i: { id: '00000000-0000-4000-8000-000000000000' } }],
    ] as const;
    for (const [query, variables] of operations) {
      const res = await gw.gql(query, variables);
      assert.equal(res.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE', `${query}: ${JSON.stringify(res.errors)}`);
      assert.match(res.errors![0]!.message, /database/);
    }
    assert.deepEqual(audit.intents.filter((i) => i.operation.startsWith('webhook')), []);
  });
});
