// Per-principal rate limiting, on a bare Express app whose "authentication" takes the
// principal from a test header: the request over the budget is a 429 RATE_LIMITED with
// Retry-After; other principals keep their own budget; anonymous callers are counted per
// address; 0 turns it off; graphql-ws subscribes draw on the same budget.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import express from 'express';
import supertest from 'supertest';
import type { Principal } from '../../../src/auth/principal.ts';
import { formatError } from '../../../src/http/format-error.ts';
import { principalRateLimit, rateLimit, rateLimitKey } from '../../../src/http/limits/index.ts';

function appWith(middleware: express.RequestHandler) {
  const app = express();
  app.use((req, res, next) => {
    const id = req.get('x-test-principal') ?? 'anonymous';
    res.locals.principal = { id, kind: id === 'anonymous' ? 'anonymous' : 'token', grants: [], clientAddress: req.get('x-test-address') ?? req.socket.remoteAddress } satisfies Principal;
    next();
  });
  app.use('/graphql', middleware, (_req, res) => void res.json({ data: { ok: true } }));
  return supertest(app);
}

const as = (http: ReturnType<typeof supertest>, principal: string, address?: string) => {
  const req = http.post('/graphql').set('x-test-principal', principal);
  return address ? req.set('x-test-address', address) : req;
};

describe('rate limiting', () => {
  test('the request over the budget is 429 RATE_LIMITED with Retry-After; another principal is still served', async () => {
    const http = appWith(rateLimit({ rateLimitRequests: 5, rateLimitWindowSeconds: 60 }));
    for (let i = 0; i < 5; i++) assert.equal((await as(http, 'token:bot')).status, 200, `request ${i + 1}`);
    const refused = await as(http, 'token:bot');
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${refused.headers['retry-after']}`);
    assert.deepEqual(refused.body, {
      errors: [{
        message: `too many requests: at most 5 per 60 s for this principal (limits.rateLimitRequests); retry after ${retryAfter} s`,
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
      }],
    });
    assert.equal((await as(http, 'oidc:alice')).status, 200);
  });

  test('anonymous callers are counted per client address', async () => {
    const http = appWith(rateLimit({ rateLimitRequests: 2, rateLimitWindowSeconds: 60 }));
    for (let i = 0; i < 2; i++) assert.equal((await as(http, 'anonymous', '198.18.0.1')).status, 200);
    assert.equal((await as(http, 'anonymous', '198.18.0.1')).status, 429);
    assert.equal((await as(http, 'anonymous', '198.18.0.2')).status, 200);
    assert.equal(rateLimitKey({ id: 'anonymous', clientAddress: '198.18.0.1' }), 'anonymous@198.18.0.1');
    assert.equal(rateLimitKey({ id: 'token:abc', clientAddress: '198.18.0.1' }), 'token:abc');
  });

  test('the budget comes back after the window', async () => {
    const http = appWith(rateLimit({ rateLimitRequests: 1, rateLimitWindowSeconds: 1 }));
    assert.equal((await as(http, 'token:bot')).status, 200);
    const refused = await as(http, 'token:bot');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers['retry-after'], '1');
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal((await as(http, 'token:bot')).status, 200);
  });

  test('0 requests turns rate limiting off', async () => {
    const http = appWith(rateLimit({ rateLimitRequests: 0, rateLimitWindowSeconds: 60 }));
    for (let i = 0; i < 20; i++) assert.equal((await as(http, 'token:bot')).status, 200);
  });

  test('graphql-ws subscribes share the HTTP budget and get a RATE_LIMITED error', async () => {
    const limit = principalRateLimit({ rateLimitRequests: 2, rateLimitWindowSeconds: 60 });
    const http = appWith(limit.middleware);
    const bot = { id: 'token:bot', clientAddress: '198.18.0.1' };
    assert.equal(await limit.subscribeErrors(bot), undefined);
    assert.equal((await as(http, 'token:bot')).status, 200);
    const errors = await limit.subscribeErrors(bot);
    assert.equal(errors?.length, 1);
    // What graphql-ws sends after the gateway's formatting.
    const shown = formatError(errors![0]!.toJSON(), errors![0]!);
    assert.equal(shown.extensions?.code, 'RATE_LIMITED');
    assert.ok(Number(shown.extensions?.retryAfterSeconds) >= 1);
    assert.match(shown.message, /too many requests: at most 2 per 60 s/);
  });
});
