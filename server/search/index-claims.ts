import * as Y from "yjs";
import { inspectClaims } from "../../lib/article-doc";
import type { ClaimView } from "../../lib/claim-model";
import { foldText } from "../../lib/search/fold";
import { claimTextOf } from "../../lib/publication/snapshot";
import type { Db } from "../db/client";
import { DocStore } from "../persistence/doc-store";

/**
 * Keeps the search index (SearchEntry; FTS5 / GIN over it in SQL) in step with the projection.
 * The projection calls `indexClaims` after it wrote Claim/Source rows; it only passes the
 * claims it wrote and the ones that disappeared, so indexing costs what projecting costs.
 * Entry keys are scoped by article, so claim ids only need to be unique within an article.
 */

type Entry = {
  key: string; kind: string; articleId: string; claimId: string | null; title: string; text: string; folded: string;
  status: string | null; verdict: string | null; assigneeId: string | null; date: Date;
};

const claimPrefix = (articleId: string, claimId: string) => `claim:${articleId}:${claimId}`;
const sourcePrefix = (articleId: string, claimId: string) => `source:${articleId}:${claimId}:`;

function fieldText(fields: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string" || typeof v === "number") out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(fields);
  return out.join(" · ");
}

function safeDate(iso: string): Date {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

/** The index entries of one claim: the claim itself and one per source. */
export function claimEntries(articleId: string, claim: ClaimView): Entry[] {
  const statement = claimTextOf(claim);
  const parts = [statement, statement === claim.anchor.exact ? "" : claim.anchor.exact, fieldText(claim.fields), claim.rationale].filter(Boolean);
  const text = parts.join(" · ");
  const base = { articleId, claimId: claim.id, status: claim.status, verdict: claim.verdict, assigneeId: claim.assigneeId, date: safeDate(claim.updatedAt) };
  const entries: Entry[] = [{ ...base, key: claimPrefix(articleId, claim.id), kind: "claim", title: statement.slice(0, 300), text, folded: foldText(text) }];
  claim.sources.forEach((s) => {
    const sourceText = [s.title, s.publisher, s.url, s.note].filter(Boolean).join("\n");
    entries.push({ ...base, key: `${sourcePrefix(articleId, claim.id)}${s.id}`, kind: "source", title: (s.title || s.url).slice(0, 300), text: sourceText, folded: foldText(sourceText) });
  });
  return entries;
}

async function writeEntries(db: Db, entries: Entry[]): Promise<void> {
  for (const e of entries) await db.searchEntry.upsert({ where: { key: e.key }, create: e, update: e });
}

/**
 * Index the claims the projection just wrote and drop the ones it deleted. Each claim's
 * entries (claim + sources) are replaced in one transaction, so a removed source disappears.
 */
export async function indexClaims(db: Db, articleId: string, change: { changed: ClaimView[]; gone: string[] }): Promise<void> {
  if (change.changed.length === 0 && change.gone.length === 0) return;
  await db.$transaction(async (tx) => {
    for (const id of change.gone) {
      await tx.searchEntry.deleteMany({ where: { OR: [{ key: claimPrefix(articleId, id) }, { key: { startsWith: sourcePrefix(articleId, id) } }] } });
    }
    for (const claim of change.changed) {
      const entries = claimEntries(articleId, claim);
      const keep = entries.map((e) => e.key);
      await tx.searchEntry.deleteMany({ where: { key: { startsWith: sourcePrefix(articleId, claim.id), notIn: keep } } });
      await writeEntries(tx as unknown as Db, entries);
    }
  }, { timeout: 60_000 });
}

/** Index an article's own text (title, outlet, body): on import and on rebuild. */
export async function indexArticle(db: Db, article: { id: string; title: string; outlet: string | null; body: string; publishedAt: Date | null; createdAt: Date }): Promise<void> {
  const text = [article.title, article.outlet ?? "", article.body].filter(Boolean).join("\n");
  await writeEntries(db, [{
    key: `article:${article.id}`, kind: "article", articleId: article.id, claimId: null, title: article.title, text, folded: foldText(text),
    status: null, verdict: null, assigneeId: null, date: article.publishedAt ?? article.createdAt,
  }]);
}

/**
 * Published verdicts of an article: the latest publication's claims, or none after a
 * retraction. Called after publish/retract and on rebuild.
 */
export async function indexPublishedVerdicts(db: Db, articleId: string): Promise<void> {
  const latest = await db.publication.findFirst({ where: { articleId }, orderBy: { version: "desc" } });
  const snapshot = latest?.kind === "publish" ? (latest.snapshot as unknown as { claims?: Array<{ id: string; claimText: string; verdict: string; verdictLabel: string; rationale: string }> }) : null;
  const entries: Entry[] = (snapshot?.claims ?? []).map((c) => {
    const text = [c.claimText, c.verdictLabel, c.rationale].join("\n");
    return {
      key: `verdict:${articleId}:${c.id}`, kind: "verdict", articleId, claimId: c.id, title: c.claimText.slice(0, 300), text, folded: foldText(text),
      status: null, verdict: c.verdict, assigneeId: null, date: latest!.publishedAt,
    };
  });
  await db.$transaction(async (tx) => {
    await tx.searchEntry.deleteMany({ where: { key: { startsWith: `verdict:${articleId}:`, notIn: entries.map((e) => e.key) } } });
    await writeEntries(tx as unknown as Db, entries);
  });
}

/** Rebuild every entry of one article from the article row, its document and its publications (db:reproject). */
export async function reindexArticle(db: Db, articleId: string): Promise<number> {
  const article = await db.article.findUnique({ where: { id: articleId } });
  if (!article) return 0;
  await indexArticle(db, article);
  const doc = new Y.Doc();
  try {
    const state = await new DocStore(db).load(articleId);
    if (state) Y.applyUpdate(doc, state);
    const { claims } = inspectClaims(doc, article.body);
    const indexed = await db.searchEntry.findMany({ where: { articleId, kind: "claim" }, select: { claimId: true } });
    const live = new Set(claims.map((c) => c.id));
    await indexClaims(db, articleId, { changed: claims, gone: indexed.map((e) => e.claimId!).filter((id) => !live.has(id)) });
  } finally {
    doc.destroy();
  }
  await indexPublishedVerdicts(db, articleId);
  return db.searchEntry.count({ where: { articleId } });
}
