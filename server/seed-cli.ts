import { createDb, databaseUrl, providerOf, tuneSqlite } from "./db/client";
import { migrate } from "./db/migrate";
import { seedDemo } from "./seed-demo";

const url = databaseUrl();
const db = createDb(url);
try {
  await tuneSqlite(db, url);
  await migrate(db, providerOf(url), console.log);
  await seedDemo(db, console.log);
} finally {
  await db.$disconnect();
}
