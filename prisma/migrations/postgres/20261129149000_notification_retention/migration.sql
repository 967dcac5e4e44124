-- CreateTable
CREATE TABLE "NotificationKey" (
    "key" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationKey_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");


-- Backfill: every key already notified keeps notifying once after its notification is pruned
INSERT INTO "NotificationKey" ("key", "articleId", "claimId", "createdAt") SELECT "dedupeKey", "articleId", "claimId", "createdAt" FROM "Notification";
