// A fresh process asking the Engine the dashboard's question with the raw calls
// (/services, /tasks, /nodes, /networks in parallel, JSON parsed), then exiting: the
// whole-process floor. Plain JavaScript so that no TypeScript loader adds start-up time.
// It prints the milliseconds from its first line to the answer (node's own start-up, the
// same for every probe, is left out; the caller also times the whole process).
// usage: node probe-engine.mjs <socket path> <api version>
import http from 'node:http';

const started = performance.now();

const [socketPath, version] = process.argv.slice(2);
const get = (path) =>
  new Promise((resolve, reject) => {
    http
      .get({ socketPath, path: `/v${version}${path}` }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
const [services] = await Promise.all(['/services', '/tasks', '/nodes', '/networks'].map(get));
if (!Array.isArray(services)) throw new Error('no service list');
process.stdout.write(String(performance.now() - started));
