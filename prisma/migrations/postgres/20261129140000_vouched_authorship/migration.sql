-- DropForeignKey
ALTER TABLE "Source" DROP CONSTRAINT "Source_claimId_fkey";

-- DropIndex
DROP INDEX "Claim_articleId_idx";

-- DropIndex
DROP INDEX "Source_articleId_idx";

-- DropIndex
DROP INDEX "SignOff_claimId_createdAt_idx";

-- AlterTable
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_pkey",
ADD COLUMN     "updatedById" TEXT,
ADD CONSTRAINT "Claim_pkey" PRIMARY KEY ("articleId", "id");

-- AlterTable
ALTER TABLE "Source" DROP CONSTRAINT "Source_pkey",
ADD CONSTRAINT "Source_pkey" PRIMARY KEY ("articleId", "id");

-- CreateTable
CREATE TABLE "DocClient" (
    "articleId" TEXT NOT NULL,
    "clientId" BIGINT NOT NULL,
    "userId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocClient_pkey" PRIMARY KEY ("articleId","clientId")
);

-- CreateTable
CREATE TABLE "DocVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "claimCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocVersion_articleId_createdAt_idx" ON "DocVersion"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Source_articleId_claimId_idx" ON "Source"("articleId", "claimId");

-- CreateIndex
CREATE INDEX "SignOff_articleId_claimId_createdAt_idx" ON "SignOff"("articleId", "claimId", "createdAt");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_articleId_claimId_fkey" FOREIGN KEY ("articleId", "claimId") REFERENCES "Claim"("articleId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

