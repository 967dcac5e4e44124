import type { Db } from "./db/client";
import { seedArticles, seedDemoUsers } from "./seed";
import { seedWorkedExample } from "./seed-worked-example";

/** Embedded demo mode: demo users, sample articles, and one fully worked published example. */
export async function seedDemo(db: Db, log: (msg: string) => void = () => {}): Promise<void> {
  await seedDemoUsers(db);
  const articles = await seedArticles(db);
  const example = await seedWorkedExample(db);
  log(`demo data ready: ${articles.length} articles; worked example: ${example}`);
}
