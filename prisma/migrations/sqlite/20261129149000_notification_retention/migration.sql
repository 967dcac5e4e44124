-- CreateTable
CREATE TABLE "NotificationKey" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");


-- Backfill: every key already notified keeps notifying once after its notification is pruned
INSERT INTO "NotificationKey" ("key", "articleId", "claimId", "createdAt") SELECT "dedupeKey", "articleId", "claimId", "createdAt" FROM "Notification";
