import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "./db/client";
import { PROJECT_ROOT } from "./db/migrate";
import { hashPassword } from "./auth/passwords";
import { importArticle } from "./articles/import-article";
import type { Role } from "../lib/policies";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "admin@sanad.local", name: "Amal (admin)", role: "admin" },
  { email: "reviewer@sanad.local", name: "Rami (reviewer)", role: "reviewer" },
  { email: "editor@sanad.local", name: "Huda (editor)", role: "editor" },
  { email: "editor2@sanad.local", name: "Omar (editor)", role: "editor" },
  { email: "viewer@sanad.local", name: "Salma (viewer)", role: "viewer" },
];

export function demoPassword(): string {
  return process.env.SANAD_DEMO_PASSWORD || "sanad-demo";
}

/**
 * Seed articles: file, slug, source URL and publication date of the original. The Arabic
 * capture carries neither its URL nor its day: no link is invented, and the date is the
 * one the text allows (it reports 20 July 2020 as past and "8 يوليو الجاري"), so relative
 * dates resolve into July 2020. The English sample is our own fictional article.
 */
export const SEED_ARTICLES: ReadonlyArray<{ file: string; slug: string; sourceUrl?: string; publishedAt: string }> = [
  { file: "000_ar_qatar_turkey_libya.txt", slug: "qatar-turkey-libya", publishedAt: "2020-07-22" },
  { file: "001_en_port_deal.txt", slug: "egypt-kenya-port-deal", sourceUrl: "https://example.org/harbour-ledger/port-deal", publishedAt: "2024-03-15" },
];

/** Create (or leave as they are) the seed articles. Idempotent. */
export async function seedArticles(db: Db) {
  const out = [];
  for (const a of SEED_ARTICLES) {
    const text = readFileSync(path.join(PROJECT_ROOT, "seeds", a.file), "utf8");
    out.push(await importArticle({ db, actor: "seed", input: { text, header: true, slug: a.slug, sourceUrl: a.sourceUrl, publishedAt: a.publishedAt } }));
  }
  return out;
}

/**
 * Create the demo users that do not exist yet, with the demo password. Existing ones are left
 * exactly as they are: an admin may have changed their roles or passwords, and a restart must
 * not undo that (or hand a revoked account its old password back). Idempotent.
 */
export async function seedDemoUsers(db: Db): Promise<number> {
  const existing = new Set((await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length === 0) return 0;
  const passwordHash = await hashPassword(demoPassword());
  for (const u of missing) {
    // createMany has no skipDuplicates on SQLite; a concurrent seeder's row is not an error.
    await db.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash } }).catch((e: { code?: string }) => {
      if (e?.code !== "P2002") throw e;
    });
  }
  return missing.length;
}
