import { z } from "zod";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import { queryTokens, snippet } from "../../lib/search/highlight";
import type { Db } from "../db/client";
import { queryIndex, rowDate, type IndexFilter } from "./query-index";
import { parseInput } from "../../lib/validation";
import { SEARCH_KINDS, type SearchResult } from "../../lib/search/views";

export { SEARCH_KINDS, type SearchResult };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const id = z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/);

export const ZSearchInput = z.object({
  q: z.string().trim().min(1, "type something to search for").max(200, "the query is longer than 200 characters"),
  type: z.enum(SEARCH_KINDS).optional(),
  status: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  verdict: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  article: id.optional(),
  /** A user id, "me" or "none". */
  assignee: id.optional(),
  from: day.optional(),
  to: day.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type TSearchInput = z.input<typeof ZSearchInput>;


/**
 * Full-text search over the folded index, with filters. Every signed-in role may read every
 * article today (lib/policies canViewArticle), so the policy check is per request; when a
 * per-article rule arrives, it belongs in `visibleArticleIds` below, before the query.
 * The match is an AND of prefix terms over folded tokens (server/search/query-index.ts).
 */
export async function searchAll(options: { db: Db; actor: Actor; input: TSearchInput }): Promise<{ results: SearchResult[]; tokens: string[] }> {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "You may not search articles.");
  const input = parseInput(ZSearchInput, options.input);
  const tokens = queryTokens(input.q).slice(0, 12);
  if (tokens.length === 0) return { results: [], tokens };
  const filters: IndexFilter[] = [{ column: "kind", op: "in", value: input.type ? [input.type] : [...SEARCH_KINDS] }];
  if (input.status) filters.push({ column: "status", op: "=", value: input.status });
  if (input.verdict) filters.push({ column: "verdict", op: "=", value: input.verdict });
  if (input.article) filters.push({ column: "articleId", op: "=", value: input.article });
  if (input.assignee === "none") filters.push({ column: "assigneeId", op: "is null" }, { column: "kind", op: "in", value: ["claim", "source"] });
  else if (input.assignee) filters.push({ column: "assigneeId", op: "=", value: input.assignee === "me" ? actor.id : input.assignee });
  if (input.from) filters.push({ column: "date", op: ">=", value: new Date(`${input.from}T00:00:00Z`) });
  if (input.to) filters.push({ column: "date", op: "<", value: new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000) });
  const rows = await queryIndex(db, tokens, { mode: "all", filters, limit: input.limit });

  const articleIds = [...new Set(rows.map((r) => r.articleId))];
  const articles = new Map((await db.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, title: true } })).map((a) => [a.id, a.title]));
  const results = rows.filter((r) => articles.has(r.articleId)).map((r): SearchResult => ({
    kind: r.kind as SearchResult["kind"],
    articleId: r.articleId,
    articleTitle: articles.get(r.articleId)!,
    claimId: r.claimId,
    title: r.title,
    snippet: snippet(r.text, tokens),
    status: r.status,
    verdict: r.verdict,
    date: rowDate(r.date).toISOString(),
    href: r.claimId ? `/articles/${encodeURIComponent(r.articleId)}?claim=${encodeURIComponent(r.claimId)}` : `/articles/${encodeURIComponent(r.articleId)}`,
  }));
  return { results, tokens };
}

