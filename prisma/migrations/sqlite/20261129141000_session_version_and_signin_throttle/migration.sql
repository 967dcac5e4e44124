-- Hand-trimmed from `prisma migrate diff`: Prisma redefines "User" (create new_User, copy, DROP
-- TABLE "User") to add one column. server/db/migrate.ts applies a migration inside a
-- transaction, where PRAGMA foreign_keys=OFF is a no-op, so that DROP would cascade-delete every
-- Account and Session row. SQLite adds a NOT NULL column with a constant default in place.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailure" DATETIME NOT NULL,
    "notBefore" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SignInThrottle_lastFailure_idx" ON "SignInThrottle"("lastFailure");
