// A promise rejection nobody awaited is logged and the process keeps running, instead of
// Node's default (exit code 1). Checked in a child process, as the gateway's main sets it up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const MODULE = new URL('../../../src/http/unhandled-rejections.ts', import.meta.url).pathname;

function run(install: boolean) {
  const script = `
    const { keepServingOnUnhandledRejection } = await import(${JSON.stringify(MODULE)});
    if (${install}) keepServingOnUnhandledRejection({ error: (obj, msg) => console.log(JSON.stringify({ msg, err: String(obj.err) })) });
    Promise.reject(new Error('stray'));
    setTimeout(() => console.log('still serving'), 50);
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
}

test('without the handler Node ends the process on a stray rejection', () => {
  const r = run(false);
  assert.equal(r.status, 1);
  assert.doesNotMatch(r.stdout, /still serving/);
});

test('with it, the rejection is logged and the process keeps running', () => {
  const r = run(true);
  assert.equal(r.status, 0, r.stderr);
  const [logged, after] = r.stdout.trim().split('\n');
  assert.deepEqual(JSON.parse(logged!), { msg: 'unhandled promise rejection (a bug: the gateway keeps serving)', err: 'Error: stray' });
  assert.equal(after, 'still serving');
});
