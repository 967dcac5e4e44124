import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import { loadPublicArticle } from "../publication/public-pages";
import { captureBytes } from "./page-capture";
import type { CaptureView } from "../../lib/archive/capture-view";

export type { CaptureView };

const viewSelect = {
  id: true, articleId: true, sourceId: true, requestedUrl: true, finalUrl: true, httpStatus: true, mediaType: true, encoding: true,
  sha256: true, size: true, pageCount: true, title: true, text: true, fetchedAt: true,
} as const;

async function view(db: Db, captureId: string, articleId: string): Promise<CaptureView | null> {
  const row = await db.pageCapture.findUnique({ where: { id: captureId }, select: viewSelect });
  if (!row || row.articleId !== articleId) return null;
  const article = await db.article.findUnique({ where: { id: articleId }, select: { language: true } });
  return { ...row, fetchedAt: row.fetchedAt.toISOString(), language: article?.language ?? "en" };
}

/** A capture for the team (any signed-in role that may view the article). */
export async function readCaptureForTeam(opts: { db: Db; actor: Actor; articleId: string; captureId: string }): Promise<CaptureView> {
  if (!canViewArticle(opts.actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const v = await view(opts.db, opts.captureId, opts.articleId);
  if (!v) throw new AppError("NOT_FOUND", "No such archived copy.");
  return v;
}

/**
 * A capture for the public: only when the CURRENT publication under `slug` links it (a
 * published source's archived copy). Captures of unpublished sources, of the article page
 * itself, or of a retracted fact-check are not public. Null when not public.
 */
export async function readPublicCapture(opts: { db: Db; slug: string; captureId: string }): Promise<CaptureView | null> {
  const published = await loadPublicArticle(opts.db, opts.slug);
  if (!published || published.state !== "published") return null;
  const linked = published.snapshot.claims.some((c) => c.sources.some((s) => s.capture?.id === opts.captureId));
  if (!linked) return null;
  return view(opts.db, opts.captureId, published.snapshot.article.id);
}

/** The captured bytes of a capture the caller was allowed to read. */
export async function captureHtml(db: Db, captureId: string): Promise<Buffer> {
  const row = await db.pageCapture.findUnique({ where: { id: captureId }, select: { htmlGzip: true } });
  if (!row) throw new AppError("NOT_FOUND", "No such archived copy.");
  return captureBytes(row);
}
