// Which webhooks hear of an event: the events asked for, the cluster, and the label scope (a
// team's webhook hears only of its team's services); what a rollout conclusion raises.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rolloutEvents, rolloutEventKey, webhookHears } from '../../../src/webhooks/fan-out.ts';
import type { WebhookEventName } from '../../../src/webhooks/webhook-store.ts';

const hook = (over: Partial<{ enabled: boolean; events: WebhookEventName[]; cluster: string | null; scope: string | null }> = {}) => ({
  enabled: true,
  events: ['ROLLOUT_CONCLUDED', 'SERVICE_REMOVED'] as WebhookEventName[],
  cluster: null,
  scope: null,
  ...over,
});
const payments = { event: 'ROLLOUT_CONCLUDED' as const, cluster: 'prod', labels: { team: 'payments', tier: 'web' } };

describe('webhook fan-out', () => {
  test('an unscoped webhook of every cluster hears the events it asked for, and only those', () => {
    assert.ok(webhookHears(hook(), payments));
    assert.ok(webhookHears(hook(), { ...payments, event: 'SERVICE_REMOVED' }));
    assert.equal(webhookHears(hook(), { ...payments, event: 'ROLLOUT_FAILED' }), false);
    assert.equal(webhookHears(hook({ enabled: false }), payments), false);
  });

  test('a webhook of one cluster hears nothing of another', () => {
    assert.ok(webhookHears(hook({ cluster: 'prod' }), payments));
    assert.equal(webhookHears(hook({ cluster: 'staging' }), payments), false);
  });

  test('a scoped webhook hears only of services whose labels match its whole scope', () => {
    assert.ok(webhookHears(hook({ scope: 'team=payments' }), payments));
    assert.ok(webhookHears(hook({ scope: 'team=payments,tier=web' }), payments));
    assert.equal(webhookHears(hook({ scope: 'team=search' }), payments), false);
    assert.equal(webhookHears(hook({ scope: 'team=payments,tier=db' }), payments), false);
    assert.equal(webhookHears(hook({ scope: 'team=payments' }), { ...payments, labels: {} }), false);
    // A label value that only starts like the scope's is another team.
    assert.equal(webhookHears(hook({ scope: 'team=pay' }), payments), false);
  });

  test('a scope that does not parse reaches nothing', () => {
    assert.equal(webhookHears(hook({ scope: 'not a selector' }), payments), false);
  });

  test('a conclusion raises CONCLUDED, and FAILED for every verdict but SUCCEEDED; unconcluded raises nothing', () => {
    assert.deepEqual(rolloutEvents({ conclusion: 'SUCCEEDED' }), ['ROLLOUT_CONCLUDED']);
    for (const conclusion of ['ROLLED_BACK', 'PAUSED_ON_FAILURE', 'TIMED_OUT', 'NO_ELIGIBLE_NODES', 'SUPERSEDED', 'FAILED'] as const) {
      assert.deepEqual(rolloutEvents({ conclusion }), ['ROLLOUT_CONCLUDED', 'ROLLOUT_FAILED'], conclusion);
    }
    assert.deepEqual(rolloutEvents({ conclusion: null }), []);
    assert.equal(rolloutEventKey('r1', 'ROLLOUT_FAILED'), 'rollout:r1:ROLLOUT_FAILED');
  });
});
