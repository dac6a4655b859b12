import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SECRET_NAME_PATTERNS, REDACTED, isSecretField, redactInput } from '../../../src/audit/redact.ts';

const JOIN_TOKEN = 'SWMTKN-1-3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl-1awxwuwd3z9j1z3puu7rcgdbx';
const UNLOCK_KEY = 'SWMKEY-1-7c37Cc8654o6p38HnroywCi19pllOnGtbdZEgtKxZu8';

describe('redactInput', () => {
  test('serviceCreate: secret env values go, their names and everything else stay', () => {
    const input = {
      cluster: 'prod',
      name: 'api',
      image: 'sg-busybox:latest',
      env: ['DB_PASSWORD=hunter2', 'GITHUB_TOKEN=ghp_abc', 'aws_secret_access_key=xyz', 'MODE=production', 'EMPTY=', 'FROM_HOST', 'Basic_Auth_Users=u:p', 'PrivateThing=1', 'DB_PASSWD=x', 'GCP_CREDENTIALS={}'],
      labels: [{ key: 'team', value: 'payments' }, { key: 'api.key', value: 'k-123' }],
      command: ['sh', '-c', 'sleep 1000'],
      replicas: 2,
    };
    const out = redactInput(input);
    assert.deepEqual(out, {
      ...input,
      env: ['DB_PASSWORD=[redacted]', 'GITHUB_TOKEN=[redacted]', 'aws_secret_access_key=[redacted]', 'MODE=production', 'EMPTY=', 'FROM_HOST', 'Basic_Auth_Users=[redacted]', 'PrivateThing=[redacted]', 'DB_PASSWD=[redacted]', 'GCP_CREDENTIALS=[redacted]'],
      labels: [{ key: 'team', value: 'payments' }, { key: 'api.key', value: REDACTED }],
    });
    // A deep copy: the caller's input is untouched.
    assert.equal(input.env[0], 'DB_PASSWORD=hunter2');
  });

  test('serviceUpdate: envAdd is redacted, envRemove (names only) kept', () => {
    const out = redactInput({ id: 'api', envAdd: ['API_KEY=abc', 'LOG_LEVEL=debug', 'X=a=b'], envRemove: ['OLD_SECRET'], labels: { add: [{ key: 'db.password', value: 'pw' }], remove: ['x'] } });
    assert.deepEqual(out, {
      id: 'api',
      envAdd: ['API_KEY=[redacted]', 'LOG_LEVEL=debug', 'X=a=b'],
      envRemove: ['OLD_SECRET'],
      labels: { add: [{ key: 'db.password', value: REDACTED }], remove: ['x'] },
    });
  });

  test('the name patterns are configurable', () => {
    const input = { env: ['DB_PASSWORD=pw', 'LICENSE=abc'] };
    assert.deepEqual(redactInput(input, { secretNamePatterns: [/license/i] }), { env: ['DB_PASSWORD=pw', 'LICENSE=[redacted]'] });
    // A /g pattern's lastIndex must not make every other match fail.
    assert.deepEqual(redactInput({ env: ['A_LICENSE=1', 'B_LICENSE=2', 'C_LICENSE=3'] }, { secretNamePatterns: [/license/gi] }), { env: ['A_LICENSE=[redacted]', 'B_LICENSE=[redacted]', 'C_LICENSE=[redacted]'] });
    assert.equal(DEFAULT_SECRET_NAME_PATTERNS.length, 8);
  });

  test('join tokens and unlock keys go wherever they appear, whole or inside a string', () => {
    const out = redactInput({
      engine: 'worker-1',
      remoteAddrs: ['198.18.0.1:2377'],
      note: `docker swarm join --token ${JOIN_TOKEN} 198.18.0.1:2377`,
      nested: [{ deeper: [UNLOCK_KEY, `key is ${UNLOCK_KEY}.`] }],
      env: [`JOIN=${JOIN_TOKEN}`],
    });
    assert.deepEqual(out, {
      engine: 'worker-1',
      remoteAddrs: ['198.18.0.1:2377'],
      note: 'docker swarm join --token [redacted] 198.18.0.1:2377',
      nested: [{ deeper: [REDACTED, 'key is [redacted].'] }],
      env: ['JOIN=[redacted]'],
    });
    assert.ok(!JSON.stringify(out).includes('SWMTKN-1-3pu'));
    assert.ok(!JSON.stringify(out).includes('SWMKEY-1-7c'));
  });

  test('fields named like secrets are replaced whole, at any depth; null ones stay null', () => {
    const out = redactInput({
      joinToken: 'abc',
      unlockKey: { any: 'shape' },
      swarm: { tokens: { worker: 'w', manager: 'm' }, password: null, caConfig: { signingCAKey: 'PEM', signingCACert: 'CERT' } },
      apiKey: 1234,
      api_key: 'x',
      'registry-auth': 'base64',
      secrets: [{ secretName: 'db', file: '/run/secrets/db', data: 'c2VjcmV0' }],
      configs: [{ name: 'cfg', Data: 'Y29uZmln' }],
      key: 'label-key',
      keyValue: 'kept',
      autolock: true,
    });
    assert.deepEqual(out, {
      joinToken: REDACTED,
      unlockKey: REDACTED,
      swarm: { tokens: REDACTED, password: null, caConfig: { signingCAKey: REDACTED, signingCACert: 'CERT' } },
      apiKey: REDACTED,
      api_key: REDACTED,
      'registry-auth': REDACTED,
      // A list of secret references is kept (names are what an auditor needs); their data is not.
      secrets: [{ secretName: 'db', file: '/run/secrets/db', data: REDACTED }],
      configs: [{ name: 'cfg', Data: REDACTED }],
      key: 'label-key',
      keyValue: 'kept',
      autolock: true,
    });
  });

  test('secret field names are recognized by word', () => {
    for (const name of ['token', 'joinToken', 'JoinTokens', 'unlockKey', 'UnlockKey', 'password', 'passphrase', 'secret', 'clientSecret', 'apiKey', 'APIKey', 'privateKey', 'private_key', 'credentials', 'auth', 'Authorization']) {
      assert.equal(isSecretField(name), true, name);
    }
    for (const name of ['key', 'keys', 'name', 'secrets', 'secretName', 'secretID', 'tokenId', 'passwordFile', 'keyValue', 'autolock', 'monkeyBusiness', 'tokenizer', 'author']) {
      assert.equal(isSecretField(name), false, name);
    }
  });

  test('non-object inputs and undefined', () => {
    assert.equal(redactInput(undefined), null);
    assert.equal(redactInput(null), null);
    assert.equal(redactInput(`x ${JOIN_TOKEN}`), 'x [redacted]');
    assert.deepEqual(redactInput([1, 'a', { token: 't' }]), [1, 'a', { token: REDACTED }]);
  });
});
