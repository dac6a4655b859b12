// The two rollout stores the tests run over: memory, and the database (embedded PGlite,
// migrated as the gateway migrates it), emptied before each test.
import { memoryRolloutStore } from '../../../src/rollouts/memory-rollout-store.ts';
import { PrismaRolloutStore } from '../../../src/rollouts/prisma-rollout-store.ts';
import type { RolloutStore } from '../../../src/rollouts/rollout-store.ts';
import type { Database } from '../../../src/db/client.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

export interface StoreBackend {
  name: 'memory' | 'pglite';
  /** A fresh, empty store (for memory) or the database's emptied table: the same data for every call in one test. */
  open(): Promise<() => RolloutStore>;
  close(): Promise<void>;
}

export function memoryBackend(): StoreBackend {
  return {
    name: 'memory',
    async open() {
      const store = memoryRolloutStore();
      return () => store;
    },
    async close() {},
  };
}

// One database for every suite of this folder (migrating PGlite takes seconds): each suite
// that may use it counts itself in when it is declared and out when it is done.
let sharedDb: Promise<AuditDb> | null = null;
let sharedUsers = 0;

export function pgliteBackend(): StoreBackend & { database(): Database } {
  sharedUsers++;
  let closed = false;
  let current: Database | null = null;
  return {
    /** The database behind the stores (after `open`). */
    database() {
      if (!current) throw new Error('open() first');
      return current;
    },
    name: 'pglite',
    async open() {
      sharedDb ??= openAuditDb('pglite', 'unit-rollouts');
      const db = await sharedDb;
      await db.database.prisma.rollout.deleteMany();
      const database = db.database;
      current = database;
      // A new store object per call: two "processes" share only the database.
      return () => new PrismaRolloutStore(database);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (--sharedUsers > 0 || !sharedDb) return;
      const db = sharedDb;
      sharedDb = null;
      await (await db).close();
    },
  };
}
