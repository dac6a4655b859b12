-- API tokens for bots and scripts. Only a SHA-256 of the whole token is kept, with its
-- short visible prefix (unique: it finds the row); the secret itself is shown once, at
-- creation, and stored nowhere. Grants are kept in their text form
-- (`deployer@prod:team=payments`). Rows are never deleted: a revoked token stays, with who
-- revoked it and when.

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" CHAR(64) NOT NULL,
    "grants" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_prefix_key" ON "api_tokens"("prefix");
