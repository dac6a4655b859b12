-- Which API token created a token, so that revoking a token revokes every token it made,
-- directly or through others, and a new token never outlives the one that made it. Null
-- for tokens made by `npm run token:create` or by an OIDC principal. No foreign key: rows
-- are never deleted, and the revocation walks the column with a recursive query.

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN "created_by" UUID;

-- CreateIndex
CREATE INDEX "api_tokens_created_by_idx" ON "api_tokens"("created_by");
