import type { SimilarCheck } from "../../lib/search/views";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import { claimTextOf } from "../../lib/publication/snapshot";
import { SimilarityIndex, similarityTokens } from "../../lib/search/similarity";
import { verdictLabel } from "../../lib/verdicts";
import { readLiveClaim, type LiveDeps } from "../claims/live-claim";
import { organisation, publicBaseUrl, publicPaths } from "../publication/organisation";
import { queryIndex, rowDate } from "../search/query-index";


/** How many index rows are re-ranked; the index pre-selects by shared folded terms. */
const CANDIDATES = 400;

/**
 * "Similar claims already checked" for one claim: this newsroom's published verdicts (other
 * articles) and imported ClaimReview feeds. The database pre-selects candidates sharing any
 * folded content term (OR of prefix terms); lib/search/similarity re-ranks them by BM25 +
 * character trigrams and drops weak ones. The claim text is read from the live document.
 */
export async function findSimilarClaims(options: LiveDeps & { actor: Actor; articleId: string; claimId: string; limit?: number }): Promise<SimilarCheck[]> {
  const { db, actor, articleId, claimId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "You may not read this article.");
  const { claim } = await readLiveClaim(options, articleId, claimId);
  const text = claimTextOf(claim);
  // Already folded: content tokens go to the index as they are (folding twice could over-strip).
  const tokens = [...new Set(similarityTokens(text))].slice(0, 24);
  const rows = await queryIndex(db, tokens, {
    mode: "any", limit: CANDIDATES, withText: false,
    filters: [{ column: "kind", op: "in", value: ["verdict", "external"] }, { column: "articleId", op: "<>", value: articleId }],
  });
  if (rows.length === 0) return [];
  // Candidates are ranked by the title (the claim as reviewed), not the rationale around it.
  const index = new SimilarityIndex(rows.map((r) => ({ id: r.key, text: r.title })));
  const hits = index.rank(text, { limit: options.limit ?? 5 });
  const byKey = new Map(rows.map((r) => [r.key, r]));

  const externalIds = hits.map((h) => byKey.get(h.id)!).filter((r) => r.kind === "external").map((r) => r.claimId!);
  const verdictArticles = [...new Set(hits.map((h) => byKey.get(h.id)!).filter((r) => r.kind === "verdict").map((r) => r.articleId))];
  const [externals, publications, links] = await Promise.all([
    db.externalClaimReview.findMany({ where: { id: { in: externalIds } } }),
    db.publication.findMany({ where: { articleId: { in: verdictArticles } }, orderBy: { version: "desc" }, select: { articleId: true, slug: true, snapshot: true } }),
    db.claimLink.findMany({ where: { articleId, claimId }, select: { targetKind: true, targetId: true } }),
  ]);
  const externalById = new Map(externals.map((e) => [e.id, e]));
  const latest = new Map<string, (typeof publications)[number]>();
  for (const p of publications) if (!latest.has(p.articleId)) latest.set(p.articleId, p);
  const linked = new Set(links.map((l) => `${l.targetKind}:${l.targetId}`));
  const base = publicBaseUrl();
  const org = organisation();

  const out: SimilarCheck[] = [];
  for (const hit of hits) {
    const row = byKey.get(hit.id)!;
    if (row.kind === "external") {
      const e = externalById.get(row.claimId!);
      if (!e) continue;
      out.push({ targetKind: "external", targetId: e.id, claimReviewed: e.claimReviewed, verdictLabel: e.verdictLabel, publisher: e.publisher, url: e.url, date: e.datePublished, score: round(hit.score), linked: linked.has(`external:${e.id}`) });
    } else {
      const pub = latest.get(row.articleId);
      if (!pub) continue;
      const language = (pub.snapshot as { article?: { language?: string } }).article?.language ?? "en";
      const targetId = `${row.articleId}:${row.claimId}`;
      out.push({
        targetKind: "verdict", targetId, claimReviewed: row.title, verdictLabel: verdictLabel(row.verdict, language), publisher: org.name,
        url: `${base}${publicPaths.claim(pub.slug, row.claimId!)}`, date: rowDate(row.date).toISOString().slice(0, 10),
        score: round(hit.score), linked: linked.has(`verdict:${targetId}`),
      });
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export type { SimilarCheck };
