import { createDb, databaseUrl, providerOf } from "./client";
import { migrate } from "./migrate";

const url = databaseUrl();
const db = createDb(url);
try {
  const applied = await migrate(db, providerOf(url), (m) => console.log(m));
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
} finally {
  await db.$disconnect();
}
