-- Rollouts followed to a verdict, webhooks and their stored deliveries, and redeploy
-- triggers (issue 13). None of them is part of the audit hash chain.

-- CreateTable
CREATE TABLE "rollouts" (
    "id" UUID NOT NULL,
    "cluster" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "service_labels" JSONB NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "conclusion" TEXT,
    "reason" TEXT,
    "service_version" INTEGER NOT NULL,
    "tracking" JSONB NOT NULL,
    "progress" JSONB NOT NULL,
    "started_by" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "concluded_at" TIMESTAMPTZ(3),
    "superseded_by" UUID,

    CONSTRAINT "rollouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "cluster" TEXT,
    "scope" TEXT,
    "secret" TEXT NOT NULL,
    "description" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "webhook_id" UUID NOT NULL,
    "event_key" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_status" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "redeploy_triggers" (
    "id" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "created_by" TEXT NOT NULL,
    "creator_kind" TEXT NOT NULL,
    "grants" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "last_fired_at" TIMESTAMPTZ(3),

    CONSTRAINT "redeploy_triggers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rollouts_cluster_service_id_started_at_idx" ON "rollouts"("cluster", "service_id", "started_at");

-- CreateIndex
CREATE INDEX "rollouts_concluded_at_idx" ON "rollouts"("concluded_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_webhook_id_event_key_key" ON "webhook_deliveries"("webhook_id", "event_key");

-- CreateIndex
CREATE INDEX "redeploy_triggers_cluster_service_id_idx" ON "redeploy_triggers"("cluster", "service_id");
