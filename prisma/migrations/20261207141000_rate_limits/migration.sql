-- Request budgets shared by every gateway process on one PostgreSQL (rate-limiter-flexible's
-- RateLimiterPostgres layout: key, points, expire in epoch milliseconds). Created here
-- rather than by the library, so the schema test knows it. Not part of the hash chain.

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);
