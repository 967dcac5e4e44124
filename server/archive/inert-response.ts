import "server-only";
import whatwgEncoding from "whatwg-encoding";

/**
 * The Content-Security-Policy an archived page is served under: a sandbox (unique origin, no
 * scripts, no forms, no popups, no top navigation), nothing loaded from anywhere (a reader
 * opening an archived copy must not ping the original site or trackers), inline styles only
 * so the text stays readable, and framing only by Sanad's own archive page.
 */
export const ARCHIVE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * The captured bytes as an inert response: HTML under ARCHIVE_CSP, a PDF as a download
 * (`attachment`, never shown inline by Sanad: the browser's PDF viewer runs the file's
 * scripts and forms), anything else as plain text.
 */
export function inertCaptureResponse(bytes: Buffer, capture: { mediaType: string; encoding: string; sha256?: string }): Response {
  const html = capture.mediaType === "text/html" || capture.mediaType === "application/xhtml+xml";
  const pdf = capture.mediaType === "application/pdf";
  const charset = whatwgEncoding.labelToName(capture.encoding) ?? "UTF-8";
  const name = `sanad-archive-${(capture.sha256 ?? "").replace(/[^0-9a-f]/g, "").slice(0, 12) || "copy"}.pdf`;
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "content-type": pdf ? "application/pdf" : `${html ? "text/html" : "text/plain"}; charset=${charset}`,
      ...(pdf ? { "content-disposition": `attachment; filename="${name}"` } : {}),
      "content-security-policy": ARCHIVE_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, max-age=0, no-store",
    },
  });
}
