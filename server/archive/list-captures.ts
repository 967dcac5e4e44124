import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import { captureSummarySelect, toCaptureSummary, type CaptureSummary } from "./archive-source";

/** Every archived copy of an article (its own page and its sources), newest first, for the team. */
export async function listCaptures(opts: { db: Db; actor: Actor; articleId: string }): Promise<CaptureSummary[]> {
  if (!canViewArticle(opts.actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const rows = await opts.db.pageCapture.findMany({ where: { articleId: opts.articleId }, orderBy: { fetchedAt: "desc" }, select: captureSummarySelect, take: 1000 });
  return rows.map(toCaptureSummary);
}

/** The newest capture of the page the article was imported from (null for pasted articles). */
export async function articlePageCaptureId(opts: { db: Db; actor: Actor; articleId: string }): Promise<string | null> {
  if (!canViewArticle(opts.actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const row = await opts.db.pageCapture.findFirst({ where: { articleId: opts.articleId, sourceId: null }, orderBy: { fetchedAt: "desc" }, select: { id: true } });
  return row?.id ?? null;
}
