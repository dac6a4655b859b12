// The two rollout stores the tests run over: memory, and the database (embedded PGlite,
// migrated as the gateway migrates it), emptied before each test.
import { memoryRolloutStore } from '../../../src/rollouts/memory-rollout-store.ts';
import { PrismaRolloutStore } from '../../../src/rollouts/prisma-rollout-store.ts';
import type { RolloutStore } from '../../../src/rollouts/rollout-store.ts';
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

export function pgliteBackend(): StoreBackend {
  let db: AuditDb | undefined;
  return {
    name: 'pglite',
    async open() {
      db ??= await openAuditDb('pglite', 'unit-rollouts');
      await db.database.prisma.rollout.deleteMany();
      const database = db.database;
      // A new store object per call: two "processes" share only the database.
      return () => new PrismaRolloutStore(database);
    },
    async close() {
      await db?.close();
    },
  };
}
