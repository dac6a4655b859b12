// The Prisma client from createDatabase (src/db/client.ts) on both backends: PostgreSQL 15
// through @prisma/adapter-pg and embedded PGlite through pglite-prisma-adapter. A full audit
// record goes in and comes back with every type intact; the unique id is enforced; PGlite
// keeps its data in its directory across a close and reopen.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, type Database } from '../../../src/db/client.ts';
import { migrateDatabase } from '../../../src/db/migrate.ts';
import { Prisma } from '../../../src/generated/prisma/client.ts';
import { postgresUp, type PostgresCluster } from '../../support/postgres.ts';

async function migrated(db: Database): Promise<Database> {
  await migrateDatabase(db);
  return db;
}

function sampleRecord(seq: bigint) {
  return {
    seq,
    id: randomUUID(),
    kind: 'intent',
    recordedAt: new Date('2026-11-22T07:15:30.123Z'),
    requestId: 'req-1',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    principal: 'token:ci',
    clientAddress: '127.0.0.1',
    userAgent: 'node-test',
    cluster: 'prod',
    operation: 'networkCreate',
    target: 'backend',
    input: { name: 'backend', options: { encrypted: true }, labels: ['a', 'b'], secret: '[redacted]' },
    intentId: null,
    outcome: null,
    errorCode: null,
    objectIds: ['abc123', 'def456'],
    durationMs: 42,
    decision: { allowed: true, grant: 'ops' },
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
  };
}

function clientContract(kind: 'postgres' | 'pglite', open: () => Database) {
  test(`the client is ${kind}`, () => {
    assert.equal(open().kind, kind);
  });

  test('a full audit record round-trips with its types intact', async () => {
    const { prisma } = open();
    const record = sampleRecord(9_007_199_254_740_993n); // beyond Number.MAX_SAFE_INTEGER
    await prisma.auditRecord.create({ data: record });
    const back = await prisma.auditRecord.findUnique({ where: { id: record.id } });
    assert.deepEqual(back, record);
    assert.equal(typeof back!.seq, 'bigint');
  });

  test('an outcome record references its intent; ordered reads by seq work', async () => {
    const { prisma } = open();
    const intent = await prisma.auditRecord.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    const outcome = {
      ...sampleRecord(intent.seq + 1n),
      kind: 'outcome',
      input: Prisma.DbNull,
      intentId: intent.id,
      outcome: 'succeeded',
      objectIds: [],
      prevHash: intent.hash,
    };
    await prisma.auditRecord.create({ data: outcome });
    const chain = await prisma.auditRecord.findMany({ orderBy: { seq: 'asc' }, select: { seq: true, kind: true, intentId: true, input: true } });
    assert.deepEqual(chain.slice(-2), [
      { seq: intent.seq, kind: 'intent', intentId: null, input: intent.input },
      { seq: intent.seq + 1n, kind: 'outcome', intentId: intent.id, input: null },
    ]);
  });

  test('a second record with the same id is refused (P2002 on audit_records_id_key)', async () => {
    const { prisma } = open();
    const first = await prisma.auditRecord.findFirstOrThrow();
    await assert.rejects(
      prisma.auditRecord.create({ data: { ...sampleRecord(1_000n), id: first.id } }),
      (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002',
    );
  });
}

describe('Prisma client on PostgreSQL 15 (adapter-pg)', () => {
  let cluster: PostgresCluster | undefined;
  let db: Database | undefined;
  before(async () => {
    cluster = await postgresUp('db-client');
    db = await migrated(await createDatabase({ url: cluster.url, dataDir: '/nonexistent-unused' }));
  });
  after(async () => {
    await db?.close();
    await cluster?.stop();
  });
  clientContract('postgres', () => db!);
  test('no PGlite directory is created when a URL is given', () => {
    assert.equal(existsSync('/nonexistent-unused'), false);
  });
});

describe('Prisma client on PGlite (a temp data dir)', () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'sg-pglite-client-'));
  const dataDir = path.join(parent, 'nested', 'pglite');
  let db: Database | undefined;
  before(async () => {
    db = await migrated(await createDatabase({ dataDir }));
  });
  after(async () => {
    await db?.close();
    rmSync(parent, { recursive: true, force: true });
  });
  clientContract('pglite', () => db!);

  test('the data survives closing and reopening the directory', async () => {
    const count = await db!.prisma.auditRecord.count();
    assert.ok(count >= 2);
    await db!.close();
    db = await createDatabase({ dataDir });
    assert.equal(await db.prisma.auditRecord.count(), count);
  });
});
