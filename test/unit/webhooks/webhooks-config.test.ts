// The `webhooks` config section: no host allowed by default, bounds named by setting, and
// WEBHOOKS_ALLOWED_HOSTS from the environment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseConfig, rawConfigFromEnv } from '../../../src/config/config.ts';

const CLUSTERS = [{ name: 'c', managers: [{ url: 'unix:///run/none/docker.sock' }] }];

test('defaults: no host allowed, 10 s timeout, 1 s doubling backoff, 8 attempts, polled every second', () => {
  assert.deepEqual(parseConfig({ clusters: CLUSTERS }).webhooks, { allowedHosts: [], timeoutMs: 10_000, backoffMs: 1_000, maxAttempts: 8, pollMs: 1_000 });
});

test('a host entry with a scheme, path, user info, trailing dot or bad port is refused, naming the setting', () => {
  for (const entry of ['https://hooks.example.com', 'hooks.example.com/x', 'me@hooks.example.com', 'hooks.example.com.', 'hooks.example.com:http', '::1', '*.example.com']) {
    assert.throws(() => parseConfig({ clusters: CLUSTERS, webhooks: { allowedHosts: [entry] } }), (e: unknown) => e instanceof ConfigError && /webhooks\.allowedHosts\.0/.test(e.message), entry);
  }
  assert.deepEqual(parseConfig({ clusters: CLUSTERS, webhooks: { allowedHosts: ['hooks.example.com', '10.0.0.5:8080', '[fd00::5]:8443'] } }).webhooks.allowedHosts, ['hooks.example.com', '10.0.0.5:8080', '[fd00::5]:8443']);
  assert.throws(() => parseConfig({ clusters: CLUSTERS, webhooks: { maxAttempts: 0 } }), /webhooks\.maxAttempts/);
  assert.throws(() => parseConfig({ clusters: CLUSTERS, webhooks: { retries: 3 } }), /webhooks/);
});

test('WEBHOOKS_ALLOWED_HOSTS (comma-separated) replaces the list', () => {
  const raw = rawConfigFromEnv({ WEBHOOKS_ALLOWED_HOSTS: ' hooks.example.com , 127.0.0.1:9000,' });
  assert.deepEqual(parseConfig(raw).webhooks.allowedHosts, ['hooks.example.com', '127.0.0.1:9000']);
  assert.deepEqual(parseConfig(rawConfigFromEnv({ WEBHOOKS_ALLOWED_HOSTS: '' })).webhooks.allowedHosts, []);
});
