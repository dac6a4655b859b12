// Test support for the audit log's read side: the same test body against a throwaway
// PostgreSQL (scripts/postgres.sh) and an embedded PGlite, each migrated, with the gateway
// started on it (no engine: the cluster points at nothing), raw SQL for checking and
// tampering, records appended through the chain writer, and the CLI run as a user would.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe } from 'node:test';
import { appendRecord } from '../../src/audit/chain-append.ts';
import { blankRecordFields, type AuditRecordData, type JsonValue, type RecordFields } from '../../src/audit/record.ts';
import { parseConfig } from '../../src/config/config.ts';
import { createDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startGateway, type TestGateway } from './gateway.ts';
import { postgresUp, type PostgresCluster } from './postgres.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A gateway config whose only cluster cannot be reached: the audit log needs no engine. */
export const noEngineConfig = () =>
  parseConfig({ clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }], logLevel: 'silent', engine: { timeoutMs: 500 } });

export interface AuditBackend {
  readonly kind: 'postgres' | 'pglite';
  db(): Database;
  gw(): TestGateway;
  /** Plain SQL on its own session (bigint columns come back as strings). */
  sql<Row extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `npm run <script> -- args` with this database in its environment. */
  npm(script: string, args?: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

export function forEachBackend(name: string, body: (b: AuditBackend) => void): void {
  for (const kind of ['postgres', 'pglite'] as const) {
    describe(`${name} (${kind})`, () => {
      let cluster: PostgresCluster | undefined;
      let parent: string | undefined;
      let database: Database | undefined;
      let gateway: TestGateway | undefined;
      const env = (): NodeJS.ProcessEnv =>
        kind === 'postgres' ? { ...process.env, DATABASE_URL: cluster!.url } : { ...process.env, DATABASE_URL: '', GATEWAY_DATA_DIR: parent! };
      const open = async () => {
        database = await createDatabase(kind === 'postgres' ? { url: cluster!.url, dataDir: '/nonexistent-unused' } : { dataDir: path.join(parent!, 'pglite') });
        gateway = await startGateway(noEngineConfig(), { database });
      };
      const close = async () => {
        await gateway?.stop();
        await database?.close();
        gateway = database = undefined;
      };
      before(async () => {
        if (kind === 'postgres') cluster = await postgresUp(`audit-${name.replace(/[^a-z0-9]+/gi, '-')}`);
        else parent = mkdtempSync(path.join(tmpdir(), 'sg-audit-read-'));
        await open();
        const s = await database!.openSql();
        try {
          await migrate(s);
        } finally {
          await s.close();
        }
      });
      after(async () => {
        await close();
        await cluster?.stop();
        if (parent) rmSync(parent, { recursive: true, force: true });
      });
      body({
        kind,
        db: () => database!,
        gw: () => gateway!,
        async sql(text, params) {
          const s = await database!.openSql();
          try {
            const rows = await s.query(text, params);
            return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]))) as never;
          } finally {
            await s.close();
          }
        },
        async npm(script, args = []) {
          // PGlite admits one process at a time: the test lets go of it while the CLI runs.
          if (kind === 'pglite') await close();
          try {
            return await new Promise((resolve) => {
              execFile('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env: env(), timeout: 120_000 }, (err, stdout, stderr) => {
                resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
              });
            });
          } finally {
            if (kind === 'pglite') await open();
          }
        },
      });
    });
  }
}

export const T0 = Date.UTC(2026, 2, 1, 0, 0, 0, 0);
/** The instant of the i-th seeded record (one minute apart, seq order). */
export const minute = (i: number) => new Date(T0 + i * 60_000);

let serial = 0;
/** A record's fields; `i` picks its time. */
export function fields(i: number, over: Partial<RecordFields> = {}): RecordFields {
  serial++;
  return blankRecordFields({
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    kind: 'intent',
    recordedAt: minute(i),
    requestId: `req-${serial}`,
    principal: 'anonymous',
    clientAddress: '127.0.0.1',
    userAgent: 'node-test',
    cluster: 'prod',
    operation: 'networkCreate',
    target: `net-${i}`,
    input: { name: `net-${i}` } as JsonValue,
    ...over,
  });
}

/** Appends through the chain writer (advisory lock, head read, next record), in order. */
export async function append(db: Database, list: RecordFields[]): Promise<AuditRecordData[]> {
  const out: AuditRecordData[] = [];
  for (const f of list) out.push((await appendRecord(db.prisma, f))!);
  return out;
}
