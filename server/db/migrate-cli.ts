import { providerOf } from "./client";
import { migrate } from "./migrate";
import { withScriptDb } from "./script-db";

await withScriptDb(async (db, url) => {
  const applied = await migrate(db, providerOf(url), (m) => console.log(m));
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date");
});
