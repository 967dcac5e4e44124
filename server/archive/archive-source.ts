import "server-only";
import { z } from "zod";
import { AppError, isAppError } from "../../lib/errors";
import { canEditArticle, type Actor } from "../../lib/policies";
import { withLiveDoc, type LiveDeps } from "../claims/live-claim";
import { PDF_TYPE, safeFetch, type SafeFetchOptions } from "../fetch/safe-fetch";
import { captureOf, packBody } from "./page-capture";
import { pdfTextOffLoop, readableSnapshotOffLoop } from "../extract/extract-pool";

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
  /** Pages of a PDF capture; null for a web page. */
  pageCount: number | null;
  fetchedAt: string;
}

export const captureSummarySelect = {
  id: true, sourceId: true, claimId: true, requestedUrl: true, finalUrl: true, httpStatus: true, mediaType: true, sha256: true, size: true, pageCount: true, fetchedAt: true,
} as const;

export function toCaptureSummary(row: Omit<CaptureSummary, "fetchedAt"> & { fetchedAt: Date }): CaptureSummary {
  return { ...row, fetchedAt: row.fetchedAt.toISOString() };
}

/**
 * "Archive" on a source (editors): fetch the source's URL the safe way and store a snapshot
 * (the bytes as received, their readable text, SHA-256, time). The URL comes from the live
 * document, never from the request, so an editor can only archive what the claim cites.
 * Web pages, plain text and PDFs are accepted; a PDF is recognised by its "%PDF-" header
 * whatever the server's Content-Type says, and its text (page by page) is read in the
 * extract worker thread. Nothing is stored when the file cannot be read.
 */
export async function archiveSource(opts: LiveDeps & { actor: Actor; articleId: string; input: unknown; fetch?: Pick<SafeFetchOptions, "timeoutMs" | "maxBytes" | "allow"> }): Promise<CaptureSummary> {
  const { db, actor, articleId } = opts;
  if (!canEditArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can archive sources.");
  const { claimId, sourceId } = ZArchiveSourceInput.parse(opts.input);
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const source = await withLiveDoc(opts, articleId, (doc, api) => api.readClaim(doc, claimId)?.sources.find((s) => s.id === sourceId) ?? null);
  if (!source) throw new AppError("NOT_FOUND", "No such source on this claim.");
  const fetched = await safeFetch({ url: source.url, accept: ARCHIVE_TYPES, sniffPdf: true, ...opts.fetch }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "FETCH_WRONG_TYPE" && !e.reason) e.withReason("notArchivable");
    throw e;
  });
  const readable = fetched.mediaType === PDF_TYPE
    ? await readPdf(fetched.body)
    : { ...(await readableSnapshotOffLoop(fetched.body, fetched.mediaType, fetched.charset)), pageCount: null };
  const gz = await packBody(fetched.body);
  const row = await db.pageCapture.create({
    data: captureOf(fetched, gz, { articleId, sourceId, claimId, encoding: readable.encoding, text: readable.text, title: readable.title || source.title, pageCount: readable.pageCount, createdById: actor.id }),
    select: captureSummarySelect,
  });
  return toCaptureSummary(row);
}

/** What "Archive" keeps: web pages, plain text, PDFs. */
const ARCHIVE_TYPES = ["text/html", "application/xhtml+xml", "text/plain", PDF_TYPE];

async function readPdf(bytes: Buffer): Promise<{ text: string; title: string; encoding: string; pageCount: number }> {
  try {
    const pdf = await pdfTextOffLoop(bytes);
    // a PDF has no character encoding of its own: "binary" says the bytes are served as they are
    return { text: pdf.text, title: pdf.title, pageCount: pdf.pageCount, encoding: "binary" };
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError("INVALID_INPUT", (e as Error).message || "The PDF could not be read.").withReason("pdfUnreadable");
  }
}
