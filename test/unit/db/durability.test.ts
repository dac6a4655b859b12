// The start-up durability check over a scripted SQL session: which settings break the
// audit promise, and that a non-durable PostgreSQL is only warned about outside
// production but refused in it (PGlite, always fsync off, is warned about in both).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pino from 'pino';
import { assertDurable, DatabaseNotDurableError } from '../../../src/audit/open-database.ts';
import type { Database } from '../../../src/db/client.ts';
import { checkDurability, type DurabilitySettings } from '../../../src/db/durability.ts';
import type { SqlExecutor } from '../../../src/db/sql-executor.ts';

const DURABLE: DurabilitySettings = { fsync: 'on', synchronousCommit: 'on', fullPageWrites: 'on' };
const COLUMN: Record<string, keyof DurabilitySettings> = { fsync: 'fsync', synchronous_commit: 'synchronousCommit', full_page_writes: 'fullPageWrites' };

/** A session answering SHOW from `settings`, as PostgreSQL does (one row, the setting's name as column). */
function sessionWith(kind: SqlExecutor['kind'], settings: DurabilitySettings): SqlExecutor & { closed: number } {
  const session = {
    kind,
    closed: 0,
    async exec() {},
    async query<Row extends object>(sql: string): Promise<Row[]> {
      const name = /^SHOW (\w+)$/.exec(sql)?.[1];
      if (!name || !COLUMN[name]) throw new Error(`unexpected query ${sql}`);
      return [{ [name]: settings[COLUMN[name]!] } as Row];
    },
    async close() {
      session.closed++;
    },
  };
  return session;
}

function databaseWith(kind: SqlExecutor['kind'], settings: DurabilitySettings) {
  const session = sessionWith(kind, settings);
  const database = { kind, openSql: async () => session } as unknown as Database;
  return { database, session };
}

/** A pino logger whose lines land in `lines`. */
function capture() {
  const lines: { level: number; msg: string; problems?: string[] }[] = [];
  const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
  return { logger, lines };
}

describe('audit database durability check', () => {
  test('fsync, synchronous_commit and full_page_writes on: no problem', async () => {
    assert.deepEqual(await checkDurability(sessionWith('postgres', DURABLE)), { settings: DURABLE, problems: [] });
  });

  test('each setting that breaks the promise is named', async () => {
    const report = await checkDurability(sessionWith('postgres', { fsync: 'off', synchronousCommit: 'off', fullPageWrites: 'off' }));
    assert.equal(report.problems.length, 3);
    assert.match(report.problems[0]!, /synchronous_commit is off/);
    assert.match(report.problems[1]!, /fsync is off/);
    assert.match(report.problems[2]!, /full_page_writes is off/);
    // synchronous_commit = local still flushes the local WAL before acknowledging.
    assert.deepEqual((await checkDurability(sessionWith('postgres', { ...DURABLE, synchronousCommit: 'local' }))).problems, []);
  });

  test('outside production a PostgreSQL with fsync off is warned about and the gateway starts', async () => {
    const { logger, lines } = capture();
    const { database, session } = databaseWith('postgres', { ...DURABLE, fsync: 'off' });
    await assertDurable(database, logger, { production: false });
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.level, 40);
    assert.match(lines[0]!.problems!.join(), /fsync is off/);
    assert.equal(session.closed, 1, 'the session is closed');
  });

  test('in production a PostgreSQL with fsync or synchronous_commit off is refused', async () => {
    for (const bad of [{ fsync: 'off' }, { synchronousCommit: 'off' }]) {
      const { logger, lines } = capture();
      const { database } = databaseWith('postgres', { ...DURABLE, ...bad });
      await assert.rejects(assertDurable(database, logger, { production: true }), (err: Error) => {
        assert.ok(err instanceof DatabaseNotDurableError);
        assert.match(err.message, /not durable.*set fsync = on and synchronous_commit = on/);
        return true;
      });
      assert.equal(lines[0]!.level, 50);
    }
    const { logger } = capture();
    await assertDurable(databaseWith('postgres', DURABLE).database, logger, { production: true });
  });

  test('embedded PGlite (fsync off) is a warning, in production too', async () => {
    const { logger, lines } = capture();
    await assertDurable(databaseWith('pglite', { ...DURABLE, fsync: 'off' }).database, logger, { production: true });
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.level, 40);
    assert.match(lines[0]!.problems![0]!, /PGlite.*survive the gateway process crashing/);
  });
});
