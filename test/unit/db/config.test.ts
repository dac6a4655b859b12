// Which database the gateway and its commands open from their configuration, and how
// migration files are read (order, checksum as Prisma computes it).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, loadDatabaseSettings } from '../../../src/config/config.ts';
import { databaseConfigOf } from '../../../src/db/client.ts';
import { MigrationError, readMigrations } from '../../../src/db/migrate.ts';

describe('the database of the configuration (databaseConfigOf)', () => {
  const of = (env: NodeJS.ProcessEnv) => databaseConfigOf(loadDatabaseSettings(env));
  test('DATABASE_URL selects PostgreSQL', () => {
    assert.deepEqual(of({ DATABASE_URL: 'postgresql://u@h/db' }), { url: 'postgresql://u@h/db', dataDir: path.join('.data', 'pglite') });
  });
  test('no (or a blank) DATABASE_URL selects PGlite in .data/pglite, or under GATEWAY_DATA_DIR', () => {
    assert.deepEqual(of({}), { url: undefined, dataDir: path.join('.data', 'pglite') });
    assert.deepEqual(of({ DATABASE_URL: ' ', GATEWAY_DATA_DIR: '/srv/gw' }), { url: undefined, dataDir: '/srv/gw/pglite' });
  });
  test('the commands open the database the gateway opens, whatever else the configuration holds', () => {
    const env = { DATABASE_URL: 'postgresql://u@h/db', GATEWAY_DATA_DIR: '/srv/gw' };
    assert.deepEqual(loadDatabaseSettings(env), loadConfig(env).database);
    // A cluster setting the gateway would refuse does not stop audit:verify or db:migrate.
    assert.deepEqual(of({ ...env, DOCKER_HOST: 'ftp://nowhere' }), { url: 'postgresql://u@h/db', dataDir: '/srv/gw/pglite' });
  });
  test('a bad database setting names itself', () => {
    assert.throws(() => loadDatabaseSettings({ DATABASE_URL: 'mysql://u@h/db' }), (e: Error) => e instanceof ConfigError && /database\.url: must be a postgresql:\/\/ URL/.test(e.message));
  });
});

describe('readMigrations', () => {
  test('the project has its migrations, init first, each checksummed as sha256 of its bytes', () => {
    const migrations = readMigrations();
    assert.match(migrations[0]!.name, /^\d{14}_init$/);
    assert.ok(migrations.some((m) => m.name === '20261122120000_api_tokens'));
    for (const m of migrations) {
      assert.match(m.name, /^\d{14}_[a-z0-9_]+$/);
      assert.equal(m.checksum, createHash('sha256').update(Buffer.from(m.sql, 'utf8')).digest('hex'));
    }
  });
  test('folders apply in name order; folders without migration.sql are ignored', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-mig-'));
    try {
      for (const name of ['20270101000000_b', '20260101000000_a', 'notes']) mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, '20270101000000_b', 'migration.sql'), 'SELECT 2;');
      writeFileSync(path.join(dir, '20260101000000_a', 'migration.sql'), 'SELECT 1;');
      writeFileSync(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
      assert.deepEqual(readMigrations(dir).map((m) => m.name), ['20260101000000_a', '20270101000000_b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('a missing folder is a clear error', () => {
    assert.throws(() => readMigrations('/nonexistent/migrations'), (e: Error) => e instanceof MigrationError && /does not exist/.test(e.message));
  });
});
