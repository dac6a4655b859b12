// One reconciliation round, run at start-up and then on the audit maintenance timer: find
// the intents whose outcome is to be decided and decide them (open-intents.ts):
// - open intents whose writer process is gone (writer-sessions.ts), at once, whoever wrote
//   them; those of a live process are in flight and left alone;
// - intents closed as `unknown` (the engine gave no answer), as soon as the engine answers.
// Intents written before writer sessions were recorded fall back to the old rule: on
// PostgreSQL, reconciled once older than `legacyGraceMs`; on PGlite (one process), at once.
// A round never throws for one intent; the next round looks again from the oldest intent
// still pending, so the queries stay small on a long log.
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { findOpenIntents, findUnknownOutcomes, reconcileOpen, type StoredOpenIntent } from './open-intents.ts';
import type { EngineStateReader } from './reconcile.ts';
import type { WriterSession } from './writer-sessions.ts';

export interface ReconcilerOptions {
  database: Database;
  engine: EngineStateReader;
  clusters: readonly string[];
  session: WriterSession;
  logger: Logger;
  /** Intents this process is still working on. */
  inFlight: () => ReadonlySet<string>;
  /** For intents without a recorded writer session, on PostgreSQL: how old before they count as abandoned. */
  legacyGraceMs: number;
  /**
   * How long after an `unknown` outcome the engine is first asked (a request that timed out
   * may still be applied a moment later). Default 1 s.
   */
  settleMs?: number;
}

export interface Reconciler {
  /** One round; resolves with the number of outcomes written. */
  round(): Promise<number>;
}

/** Records appended this long before a round may commit after it: the next round looks back that far. */
const LOOK_BACK_MS = 60_000;

export function createReconciler(opts: ReconcilerOptions): Reconciler {
  const { database, session, logger } = opts;
  const settleMs = opts.settleMs ?? 1000;
  /** Where the next round starts looking (undefined: the whole log, at start-up). */
  let since: Date | undefined;

  return {
    async round() {
      const started = new Date();
      const open = await findOpenIntents(database.prisma, { before: started, since });
      const unknown = await findUnknownOutcomes(database.prisma, { before: new Date(started.getTime() - settleMs), since });
      const inFlight = opts.inFlight();
      const sessions = [...new Set(open.map((i) => i.writerSession).filter((s): s is string => s !== null))];
      const gone = sessions.length > 0 ? await session.gone(sessions) : new Set<string>();
      const abandoned = (i: StoredOpenIntent) => {
        if (inFlight.has(i.id)) return false;
        if (i.writerSession !== null) return gone.has(i.writerSession);
        return database.kind === 'pglite' || started.getTime() - i.recordedAt.getTime() >= opts.legacyGraceMs;
      };
      const todo = [...open.filter(abandoned), ...unknown];
      const pending = open.filter((i) => !abandoned(i));
      let written = 0;
      if (todo.length > 0) {
        const result = await reconcileOpen(todo, { prisma: database.prisma, engine: opts.engine, clusters: opts.clusters, logger, skip: inFlight });
        written = result.written.length;
        pending.push(...result.deferred);
      }
      const oldest = Math.min(started.getTime() - LOOK_BACK_MS, ...pending.map((i) => i.recordedAt.getTime()));
      since = new Date(oldest);
      return written;
    },
  };
}
