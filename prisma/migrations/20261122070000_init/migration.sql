-- CreateTable
CREATE TABLE "audit_records" (
    "seq" BIGINT NOT NULL,
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "request_id" TEXT,
    "principal" TEXT NOT NULL,
    "client_address" TEXT,
    "user_agent" TEXT,
    "cluster" TEXT,
    "operation" TEXT NOT NULL,
    "target" TEXT,
    "input" JSONB,
    "intent_id" UUID,
    "outcome" TEXT,
    "error_code" TEXT,
    "object_ids" TEXT[],
    "duration_ms" INTEGER,
    "decision" JSONB,
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_records_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_records_id_key" ON "audit_records"("id");

-- CreateIndex
CREATE INDEX "audit_records_recorded_at_idx" ON "audit_records"("recorded_at");

-- CreateIndex
CREATE INDEX "audit_records_principal_recorded_at_idx" ON "audit_records"("principal", "recorded_at");

-- CreateIndex
CREATE INDEX "audit_records_operation_recorded_at_idx" ON "audit_records"("operation", "recorded_at");

-- CreateIndex
CREATE INDEX "audit_records_cluster_recorded_at_idx" ON "audit_records"("cluster", "recorded_at");

-- CreateIndex
CREATE INDEX "audit_records_intent_id_idx" ON "audit_records"("intent_id");
