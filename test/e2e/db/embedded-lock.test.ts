// The embedded PGlite database admits one process at a time (src/db/pglite-lock.ts). Before
// the lock, `npm run token:create` beside a running gateway printed a token and exited 0, and
// the token was lost. Now every command refuses while another process holds the database,
// prints nothing that looks like success and changes nothing; once the holder closes it, the
// same command works. A holder that was killed leaves a lock that goes stale by itself.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createDatabase, pgliteDirOf, type Database } from '../../../src/db/client.ts';
import { migrateDatabase } from '../../../src/db/migrate.ts';
import { EmbeddedDatabaseHeldError, PGLITE_LOCK_STALE_MS } from '../../../src/db/pglite-lock.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const HELD = /in use by another process/;

describe('the embedded database admits one process at a time', () => {
  let tmp: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let db: Database | undefined;

  const npm = (script: string, args: string[] = []) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env, timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
    });
  const tokenCount = async (database: Database) => database.prisma.apiToken.count();

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-pglite-lock-'));
    dataDir = path.join(tmp, 'data');
    writeFileSync(path.join(tmp, 'config.json'), JSON.stringify({ clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }], logLevel: 'silent' }));
    env = { ...process.env, DATABASE_URL: '', GATEWAY_DATA_DIR: dataDir, GATEWAY_CONFIG: path.join(tmp, 'config.json') };
    db = await createDatabase({ dataDir: pgliteDirOf(dataDir) });
    await migrateDatabase(db);
  });

  after(async () => {
    await db?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('token:create while another process holds it: exit 1, the reason, no token printed, nothing created', async () => {
    const r = await npm('token:create', ['--name', 'ops-admin', '--grant', 'admin']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, HELD);
    assert.match(r.stderr, /DATABASE_URL/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a clear message, not a stack');
    assert.equal(await tokenCount(db!), 0);
  });

  test('token:list, audit:verify and db:migrate refuse the same way', async () => {
    for (const script of ['token:list', 'audit:verify', 'db:migrate']) {
      const r = await npm(script);
      assert.notEqual(r.code, 0, `${script}: ${r.stdout}`);
      assert.match(r.stderr, HELD, script);
    }
  });

  test('a second open in the same process is refused too', async () => {
    await assert.rejects(createDatabase({ dataDir: pgliteDirOf(dataDir) }), EmbeddedDatabaseHeldError);
  });

  test('once the holder closes it, token:create works and the token is kept', async () => {
    await db!.close();
    db = undefined;
    const r = await npm('token:create', ['--name', 'ops-admin', '--grant', 'admin']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^sgw_/);
    db = await createDatabase({ dataDir: pgliteDirOf(dataDir) });
    assert.equal(await tokenCount(db), 1);
  });

  test('a holder killed with SIGKILL leaves a lock that goes stale: a waiting open gets the database', async () => {
    await db!.close();
    db = undefined;
    // A child process opens the database, says so, and is killed before it can let go.
    const script = `import { createDatabase, pgliteDirOf } from ${JSON.stringify(path.join(ROOT, 'src/db/client.ts'))};
await createDatabase({ dataDir: pgliteDirOf(${JSON.stringify(dataDir)}) });
process.stdout.write('open\\n');
setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
      child.once('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    await assert.rejects(createDatabase({ dataDir: pgliteDirOf(dataDir) }), EmbeddedDatabaseHeldError, 'the dead holder\'s lock is still fresh');
    db = await createDatabase({ dataDir: pgliteDirOf(dataDir), lock: { waitMs: PGLITE_LOCK_STALE_MS + 5_000 } });
    assert.equal(await tokenCount(db), 1, 'the data written before is all there');
  });
});
