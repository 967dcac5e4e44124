-- DropIndex
DROP INDEX "SignOff_claimId_createdAt_idx";

-- CreateTable
CREATE TABLE "DocClient" (
    "articleId" TEXT NOT NULL,
    "clientId" BIGINT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("articleId", "clientId")
);

-- CreateTable
CREATE TABLE "DocVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "data" BLOB NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "claimCount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables, hand-ordered (from `prisma migrate diff`): server/db/migrate.ts applies a
-- migration inside a transaction, where PRAGMA foreign_keys=OFF is a no-op, so Prisma's order
-- (DROP TABLE "Claim" while "Source" references it) would cascade-delete every Source row.
-- Source is set aside in a table without constraints first, and put back after Claim.
CREATE TABLE "tmp_Source" AS SELECT * FROM "Source";
DROP TABLE "Source";
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "verdict" TEXT,
    "verdictById" TEXT,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "rationale" TEXT NOT NULL,
    "assigneeId" TEXT,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT,
    "contentHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("articleId", "id")
);
INSERT INTO "new_Claim" ("articleId", "assigneeId", "contentHash", "createdAt", "createdById", "end", "exact", "fields", "id", "rationale", "start", "status", "type", "updatedAt", "verdict", "verdictById") SELECT "articleId", "assigneeId", "contentHash", "createdAt", "createdById", "end", "exact", "fields", "id", "rationale", "start", "status", "type", "updatedAt", "verdict", "verdictById" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_status_updatedAt_idx" ON "Claim"("status", "updatedAt");
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "archivedUrl" TEXT NOT NULL,
    "note" TEXT NOT NULL,

    PRIMARY KEY ("articleId", "id"),
    CONSTRAINT "Source_articleId_claimId_fkey" FOREIGN KEY ("articleId", "claimId") REFERENCES "Claim" ("articleId", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "Source" ("archivedUrl", "articleId", "claimId", "date", "id", "note", "position", "publisher", "title", "url") SELECT "archivedUrl", "articleId", "claimId", "date", "id", "note", "position", "publisher", "title", "url" FROM "tmp_Source";
DROP TABLE "tmp_Source";
CREATE INDEX "Source_articleId_claimId_idx" ON "Source"("articleId", "claimId");

-- CreateIndex
CREATE INDEX "DocVersion_articleId_createdAt_idx" ON "DocVersion"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "SignOff_articleId_claimId_createdAt_idx" ON "SignOff"("articleId", "claimId", "createdAt");

