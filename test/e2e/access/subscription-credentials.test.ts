// A subscription lives as long as its credentials: open graphql-ws connections are
// verified again periodically, so revoking the API token that opened one closes it with
// 4403 and an auth_failed audit record, while a connection with a valid token stays open.
// Real PostgreSQL and PGlite; no engine is needed (the connection itself is what is checked).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import pino from 'pino';
import WebSocket from 'ws';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { createApiTokenVerifier } from '../../../src/auth/tokens/index.ts';
import { forEachBackend, noEngineConfig } from '../../support/audit-backends.ts';
import { startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';

const CREATE = `mutation($name: String!) { apiTokenCreate(input: { name: $name, grants: [{ role: VIEWER }] }) { token apiToken { id } userErrors { message } } }`;
const REVOKE = 'mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { apiToken { revokedAt } userErrors { message } } }';

forEachBackend('subscription credentials', (b) => {
  let gw: TestGateway;
  let tmp: string;
  let url: string;
  const clients: Client[] = [];

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-ws-creds-'));
    const writer = new DbAuditWriter({ database: b.db(), logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await writer.init();
    gw = await startGateway(noEngineConfig(), { database: b.db(), audit: writer, apiTokens: createApiTokenVerifier(b.db()), credentialRecheckMs: 200 });
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(gw.gateway.httpServer.address() as AddressInfo).port}/graphql`;
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await gw?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** A connected client, and the close code once the gateway closes it. */
  async function connect(token: string): Promise<{ closed: Promise<number> }> {
    let onClosed!: (code: number) => void;
    const closed = new Promise<number>((resolve) => (onClosed = resolve));
    await new Promise<void>((resolve, reject) => {
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: { authorization: `Bearer ${token}` },
        onNonLazyError: reject,
        on: { connected: () => resolve(), closed: (event) => onClosed((event as { code: number }).code) },
      });
      clients.push(client);
    });
    return { closed };
  }

  async function newToken(name: string): Promise<{ token: string; id: string }> {
    const res = await gw.gql(CREATE, { name });
    const payload = res.data.apiTokenCreate;
    assert.deepEqual(payload.userErrors, []);
    return { token: payload.token, id: payload.apiToken.id };
  }

  test('revoking the token closes its open connection with 4403, audited; another token\'s connection stays open', async () => {
    const revoked = await newToken('ws-bot');
    const kept = await newToken('ws-other');
    const a = await connect(revoked.token);
    const other = await connect(kept.token);
    let otherClosed: number | null = null;
    void other.closed.then((code) => (otherClosed = code));

    const res = await gw.gql(REVOKE, { id: revoked.id });
    assert.deepEqual(res.data.apiTokenRevoke.userErrors, []);
    const code = await Promise.race([a.closed, new Promise<string>((r) => setTimeout(() => r('still open after 10 s'), 10_000))]);
    assert.equal(code, 4403);

    const rows = await waitFor('the auth_failed record', async () => {
      const found = await b.sql<{ kind: string; principal: string; decision: { reason: string; tokenPrefix?: string } }>(
        "SELECT kind, principal, decision FROM audit_records WHERE operation = '(subscription credentials re-checked)'",
      );
      return found.length > 0 ? found : null;
    }, 5000, 100);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.kind, 'auth_failed');
    assert.equal(rows[0]!.decision.reason, 'revoked_token');

    // Several re-check rounds later, the valid token's connection is still open.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(otherClosed, null);
  });
});
