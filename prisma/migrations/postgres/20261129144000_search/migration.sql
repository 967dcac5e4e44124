-- CreateTable
CREATE TABLE "SearchEntry" (
    "seq" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "folded" TEXT NOT NULL,
    "status" TEXT,
    "verdict" TEXT,
    "assigneeId" TEXT,
    "date" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ExternalClaimReview" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "feed" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "verdictLabel" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "language" TEXT,
    "datePublished" TEXT,
    "folded" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalClaimReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "verdictLabel" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "linkedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_key_key" ON "SearchEntry"("key");

-- CreateIndex
CREATE INDEX "SearchEntry_articleId_idx" ON "SearchEntry"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalClaimReview_feed_url_key" ON "ExternalClaimReview"("feed", "url");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_articleId_claimId_targetKind_targetId_key" ON "ClaimLink"("articleId", "claimId", "targetKind", "targetId");


-- Full-text index over SearchEntry.folded (Prisma's schema cannot describe it, hence raw SQL).
-- 'simple' configuration: no stemming or stop words of its own; lib/search/fold.ts already folded
-- and stemmed the text, identically for the query. A stored generated tsvector, so ranking reads
-- it instead of re-parsing every matching row (that made p95 1.5 s at 50,000 claims); Prisma
-- never writes it. Chosen over pg_trgm: see README "Measured" and bench/results/search-bench.json.
ALTER TABLE "SearchEntry" ADD COLUMN "fts" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "folded")) STORED;

CREATE INDEX "SearchEntry_fts_idx" ON "SearchEntry" USING GIN ("fts");
