// A fresh process asking the gateway the dashboard's question (every service with its tasks
// and each task's node, plus networks; 100 services a page, the pages in turn over one
// kept-alive connection), then exiting: the gateway's whole-process figure. Plain
// JavaScript and node's own HTTP client, like probe-engine.mjs, so that neither a
// TypeScript loader nor a different client adds start-up time to one side. It prints the
// milliseconds from its first line to the last page, as probe-engine.mjs does.
// usage: node probe-gateway.mjs <graphql url>   (the bearer token in BENCH_AUTHORIZATION)
import http from 'node:http';
import { DASHBOARD_FIRST_PAGE, DASHBOARD_NEXT_PAGE } from './dashboard-query.mjs';

const started = performance.now();
const [url] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true });
const post = (query, variables) =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify({ query, variables });
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: process.env.BENCH_AUTHORIZATION };
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (body.errors) reject(new Error(JSON.stringify(body.errors)));
        else resolve(body.data);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
let page = await post(DASHBOARD_FIRST_PAGE, {});
while (page.services.pageInfo.hasNextPage) page = await post(DASHBOARD_NEXT_PAGE, { after: page.services.pageInfo.endCursor });
agent.destroy();
process.stdout.write(String(performance.now() - started));
