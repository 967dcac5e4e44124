import "server-only";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzipSync, gzip } from "node:zlib";
import type { SafeFetchResult } from "../fetch/safe-fetch";

/**
 * The evidence record of a fetched page (Prisma model PageCapture): the bytes exactly as the
 * site sent them (after HTTP content decoding), gzip-compressed, with their SHA-256, the fetch
 * time, the final URL after redirects and the HTTP status, so an imported text or a source can
 * always be traced to what the page said that day.
 */
export interface PageCaptureData {
  articleId: string;
  sourceId: string | null;
  claimId: string | null;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  mediaType: string;
  encoding: string;
  sha256: string;
  size: number;
  htmlGzip: Uint8Array<ArrayBuffer>;
  text: string;
  title: string;
  /** Pages of a PDF; null for a web page. */
  pageCount: number | null;
  fetchedAt: Date;
  createdById: string | null;
}

/** Hex SHA-256 of bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const gzipAsync = promisify(gzip);

/**
 * The stored form of a fetched body (gzip level 9). On libuv's thread pool, not the event
 * loop: a PDF of several megabytes takes a noticeable while. Done before any transaction opens.
 */
export function packBody(body: Uint8Array): Promise<Buffer> {
  return gzipAsync(body, { level: 9 });
}

/** Build the capture row for a fetch result and its packed body (`packBody`). */
export function captureOf(fetched: SafeFetchResult, gz: Buffer, extra: { articleId: string; sourceId?: string | null; claimId?: string | null; encoding: string; text: string; title: string; pageCount?: number | null; createdById: string | null }): PageCaptureData {
  return {
    articleId: extra.articleId,
    sourceId: extra.sourceId ?? null,
    claimId: extra.claimId ?? null,
    requestedUrl: fetched.requestedUrl,
    finalUrl: fetched.finalUrl,
    httpStatus: fetched.status,
    mediaType: fetched.mediaType,
    encoding: extra.encoding,
    sha256: sha256Hex(fetched.body),
    size: fetched.body.length,
    htmlGzip: new Uint8Array(gz.buffer.slice(gz.byteOffset, gz.byteOffset + gz.byteLength)) as Uint8Array<ArrayBuffer>,
    text: extra.text,
    title: extra.title,
    pageCount: extra.pageCount ?? null,
    fetchedAt: fetched.fetchedAt,
    createdById: extra.createdById,
  };
}

/** The captured bytes, uncompressed. */
export function captureBytes(capture: { htmlGzip: Uint8Array }): Buffer {
  return gunzipSync(capture.htmlGzip);
}
