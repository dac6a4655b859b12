-- The trace ID of the traced request that wrote an audit record (tracing, issue 16). Existing
-- records keep NULL, and so does every record written while tracing is off: their hashes stay
-- valid, as a record without a trace ID is hashed in the `sg-audit/1` encoding (record.ts).

-- AlterTable
ALTER TABLE "audit_records" ADD COLUMN "trace_id" TEXT;

-- CreateIndex
CREATE INDEX "audit_records_trace_id_idx" ON "audit_records"("trace_id");
