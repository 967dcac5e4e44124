import { createDb, databaseUrl, providerOf, sqlitePath, tuneSqlite, type Db } from "./client";
import { lockSqliteFile } from "./sqlite-lock";

/**
 * Run a maintenance script (`db:migrate`, `db:seed`, `db:reproject`) against DATABASE_URL with
 * the same guard as the server: on SQLite it takes the server's lock file, so it refuses to run
 * while a server uses the file (and a server refuses to start while it runs) instead of
 * holding the write lock under a live server. PostgreSQL scripts rely on the advisory locks
 * the operations take themselves (migrations, compaction).
 */
export async function withScriptDb<T>(fn: (db: Db, url: string) => Promise<T>): Promise<T> {
  const url = databaseUrl();
  const unlock = providerOf(url) === "sqlite" ? lockSqliteFile(sqlitePath(url)) : () => {};
  const db = createDb(url);
  try {
    await tuneSqlite(db, url);
    return await fn(db, url);
  } finally {
    await db.$disconnect();
    unlock();
  }
}
