import "server-only";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { canImportArticle, type Actor } from "../../lib/policies";
import { DEFAULT_TIMEOUT_MS } from "../fetch/safe-fetch";

/** An import job as its starter sees it while polling. */
export interface ImportJobView {
  id: string;
  url: string;
  status: "fetching" | "extracting" | "done" | "failed";
  bytes: number;
  error: string | null;
  errorCode: string | null;
  article: { id: string; slug: string; title: string; language: string; direction: string } | null;
  existing: boolean;
}

/** A job still "fetching" this long after its start died with its process (a restart). */
const STALE_AFTER_MS = DEFAULT_TIMEOUT_MS + 60_000;

/**
 * The state of an import by URL. Only the editor who started it (or an admin) may read it:
 * the URL someone imports is not everyone's business before it becomes an article.
 */
export async function readImportJob(opts: { db: Db; actor: Actor; jobId: string }): Promise<ImportJobView> {
  const { db, actor, jobId } = opts;
  if (!canImportArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can import articles.");
  const job = await db.importJob.findUnique({ where: { id: jobId } });
  if (!job || (job.createdById !== actor.id && actor.role !== "admin")) throw new AppError("NOT_FOUND", "No such import.");
  let { status, error, errorCode } = job;
  if ((status === "fetching" || status === "extracting") && Date.now() - job.updatedAt.getTime() > STALE_AFTER_MS) {
    status = "failed";
    error = "the import was interrupted (the server restarted); try again";
    errorCode = "FETCH_FAILED";
  }
  const article = job.articleId
    ? await db.article.findUnique({ where: { id: job.articleId }, select: { id: true, slug: true, title: true, language: true, direction: true } })
    : null;
  return { id: job.id, url: job.url, status: status as ImportJobView["status"], bytes: job.bytes, error, errorCode, article, existing: job.existing };
}
