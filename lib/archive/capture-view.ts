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
  title: string;
  text: string;
  fetchedAt: string;
  /** Language and direction of the article it belongs to (labels of the public page). */
  language: string;
}
