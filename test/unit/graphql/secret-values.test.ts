// Env masking asks the request's Authority (`Capability.secretValues`) per cluster and masks
// by the configured name patterns: values in clear only for an unscoped admin of the cluster.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorityOf } from '../../../src/auth/authority.ts';
import { DEFAULT_SECRET_NAME_PATTERNS } from '../../../src/audit/redact.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { envFor } from '../../../src/graphql/access/secret-values.ts';

const authority = (...grants: string[]) => authorityOf({ id: 'token:t', kind: 'token', grants: grants.map(parseGrant), clientAddress: undefined });
const ENV = ['DB_PASSWORD=hunter2', 'MODE=prod', 'NO_VALUE'];

describe('envFor', () => {
  test('an unscoped admin of the cluster reads the values in clear', () => {
    assert.deepEqual(envFor(authority('admin'), 'prod', DEFAULT_SECRET_NAME_PATTERNS, ENV), ENV);
    assert.deepEqual(envFor(authority('admin@prod'), 'prod', DEFAULT_SECRET_NAME_PATTERNS, ENV), ENV);
  });

  test('everyone else gets secret-looking values redacted, the names kept: a viewer, a team admin, an admin of another cluster', () => {
    const masked = ['DB_PASSWORD=[redacted]', 'MODE=prod', 'NO_VALUE'];
    for (const grants of [['viewer'], ['admin:team=payments'], ['admin@staging', 'viewer']]) {
      assert.deepEqual(envFor(authority(...grants), 'prod', DEFAULT_SECRET_NAME_PATTERNS, ENV), masked, grants.join(' '));
    }
  });

  test('the configured patterns decide which names are secret', () => {
    assert.deepEqual(envFor(authority('viewer'), 'prod', [/^MODE$/], ENV), ['DB_PASSWORD=hunter2', 'MODE=[redacted]', 'NO_VALUE']);
  });
});
