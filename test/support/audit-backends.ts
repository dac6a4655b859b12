// Test support for the audit log's read side: the same test body against a throwaway
// PostgreSQL (scripts/postgres.sh) and an embedded PGlite, each migrated (audit-db.ts), with the gateway
// started on it (no engine: the cluster points at nothing), raw SQL for checking and
// tampering, records appended through the chain writer, and the CLI run as a user would.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe } from 'node:test';
import { appendRecord } from '../../src/audit/chain-append.ts';
import { blankRecordFields, type AuditRecordData, type JsonValue, type RecordFields } from '../../src/audit/record.ts';
import { parseConfig } from '../../src/config/config.ts';
import type { Database } from '../../src/db/client.ts';
import { BACKENDS, openAuditDb, type AuditDb, type Backend } from './audit-db.ts';
import { startGateway, type TestGateway } from './gateway.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A gateway config whose only cluster cannot be reached: the audit log needs no engine. */
export const noEngineConfig = () =>
  parseConfig({ clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }], logLevel: 'silent', engine: { timeoutMs: 500 } });

export interface AuditBackend {
  readonly kind: Backend;
  /** The current database (it follows the PGlite release around a CLI run). */
  db(): Database;
  gw(): TestGateway;
  /** Plain SQL on its own session (bigint columns come back as strings). */
  sql<Row extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `npm run <script> -- args` with this database in its environment. */
  npm(script: string, args?: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

/**
 * The backend's current database as one Database that stays valid while the backend
 * reopens it (PGlite is closed and reopened around each CLI run), for a gateway started once.
 */
export function currentDatabaseOf(b: AuditBackend): Database {
  return {
    get prisma() {
      return b.db().prisma;
    },
    get kind() {
      return b.kind;
    },
    openSql: () => b.db().openSql(),
    close: async () => {},
  };
}

export function forEachBackend(name: string, body: (b: AuditBackend) => void): void {
  for (const kind of BACKENDS) {
    describe(`${name} (${kind})`, () => {
      let db: AuditDb | undefined;
      let gateway: TestGateway | undefined;
      const startGw = async () => {
        gateway = await startGateway(noEngineConfig(), { database: db!.database });
      };
      before(async () => {
        db = await openAuditDb(kind, `audit-${name.replace(/[^a-z0-9]+/gi, '-')}`);
        await startGw();
      });
      after(async () => {
        await gateway?.stop();
        await db?.close();
      });
      body({
        kind,
        db: () => db!.database,
        gw: () => gateway!,
        async sql(text, params) {
          const s = await db!.database.openSql();
          try {
            const rows = await s.query(text, params);
            return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]))) as never;
          } finally {
            await s.close();
          }
        },
        async npm(script, args = []) {
          // PGlite admits one process at a time: the test lets go of it while the CLI runs.
          if (kind === 'pglite') {
            await gateway?.stop();
            gateway = undefined;
            await db!.release();
          }
          try {
            return await new Promise((resolve) => {
              // DATABASE_URL is blanked for PGlite so an ambient one cannot point the CLI elsewhere.
              const env = { ...process.env, DATABASE_URL: '', ...db!.env() };
              execFile('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env, timeout: 120_000 }, (err, stdout, stderr) => {
                resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
              });
            });
          } finally {
            if (kind === 'pglite') {
              await db!.reacquire();
              await startGw();
            }
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
