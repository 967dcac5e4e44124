import "server-only";
import whatwgEncoding from "whatwg-encoding";

/**
 * The Content-Security-Policy an archived page is served under: a sandbox (unique origin, no
 * scripts, no forms, no popups, no top navigation), nothing loaded from anywhere (a reader
 * opening an archived copy must not ping the original site or trackers), inline styles only
 * so the text stays readable, and framing only by Sanad's own archive page.
 */
export const ARCHIVE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The captured bytes as an inert response (HTML under ARCHIVE_CSP, anything else as plain text). */
export function inertCaptureResponse(bytes: Buffer, capture: { mediaType: string; encoding: string }): Response {
  const html = capture.mediaType === "text/html" || capture.mediaType === "application/xhtml+xml";
  const charset = whatwgEncoding.labelToName(capture.encoding) ?? "UTF-8";
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "content-type": `${html ? "text/html" : "text/plain"}; charset=${charset}`,
      "content-security-policy": ARCHIVE_CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "private, max-age=0, no-store",
    },
  });
}
