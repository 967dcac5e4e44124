/**
 * An archived copy as the archive pages show it (metadata and readable text): built by
 * server/archive/read-capture.ts, rendered by components/archive/ArchivedCopy.tsx.
 */
export interface CaptureView {
  id: string;
  articleId: string;
  sourceId: string | null;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  mediaType: string;
  encoding: string;
  sha256: string;
  size: number;
  /** Pages of a PDF capture (mediaType application/pdf); null for a web page. */
  pageCount: number | null;
  title: string;
  /** Readable text; a PDF's pages are separated by a form feed ("\f"). */
  text: string;
  fetchedAt: string;
  /** Language and direction of the article it belongs to (labels of the public page). */
  language: string;
}
