// The GraphQL console in a real browser (Debian's chromium, driven by playwright-core) in
// front of a real gateway over a real swarm (1 manager, 1 worker): the page loads without a
// token and without one request leaving the gateway's origin; a token typed into its field
// is sent as a bearer credential, kept in the tab's sessionStorage only; whoami and nodes
// show the caller and the swarm's hostnames (read back with `docker node ls`); an `events`
// subscription over graphql-ws shows a node change made with the docker CLI. A screenshot
// of the run is saved to test-output/console.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { configFor, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sgw-console';
const CHROMIUM = '/usr/bin/chromium';
const OUTPUT_DIR = new URL('../../../test-output/', import.meta.url).pathname;
const SCREENSHOT = `${OUTPUT_DIR}console.png`;
const RESULT_WAIT_MS = 60_000;

/** What the page's callbacks use of the browser's globals (the project compiles without the DOM library). */
interface StorageLike {
  readonly length: number;
  key(i: number): string | null;
  getItem(key: string): string | null;
}
/** GraphiQL's query editor: CodeMirror, with the document GraphiQL parsed from it (a moment after an edit). */
interface QueryEditor {
  setValue(value: string): void;
  documentAST?: { loc?: { source?: { body?: string } } } | null;
}
interface PageGlobals {
  document: { cookie: string; querySelector(selector: string): { CodeMirror?: QueryEditor } | null };
  sessionStorage: StorageLike;
  localStorage: StorageLike;
}

describe('the console in a browser', () => {
  let swarm: SwarmState;
  let gw: TestGateway;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let token: string;
  /** Every URL the page asked for (HTTP and WebSocket), in order. */
  const requested: string[] = [];
  /** The Authorization header of every POST to /graphql, in order ('' for none). */
  const sentAuthorizations: string[] = [];
  /** The graphql-ws messages the page received, in order. */
  const wsReceived: string[] = [];
  /** Console messages that say the CSP refused something, and uncaught page errors. */
  const refusals: string[] = [];
  /** Requests that failed, or files answered with an error status (reported, not asserted). */
  const troubles: string[] = [];

  /** Puts `query` into GraphiQL's query editor (its CodeMirror) and presses its run button. */
  async function start(query: string): Promise<void> {
    await page.evaluate((q) => {
      const editor = (globalThis as unknown as PageGlobals).document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror;
      if (!editor) throw new Error('no query editor on the page');
      editor.setValue(q);
    }, query);
    // GraphiQL parses an edit after a short debounce and picks HTTP or graphql-ws from that
    // parse: run once it has the new text, as a user typing would.
    await page.waitForFunction(
      (q) => (globalThis as unknown as PageGlobals).document.querySelector('.graphiql-query-editor .CodeMirror')?.CodeMirror?.documentAST?.loc?.source?.body === q,
      query,
      { timeout: RESULT_WAIT_MS },
    );
    await page.click('.graphiql-execute-button');
  }

  /** The result pane's text once it holds `expected`. */
  async function resultWith(expected: string, timeout = RESULT_WAIT_MS): Promise<string> {
    const result = page.locator('.result-window');
    await result.getByText(expected, { exact: false }).first().waitFor({ timeout });
    return result.innerText();
  }

  /** Runs `query` and returns the result pane's text once it holds `expected`. */
  async function run(query: string, expected: string): Promise<string> {
    await start(query);
    return resultWith(expected);
  }

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    gw = await startGateway(configFor([swarm]));
    const server = gw.gateway.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    token = gw.adminAuthorization.replace(/^Bearer /, '');
    // Headless; --no-sandbox because the tests run as root, where chromium's sandbox will not start.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    // The context's requests: those of every tab the tests open.
    context.on('request', (req) => {
      requested.push(req.url());
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/graphql') sentAuthorizations.push(req.headers()['authorization'] ?? '');
    });
    page.on('websocket', (ws) => {
      requested.push(ws.url());
      ws.on('framereceived', (frame) => wsReceived.push(String(frame.payload)));
    });
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) refusals.push(msg.text());
    });
    page.on('pageerror', (err) => refusals.push(`page error: ${err.message}`));
    // For the report when the page does not render: requests that failed or were answered >= 400.
    context.on('requestfailed', (req) => troubles.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
    context.on('response', (res) => {
      if (res.status() >= 400 && new URL(res.url()).pathname !== '/graphql') troubles.push(`${res.url()}: HTTP ${res.status()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('GET /graphql without a token shows GraphiQL, every file from the gateway, and says no token is set', async () => {
    let answer = await page.goto(`${origin}/graphql`);
    assert.equal(answer?.status(), 200);
    assert.match(answer?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
    try {
      await page.locator('.graphiql-container').waitFor({ timeout: RESULT_WAIT_MS / 2 });
    } catch (err) {
      // Seen once in a CI run with two test files at a time: the page's scripts had not run
      // after 60 s (no page error, no CSP refusal). Say what the page had asked for and
      // received, then load it once more, as a user would, before judging.
      console.log(`# the console did not render within ${RESULT_WAIT_MS / 2} ms (${String(err)}); requests so far:\n# ${requested.join('\n# ')}\n# failed: ${JSON.stringify(troubles)}\n# refusals: ${JSON.stringify(refusals)}`);
      answer = await page.reload();
      assert.equal(answer?.status(), 200);
    }
    await page.locator('.graphiql-container').waitFor({ timeout: RESULT_WAIT_MS });
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor({ timeout: RESULT_WAIT_MS });
    assert.match(await page.locator('#sg-token-status').innerText(), /no token/);
    // GraphiQL asked for the schema without a token: the gateway refused it.
    await waitFor('the schema request', async () => sentAuthorizations.length > 0, RESULT_WAIT_MS, 100);
    assert.ok(sentAuthorizations.length >= 1 && sentAuthorizations.every((a) => a === ''), JSON.stringify(sentAuthorizations));
    assert.ok(requested.some((u) => u.endsWith('/graphiql.min.js')), requested.join('\n'));
  });

  test('with the token typed into the field, whoami shows the caller, sent as Authorization: Bearer', async () => {
    const before = sentAuthorizations.length;
    await page.fill('#sg-token', token);
    await page.press('#sg-token', 'Enter');
    await page.locator('#sg-token-status').getByText('token set for this tab').waitFor({ timeout: RESULT_WAIT_MS });
    const text = await run('{ whoami { id kind name } }', 'oidc:test-admin');
    assert.match(text, /"id": "oidc:test-admin"/);
    assert.match(text, /"kind": "OIDC"/);
    const sinceToken = sentAuthorizations.slice(before);
    assert.ok(sinceToken.length >= 1, 'no POST /graphql after the token was set');
    assert.ok(sinceToken.every((a) => a === `Bearer ${token}`), JSON.stringify(sinceToken.map((a) => a.slice(0, 20))));
  });

  test('a nodes query shows every hostname `docker node ls` lists; the screenshot is saved', async () => {
    const manager = swarm.nodes[0]!;
    const hostnames = (await dockerOk(manager, ['node', 'ls', '--format', '{{.Hostname}}'])).trim().split('\n').sort();
    assert.equal(hostnames.length, 2, hostnames.join(','));
    const text = await run('{ nodes { totalCount nodes { hostname role state } } }', hostnames[hostnames.length - 1]!);
    for (const hostname of hostnames) assert.ok(text.includes(`"hostname": "${hostname}"`), `${hostname} not in:\n${text}`);
    assert.match(text, /"totalCount": 2/);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`console screenshot: ${SCREENSHOT}`);
  });

  test('a subscription runs over graphql-ws with the token: a node label set with the docker CLI shows as an event', async () => {
    const manager = swarm.nodes[0]!;
    const worker = swarm.nodes[1]!;
    await start('subscription { events(filter: { types: [NODE] }) { type action actorId } }');
    await waitFor('the graphql-ws connection_ack', async () => wsReceived.some((m) => m.includes('"connection_ack"')), RESULT_WAIT_MS, 100);
    const workerId = (await dockerOk(manager, ['node', 'inspect', '--format', '{{.ID}}', worker.hostname])).trim();
    // The gateway opens the engine's event stream once subscribed: label again until one lands.
    let round = 0;
    const text = await waitFor('a node event in the result pane', async () => {
      await dockerOk(manager, ['node', 'update', '--label-add', `console-e2e=${++round}`, worker.hostname]);
      return resultWith(workerId, 3_000).catch(() => null);
    }, RESULT_WAIT_MS, 0);
    assert.match(text, /"type": "NODE"/);
    assert.match(text, /"action": "update"/);
    assert.ok(wsReceived.some((m) => m.includes('"type":"next"')), 'no next message over graphql-ws');
    await page.click('.graphiql-execute-button');
  });

  test('the token is in this tab only: sessionStorage, not localStorage, no cookie; no result is kept in localStorage', async () => {
    const storage = await page.evaluate(() => {
      // No named function in here: tsx would wrap it in a helper the page does not have.
      const { sessionStorage, localStorage, document } = globalThis as unknown as PageGlobals;
      return {
        session: Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.getItem(sessionStorage.key(i) ?? '') ?? ''),
        local: Array.from({ length: localStorage.length }, (_, i) => localStorage.getItem(localStorage.key(i) ?? '') ?? ''),
        cookie: document.cookie,
      };
    });
    assert.ok(storage.session.includes(token));
    assert.ok(!storage.local.some((entry) => entry.includes(token)), 'the token is in localStorage');
    // GraphiQL keeps its tabs' query texts there, never the results: no cluster data at rest.
    for (const seen of ['oidc:test-admin', ...swarm.nodes.map((n) => n.hostname)]) {
      assert.ok(!storage.local.some((entry) => entry.includes(seen)), `${seen} is in localStorage`);
    }
    assert.equal(storage.cookie, '');
    assert.deepEqual(await context.cookies(), []);
    // Another tab of the same browser has no token.
    const other = await context.newPage();
    await other.goto(`${origin}/graphql`);
    await other.locator('#sg-token-status').getByText('no token').waitFor({ timeout: RESULT_WAIT_MS });
    assert.equal(await other.inputValue('#sg-token'), '');
    await other.close();
  });

  test('no request left the gateway, and the CSP refused nothing', () => {
    assert.ok(requested.length > 0);
    const wsOrigin = origin.replace(/^http/, 'ws');
    const elsewhere = requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`${wsOrigin}/`));
    assert.deepEqual(elsewhere, []);
    assert.deepEqual(refusals, []);
  });
});
