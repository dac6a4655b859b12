-- Which gateway process (writer session) wrote each intent, recorded just before the
-- intent. A process holds a session-level advisory lock keyed by its session while it
-- runs (PostgreSQL), so the intents of a process that died can be told from those still
-- in flight and reconciled at once. Not part of the hash chain: liveness bookkeeping,
-- not evidence.

-- CreateTable
CREATE TABLE "audit_intent_writers" (
    "intent_id" UUID NOT NULL,
    "writer_session" UUID NOT NULL,

    CONSTRAINT "audit_intent_writers_pkey" PRIMARY KEY ("intent_id")
);

-- CreateIndex
CREATE INDEX "audit_intent_writers_writer_session_idx" ON "audit_intent_writers"("writer_session");
