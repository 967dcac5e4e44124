-- CreateTable
CREATE TABLE "SearchEntry" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "date" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ExternalClaimReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "url" TEXT NOT NULL,
    "feed" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "verdictLabel" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "language" TEXT,
    "datePublished" TEXT,
    "folded" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "claimReviewed" TEXT NOT NULL,
    "verdictLabel" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "linkedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_key_key" ON "SearchEntry"("key");

-- CreateIndex
CREATE INDEX "SearchEntry_articleId_idx" ON "SearchEntry"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalClaimReview_feed_url_key" ON "ExternalClaimReview"("feed", "url");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_articleId_claimId_targetKind_targetId_key" ON "ClaimLink"("articleId", "claimId", "targetKind", "targetId");


-- Full-text index over SearchEntry.folded (not expressible in Prisma's schema, hence raw SQL).
-- External-content FTS5: the text is stored once, in SearchEntry; triggers keep the index in step.
-- The folded text is already lower-cased and stripped of diacritics by lib/search/fold.ts,
-- so the tokenizer only splits on spaces and must not fold again.
CREATE VIRTUAL TABLE "SearchFts" USING fts5("folded", content='SearchEntry', content_rowid='seq', tokenize='unicode61 remove_diacritics 0');

CREATE TRIGGER "SearchEntry_fts_insert" AFTER INSERT ON "SearchEntry" BEGIN INSERT INTO "SearchFts"(rowid, "folded") VALUES (new."seq", new."folded"); END;

CREATE TRIGGER "SearchEntry_fts_delete" AFTER DELETE ON "SearchEntry" BEGIN INSERT INTO "SearchFts"("SearchFts", rowid, "folded") VALUES ('delete', old."seq", old."folded"); END;

CREATE TRIGGER "SearchEntry_fts_update" AFTER UPDATE OF "folded" ON "SearchEntry" BEGIN INSERT INTO "SearchFts"("SearchFts", rowid, "folded") VALUES ('delete', old."seq", old."folded"); INSERT INTO "SearchFts"(rowid, "folded") VALUES (new."seq", new."folded"); END;
