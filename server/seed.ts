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

/** Create the demo users with the demo password (updating the password if it changed). Idempotent. */
export async function seedDemoUsers(db: Db) {
  const passwordHash = await hashPassword(demoPassword());
  for (const u of DEMO_USERS) {
    await db.user.upsert({
      where: { email: u.email },
      create: { email: u.email, name: u.name, role: u.role, passwordHash },
      update: { role: u.role, passwordHash },
    });
  }
}
