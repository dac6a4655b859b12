// The one lock that serializes the audit chain across every process writing to a database:
// a transaction-level advisory lock, taken first in each transaction that reads the chain's
// head and appends (the writer) or replaces its oldest end (retention pruning). It is held
// until that transaction commits or rolls back. Works the same on PostgreSQL and PGlite.
import type { Prisma } from '../generated/prisma/client.ts';

/** A fixed key ("SGAU" as a 32-bit integer), apart from Prisma's migration lock (72707369). */
export const AUDIT_CHAIN_LOCK_KEY = 0x53474155;

/** Takes the chain lock inside `tx`; waits while another transaction holds it. */
export async function lockAuditChain(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
}
