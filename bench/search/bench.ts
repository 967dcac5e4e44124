/**
 * Search at newsroom scale: `npm run bench:search` (PostgreSQL too when TEST_DATABASE_URL is set).
 * Generates 2,000 articles (half Arabic, half English, ~300 words each) with 25 claims each
 * (50,000 claims) from the vocabulary of the seed articles, writes their index entries with the
 * same builders the projection uses (claimEntries/indexArticle data through foldText), then runs
 * 300 queries of 1–3 words (Arabic queries spelled with diacritics/variant letters half the time)
 * through searchAll, the same function the API calls, and 100 "checked before" candidate
 * look-ups (index pre-selection + BM25/trigram re-rank). On PostgreSQL it also measures the
 * pg_trgm alternative. Reports p50/p95 and index sizes; writes bench/results/search-bench.json.
 * Numbers only, no assertions. Method notes at the end of the file.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { mulberry32 } from "../../server/test-support/article-doc";
import { foldText, foldTokens } from "../../lib/search/fold";
import { SimilarityIndex, similarityTokens } from "../../lib/search/similarity";
import { createDb, tuneSqlite, type Db } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { queryIndex } from "../../server/search/query-index";
import { searchAll } from "../../server/search/search";
import { createTestDatabase, type TestDatabase } from "../../server/test-support/harness";

const root = path.resolve(import.meta.dirname, "../..");
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const CLAIMS_PER_ARTICLE = 25;
const QUERIES = 300;
const rand = mulberry32(2026);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];

const words = (file: string) => readFileSync(path.join(root, "seeds", file), "utf8").split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).filter((w) => w.length > 1);
const vocab = { ar: words("000_ar_qatar_turkey_libya.txt"), en: words("001_en_port_deal.txt") };
const sentence = (lang: "ar" | "en", n: number) => Array.from({ length: n }, () => pick(vocab[lang])).join(" ");
/** An Arabic query as people type it: sometimes with harakat, a different alef, or ه for ة. */
const misspell = (w: string) => (rand() < 0.5 ? w : w.replace(/ة$/, "ه").replace(/^أ|^إ/, "ا").replace(/(.)/, "$1َ"));

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100;
}

async function fill(db: Db) {
  const t0 = performance.now();
  const now = Date.now();
  for (let a = 0; a < ARTICLES; a++) {
    const lang = a % 2 === 0 ? "ar" : "en";
    const articleId = `bench${a}`;
    const body = Array.from({ length: 15 }, () => sentence(lang, 20)).join(". ");
    const title = sentence(lang, 8);
    const date = new Date(now - Math.floor(rand() * 3e10));
    await db.article.create({ data: { id: articleId, slug: articleId, title, body, blocks: [], language: lang, direction: lang === "ar" ? "rtl" : "ltr" } });
    const rows = [{ key: `article:${articleId}`, kind: "article", articleId, claimId: null, title, text: `${title}\n${body}`, folded: foldText(`${title}\n${body}`), status: null, verdict: null, assigneeId: null, date }];
    for (let c = 0; c < CLAIMS_PER_ARTICLE; c++) {
      const text = `${sentence(lang, 12)}\n${sentence(lang, 25)}`;
      rows.push({ key: `claim:${articleId}:c${c}`, kind: c % 10 === 0 ? "verdict" : "claim", articleId, claimId: `c${c}`, title: text.split("\n")[0], text, folded: foldText(text), status: pick(["draft", "researching", "needs_review"]), verdict: pick(["true", "false", "misleading", null]), assigneeId: null, date } as never);
    }
    await db.searchEntry.createMany({ data: rows });
  }
  return Math.round(performance.now() - t0);
}

async function sizes(db: Db, kind: string, database: TestDatabase) {
  if (kind === "sqlite") {
    try {
      const rows = await db.$queryRawUnsafe<Array<{ name: string; bytes: number | bigint }>>(`SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'SearchFts%' OR name LIKE 'SearchEntry%' OR name LIKE 'sqlite_autoindex_SearchEntry%' GROUP BY name`);
      return Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
    } catch (e) {
      return { note: `dbstat unavailable: ${(e as Error).message.slice(0, 80)}`, file: database.url };
    }
  }
  const rows = await db.$queryRawUnsafe<Array<{ name: string; bytes: bigint }>>(`SELECT relname::text AS name, pg_relation_size(oid)::bigint AS bytes FROM pg_class WHERE relname LIKE 'SearchEntry%'`);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
}

async function run(kind: "sqlite" | "postgres") {
  const database = await createTestDatabase(kind);
  const db = createDb(database.url);
  try {
    await tuneSqlite(db, database.url); // WAL, as the server runs it
    await migrate(db, kind);
    const fillMs = await fill(db);
    if (kind === "postgres") await db.$executeRawUnsafe(`ANALYZE "SearchEntry"`);
    const actor = { id: "bench", name: "bench", role: "viewer" as const };
    const queries = Array.from({ length: QUERIES }, (_, i) => {
      const lang = i % 2 === 0 ? "ar" : "en";
      const n = 1 + Math.floor(rand() * 3);
      return Array.from({ length: n }, () => (lang === "ar" ? misspell(pick(vocab.ar)) : pick(vocab.en))).join(" ");
    });
    for (const q of queries.slice(0, 20)) await searchAll({ db, actor, input: { q } }); // warm-up
    const search: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const t = performance.now();
      hits += (await searchAll({ db, actor, input: { q, limit: 30 } })).results.length;
      search.push(performance.now() - t);
    }
    const similar: number[] = [];
    for (let i = 0; i < 100; i++) {
      const text = sentence(i % 2 === 0 ? "ar" : "en", 14);
      const t = performance.now();
      const rows = await queryIndex(db, [...new Set(similarityTokens(text))].slice(0, 24), { mode: "any", limit: 400, withText: false, filters: [{ column: "kind", op: "in", value: ["verdict", "external"] }] });
      new SimilarityIndex(rows.map((r) => ({ id: r.key, text: r.title }))).rank(text);
      similar.push(performance.now() - t);
    }
    const result: Record<string, unknown> = {
      entries: await db.searchEntry.count(), fillMs,
      search: { queries: QUERIES, p50: pct(search, 50), p95: pct(search, 95), max: pct(search, 100), meanResults: Math.round((hits / QUERIES) * 10) / 10 },
      checkedBefore: { lookups: 100, p50: pct(similar, 50), p95: pct(similar, 95) },
      sizes: await sizes(db, kind, database),
    };
    if (kind === "postgres") result.trigramAlternative = await trigram(database.url, queries);
    return result;
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

/** The pg_trgm alternative over the same rows: GIN trigram index, every token as ILIKE '%token%'. */
async function trigram(url: string, queries: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const t0 = performance.now();
    await client.query(`CREATE INDEX "SearchEntry_folded_trgm" ON "SearchEntry" USING GIN ("folded" gin_trgm_ops)`);
    const buildMs = Math.round(performance.now() - t0);
    const times: number[] = [];
    for (const q of queries) {
      const tokens = [...new Set(foldTokens(q))].filter((t) => t.length >= 3);
      if (tokens.length === 0) continue;
      const where = tokens.map((_, i) => `"folded" ILIKE $${i + 1}`).join(" AND ");
      const t = performance.now();
      await client.query(`SELECT "seq" FROM "SearchEntry" WHERE ${where} LIMIT 30`, tokens.map((t) => `%${t}%`));
      times.push(performance.now() - t);
    }
    const size = await client.query(`SELECT pg_relation_size('"SearchEntry_folded_trgm"') AS bytes`);
    return { queries: times.length, p50: pct(times, 50), p95: pct(times, 95), indexBytes: Number(size.rows[0].bytes), buildMs, note: "no ranking and no snippets: a lower bound for trigram search" };
  } catch (e) {
    return { skipped: (e as Error).message };
  } finally {
    await client.end();
  }
}

const out: Record<string, unknown> = { at: new Date().toISOString(), articles: ARTICLES, claims: ARTICLES * CLAIMS_PER_ARTICLE, machine: "2 shared cores" };
// BENCH_ONLY=sqlite|postgres runs one database; results of the other are kept from the previous file.
const only = process.env.BENCH_ONLY;
const file = path.join(root, "bench/results/search-bench.json");
if (only) {
  try { Object.assign(out, JSON.parse(readFileSync(file, "utf8")), { at: out.at }); } catch { /* first run */ }
}
if (!only || only === "sqlite") {
  out.sqlite = await run("sqlite");
  console.log("sqlite", JSON.stringify(out.sqlite));
}
if (process.env.TEST_DATABASE_URL && (!only || only === "postgres")) {
  out.postgres = await run("postgres");
  console.log("postgres", JSON.stringify(out.postgres));
}
mkdirSync(path.join(root, "bench/results"), { recursive: true });
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
