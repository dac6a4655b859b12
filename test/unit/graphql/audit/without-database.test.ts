// The audit log's and API tokens' fields on a gateway started without a database (the fake
// gateway has none): each answers AUDIT_UNAVAILABLE saying so, never INTERNAL, once the
// permission table has let the caller through; a role without the permission is FORBIDDEN
// first. What these fields return from a database is tested with PGlite and PostgreSQL in
// test/e2e/audit and test/e2e/access (PGlite takes seconds to open and migrate).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

describe('audit log and API tokens without a database', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(() => fake.stop());

  const code = async (query: string, grants?: string[], variables: Record<string, unknown> = {}) => {
    const res = await fake.gql(query, variables, grants ? { token: await fake.tokenFor(...grants) } : undefined);
    return res.errors?.map((e) => e.extensions?.code);
  };

  test('auditRecords and auditVerify: AUDIT_UNAVAILABLE for an auditor, FORBIDDEN for a deployer', async () => {
    assert.deepEqual(await code('{ auditRecords { totalCount } }', ['auditor']), ['AUDIT_UNAVAILABLE']);
    assert.deepEqual(await code('{ auditVerify { ok } }'), ['AUDIT_UNAVAILABLE']);
    assert.deepEqual(await code('{ auditRecords { totalCount } }', ['deployer']), ['FORBIDDEN']);
  });

  test('apiTokens, apiTokenCreate and apiTokenRevoke: AUDIT_UNAVAILABLE, nothing sent to the engine; FORBIDDEN for an operator', async () => {
    fake.engine.clearRequests();
    assert.deepEqual(await code('{ apiTokens { totalCount } }', ['deployer']), ['AUDIT_UNAVAILABLE']);
    const create = await fake.mutate('apiTokenCreate', { name: 'bot', grants: [{ role: 'VIEWER' }], expiresInDays: 1 }, 'apiToken { id }');
    assert.deepEqual(create.errorCodes, ['AUDIT_UNAVAILABLE']);
    const revoke = await fake.mutate('apiTokenRevoke', { id: 'tok_123' }, 'apiToken { id }');
    assert.deepEqual(revoke.errorCodes, ['AUDIT_UNAVAILABLE']);
    assert.deepEqual(await code('{ apiTokens { totalCount } }', ['operator']), ['FORBIDDEN']);
    assert.deepEqual(fake.engine.writes(), []);
  });
});
