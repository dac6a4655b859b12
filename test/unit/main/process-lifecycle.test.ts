// The gateway as a process: refuses a bad configuration with a message naming the
// setting, serves once listening, and exits cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

const MAIN = new URL('../../../src/main.ts', import.meta.url).pathname;

// The gateway's embedded audit database goes to a directory of this test's own.
const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-lifecycle-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function startProcess(env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, GATEWAY_DATA_DIR: dataDir, ...env };
  delete childEnv.DATABASE_URL;
  return spawn(process.execPath, ['--import', 'tsx', MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
}

test('a bad configuration stops the process with exit code 2 and names the setting', async () => {
  const child = startProcess({ DOCKER_HOST: 'ftp://nowhere', PORT: '0' });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = await once(child, 'exit');
  assert.equal(code, 2);
  assert.match(stderr, /clusters\.0\.managers\.0\.url: must be unix:\/\/\/path\/to\/docker\.sock or tcp:\/\/host:port/);
});

test('SIGTERM stops a serving gateway with exit code 0', async () => {
  const child = startProcess({ DOCKER_HOST: 'unix:///nonexistent/docker.sock', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  let stdout = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\/graphql/.exec(stdout);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stdout}`)));
  });
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(res.status, 200);
  child.kill('SIGTERM');
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
  assert.match(stdout, /stopping: finishing requests in flight/);
});
