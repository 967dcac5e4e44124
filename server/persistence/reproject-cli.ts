import { providerOf } from "../db/client";
import { migrate } from "../db/migrate";
import { withScriptDb } from "../db/script-db";
import { projectFromStore } from "./projection";
import { reindexArticle } from "../search/index-claims";

/** `npm run db:reproject`: rebuild Claim and Source rows of every article from its document. */
await withScriptDb(async (db, url) => {
  await migrate(db, providerOf(url));
  const articles = await db.article.findMany({ select: { id: true, slug: true } });
  for (const a of articles) {
    // A rebuild is not a change: no audit events (they would repeat "created" for every claim).
    const r = await projectFromStore(db, a.id, { audit: false });
    // The search index is derived too: rebuilt in full, not only for claims whose rows changed.
    const entries = await reindexArticle(db, a.id);
    console.log(`${a.slug}: ${r.claims} claims, ${entries} search entries${r.problems.length ? `, skipped ${r.problems.length}: ${r.problems.join("; ")}` : ""}`);
  }
});
