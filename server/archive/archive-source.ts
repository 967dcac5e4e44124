import "server-only";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { canEditArticle, type Actor } from "../../lib/policies";
import { withLiveDoc, type LiveDeps } from "../claims/live-claim";
import { safeFetch, type SafeFetchOptions } from "../fetch/safe-fetch";
import { captureOf } from "./page-capture";
import { readableSnapshotOffLoop } from "../extract/extract-pool";

export const ZArchiveSourceInput = z.object({
  claimId: z.string().min(1).max(100),
  sourceId: z.string().min(1).max(100),
});

/** A stored snapshot as the workspace lists it. */
export interface CaptureSummary {
  id: string;
  sourceId: string | null;
  claimId: string | null;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  mediaType: string;
  sha256: string;
  size: number;
  fetchedAt: string;
}

export const captureSummarySelect = {
  id: true, sourceId: true, claimId: true, requestedUrl: true, finalUrl: true, httpStatus: true, mediaType: true, sha256: true, size: true, fetchedAt: true,
} as const;

export function toCaptureSummary(row: Omit<CaptureSummary, "fetchedAt"> & { fetchedAt: Date }): CaptureSummary {
  return { ...row, fetchedAt: row.fetchedAt.toISOString() };
}

/**
 * "Archive" on a source (editors): fetch the source's URL the safe way and store a snapshot
 * (the HTML as received, its readable text, SHA-256, time). The URL comes from the live
 * document, never from the request, so an editor can only archive what the claim cites.
 */
export async function archiveSource(opts: LiveDeps & { actor: Actor; articleId: string; input: unknown; fetch?: Pick<SafeFetchOptions, "timeoutMs" | "maxBytes" | "allow"> }): Promise<CaptureSummary> {
  const { db, actor, articleId } = opts;
  if (!canEditArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can archive sources.");
  const { claimId, sourceId } = ZArchiveSourceInput.parse(opts.input);
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const source = await withLiveDoc(opts, articleId, (doc, api) => api.readClaim(doc, claimId)?.sources.find((s) => s.id === sourceId) ?? null);
  if (!source) throw new AppError("NOT_FOUND", "No such source on this claim.");
  const fetched = await safeFetch({ url: source.url, accept: ["text/html", "application/xhtml+xml", "text/plain"], ...opts.fetch });
  const readable = await readableSnapshotOffLoop(fetched.body, fetched.mediaType, fetched.charset);
  const row = await db.pageCapture.create({
    data: captureOf(fetched, { articleId, sourceId, claimId, encoding: readable.encoding, text: readable.text, title: readable.title || source.title, createdById: actor.id }),
    select: captureSummarySelect,
  });
  return toCaptureSummary(row);
}
