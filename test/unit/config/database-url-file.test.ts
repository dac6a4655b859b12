// DATABASE_URL_FILE: the PostgreSQL URL read from a file, as a swarm secret mounts it
// (deploy/stack.yml), so the password is in no service spec or `docker inspect` output.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigError, loadConfig, loadDatabaseSettings } from '../../../src/config/config.ts';

describe('DATABASE_URL_FILE', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-dburl-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  test('the file\'s content, without its trailing newline, is the database URL for the gateway and its commands', () => {
    const p = file('url', 'postgresql://gw:s3cret@db:5432/gateway\n');
    assert.equal(loadConfig({ DATABASE_URL_FILE: p }).database.url, 'postgresql://gw:s3cret@db:5432/gateway');
    assert.equal(loadDatabaseSettings({ DATABASE_URL_FILE: p }).url, 'postgresql://gw:s3cret@db:5432/gateway');
  });

  test('a file that cannot be read is named, and its reason given', () => {
    assert.throws(() => loadConfig({ DATABASE_URL_FILE: path.join(dir, 'absent') }),
      (err: unknown) => err instanceof ConfigError && /DATABASE_URL_FILE: cannot read .*absent/.test(err.message));
  });

  test('an empty file, or one that holds no postgresql:// URL, is refused without echoing its content', () => {
    assert.throws(() => loadConfig({ DATABASE_URL_FILE: file('empty', '\n') }),
      (err: unknown) => err instanceof ConfigError && /DATABASE_URL_FILE: .*empty/.test(err.message));
    assert.throws(() => loadConfig({ DATABASE_URL_FILE: file('bad', 'mysql://u:pw-xyz@h/db') }),
      (err: unknown) => err instanceof ConfigError && /database\.url/.test(err.message) && !err.message.includes('pw-xyz'));
  });

  test('DATABASE_URL and DATABASE_URL_FILE together are refused: which one wins would be a guess', () => {
    const p = file('both', 'postgresql://a@db/x');
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgresql://b@db/y', DATABASE_URL_FILE: p }),
      (err: unknown) => err instanceof ConfigError && /DATABASE_URL and DATABASE_URL_FILE/.test(err.message));
  });
});
