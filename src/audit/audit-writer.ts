// The seam where the audit log plugs in. A mutation records its intent before the engine
// is called and its outcome after; a writer that cannot record the intent throws
// AUDIT_UNAVAILABLE and the mutation is refused. Until the audit issue lands, records go
// to the structured log only.
import type { Logger } from 'pino';

/** Who acted, as the audit log records it (auth's Principal is one; the log needs no more). */
export interface AuditActor {
  /** `anonymous`, `token:<id>`, `oidc:<sub>`, `cli`, ... */
  id: string;
  /** Where the request came from. */
  clientAddress: string | undefined;
}

export interface AuditIntent {
  requestId: string;
  /** The W3C trace ID of the request, when it is traced (filled in by the HTTP layer's traced writer). */
  traceId?: string | undefined;
  principal: AuditActor;
  cluster: string | undefined;
  operation: string;
  target: string | undefined;
  /** The mutation's input; the writer redacts secrets before storing it. */
  input: unknown;
  userAgent: string | undefined;
  /** The access decision that allowed it and the grant that decided (intents, sensitive reads). */
  decision?: unknown;
}

export interface AuditOutcome {
  /** `unknown`: the engine may or may not have acted (no answer came); reconciled later. */
  status: 'succeeded' | 'failed' | 'unknown';
  errorCode?: string | undefined;
  /** Why the outcome is unknown (stored as the outcome record's `input.reason`). */
  reason?: string | undefined;
  /** IDs of objects created or changed. */
  objectIds?: string[];
  durationMs: number;
}

/** A request refused before anything was done: by access control, or for its credentials. */
export interface AuditRefusal {
  kind: 'denied' | 'auth_failed';
  /** FORBIDDEN, UNAUTHENTICATED, ... */
  errorCode: string;
  /** The decision and the grant (or rule) that made it, when access control gives one. */
  decision?: unknown;
}

export interface AuditWriter {
  /** Records an intent; resolves with its record ID. Throws when it cannot be recorded. */
  intent(intent: AuditIntent): Promise<string>;
  outcome(intentId: string, outcome: AuditOutcome): Promise<void>;
  /** Records a sensitive read (join tokens, unlock key). */
  sensitiveRead(intent: AuditIntent): Promise<void>;
  /**
   * Records a refused request. The request is refused whether or not this succeeds, so it
   * never throws: a refusal that cannot be recorded is logged instead.
   */
  refusal(intent: AuditIntent, refusal: AuditRefusal): Promise<void>;
  /** Records waiting in a local spool for the database (writers that spool); shown by /readyz. */
  readonly spoolDepth?: number;
}

/** Writes audit events to the process log; no storage, no hash chain. */
export function logAuditWriter(logger: Logger): AuditWriter {
  let seq = 0;
  return {
    async intent(intent) {
      const id = `log-${++seq}`;
      logger.info({ audit: 'intent', id, requestId: intent.requestId, principal: intent.principal.id, cluster: intent.cluster, operation: intent.operation, target: intent.target }, 'audit intent');
      return id;
    },
    async outcome(id, outcome) {
      logger.info({ audit: 'outcome', id, ...outcome }, 'audit outcome');
    },
    async refusal(intent, refusal) {
      logger.info({ audit: refusal.kind, requestId: intent.requestId, principal: intent.principal.id, cluster: intent.cluster, operation: intent.operation, errorCode: refusal.errorCode }, 'audit refusal');
    },
    async sensitiveRead(intent) {
      logger.info({ audit: 'sensitive-read', requestId: intent.requestId, principal: intent.principal.id, cluster: intent.cluster, operation: intent.operation }, 'audit sensitive read');
    },
  };
}
