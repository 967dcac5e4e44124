import { providerOf } from "./db/client";
import { migrate } from "./db/migrate";
import { withScriptDb } from "./db/script-db";
import { seedDemo } from "./seed-demo";

await withScriptDb(async (db, url) => {
  await migrate(db, providerOf(url), console.log);
  await seedDemo(db, console.log);
});
