// The console's page and files as a client sees them: a browser's GET /graphql gets the
// page without a token, a GraphQL client's GET /graphql is GraphQL as before (401 without
// a token), the files come with their types and long caching, the page with a strict CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import supertest from 'supertest';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

let fg: FakeGateway;
let anonymous: ReturnType<typeof supertest>;
before(async () => {
  fg = await startFakeGateway();
  anonymous = supertest(fg.gateway.gateway.app);
});
after(() => fg.stop());

/** The src of every script and href of every stylesheet the page loads. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g)].map((m) => m[1]!);
}

describe('the console page', () => {
  test("a browser's GET /graphql without a token gets the page: HTML, no-store, a CSP with no remote origin or inline code", async () => {
    const res = await anonymous.get('/graphql').set('accept', BROWSER_ACCEPT);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.headers['vary'] ?? '', /accept/i);
    assert.match(res.text, /<input id="sg-token"[^>]*type="password"/);
    const csp = res.headers['content-security-policy'] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-|https?:|\*/);
    // No inline script or style for the CSP to refuse: every script is a file of the gateway's.
    assert.doesNotMatch(res.text, /<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    const urls = assetUrls(res.text);
    assert.equal(urls.length, 6, res.text);
    for (const url of urls) assert.match(url, /^\/console\/assets\/[0-9a-f]{16}\/[\w.-]+\.(js|css)$/);
  });

  test('a browser with a token gets the same page; nothing is asked of the engine', async () => {
    const before = fg.engine.requests.length;
    const res = await fg.gateway.http.get('/graphql').set('accept', 'text/html');
    assert.equal(res.status, 200);
    assert.match(res.text, /id="sg-token"/);
    assert.equal(fg.engine.requests.length, before);
  });

  test('GET /graphql asking for JSON (or anything, or with no Accept) without a token stays the 401 GraphQL answer', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*', 'text/html;q=0.5, application/json', undefined]) {
      let req = anonymous.get('/graphql?query=%7Bwhoami%7Bid%7D%7D');
      if (accept) req = req.set('accept', accept);
      const res = await req;
      assert.equal(res.status, 401, `accept ${accept}: ${res.text}`);
      assert.match(res.headers['content-type'] ?? '', /^application\/(graphql-response\+)?json/);
      assert.equal(res.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    }
  });

  test('GET /graphql asking for JSON with a token is GraphQL', async () => {
    const res = await fg.gateway.http.get('/graphql?query=%7Bwhoami%7Bid%7D%7D').set('accept', 'application/json');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.data.whoami.id, 'oidc:test-admin');
  });
});

describe('the console files', () => {
  test('each file the page names is served without a token, with its content type, cached for good', async () => {
    const page = await anonymous.get('/graphql').set('accept', 'text/html');
    const served = new Map<string, string>();
    for (const url of assetUrls(page.text)) {
      const res = await anonymous.get(url).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
      assert.equal(res.status, 200, url);
      const type = url.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
      assert.equal(res.headers['content-type'], type, url);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', url);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.ok((res.body as Buffer).length > 100, url);
      served.set(url.slice(url.lastIndexOf('/') + 1), (res.body as Buffer).toString('utf8'));
    }
    assert.deepEqual([...served.keys()], ['graphiql.min.css', 'console.css', 'react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'console.js']);
    // The wiring sends the token as a bearer credential and keeps it in the tab only.
    const wiring = served.get('console.js')!;
    assert.match(wiring, /'Bearer ' \+ token/);
    assert.match(wiring, /sessionStorage/);
    assert.doesNotMatch(wiring, /localStorage\.|document\.cookie/);
  });

  test('a file under a wrong hash or a wrong name is the 404 envelope', async () => {
    const page = await anonymous.get('/graphql').set('accept', 'text/html');
    const url = assetUrls(page.text).find((u) => u.endsWith('/console.js'))!;
    for (const wrong of [url.replace(/\/[0-9a-f]{16}\//, '/0000000000000000/'), url.replace('console.js', 'nope.js'), '/console/assets/', '/console/assets/x']) {
      const res = await anonymous.get(wrong);
      assert.equal(res.status, 404, wrong);
      assert.equal(res.body.errors[0].extensions.code, 'NOT_FOUND', wrong);
    }
  });
});
