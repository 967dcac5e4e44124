/**
 * Loader for the hand-annotated news set in seeds/gold/news (manifest.json + <id>.txt +
 * <id>.gold.jsonl), used by the eval script and the dev-half test. It reads files, so it lives
 * here and not in lib/detect, which stays free of I/O.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { detectClaims } from "../../lib/detect/index";
import { addCounts, coreCounts, parseGold, type CoreCounts, type GoldSpan, type ScoredSpan } from "../../lib/detect/score";

export interface NewsArticle { id: string; lang: "ar" | "en"; split: "dev" | "test" | "fresh" | "blind_dev" | "blind_test"; published: string | null; outlet: string; url: string; text: string; gold: GoldSpan[] }

/** Read every article of the news set. */
export function loadNews(root: string): NewsArticle[] {
  const dir = path.join(root, "seeds/gold/news");
  const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { articles: Omit<NewsArticle, "text" | "gold">[] };
  return manifest.articles.map((a) => ({
    ...a,
    text: readFileSync(path.join(dir, `${a.id}.txt`), "utf8"),
    gold: parseGold(readFileSync(path.join(dir, `${a.id}.gold.jsonl`), "utf8")) as GoldSpan[],
  }));
}

/** Detect on each article (with its language and publication date) and sum core counts per split and language. */
export function scoreNews(articles: NewsArticle[]): Record<string, Record<string, CoreCounts>> {
  const out: Record<string, Record<string, CoreCounts>> = {};
  for (const a of articles) {
    const pred = detectClaims(a.text, { lang: a.lang, publishedAt: a.published ?? undefined }) as ScoredSpan[];
    addCounts((out[`${a.split}_${a.lang}`] ??= {}), coreCounts(a.gold, pred));
  }
  return out;
}
