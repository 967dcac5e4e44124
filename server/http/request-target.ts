/*
 * Rules the front door (server/main.ts) applies before Next, the metrics or the collaboration
 * server see a request.
 */

/**
 * An escaped NUL (`%00`) anywhere in the path or the query is refused with 400. PostgreSQL can
 * store U+0000 in neither text nor jsonb, so an id, a slug or a search with one failed in the
 * driver — a 500 on every route and page, and an upgrade refused as "unexpected". A raw NUL
 * never gets past Node's HTTP parser. JSON bodies have the same rule (server/http/route.ts
 * readJson).
 */
export function targetHasNul(url: string | undefined): boolean {
  return !!url && /%00/i.test(url);
}

export const NUL_TARGET_BODY = JSON.stringify({ error: "The address cannot contain the NUL character (%00).", code: "INVALID_INPUT", reason: "nulCharacter" });

/** next-auth's own POSTs (sign-in form, CSRF token, sign-out) are a few hundred bytes. */
export const AUTH_BODY_LIMIT = 64 * 1024;

/**
 * 413 or 411 for a body next-auth would read whole before looking at it (`await req.text()` in
 * next-auth/next): anyone, without a session, could otherwise make the server buffer an upload
 * of any size at /api/auth/*. A declared Content-Length over AUTH_BODY_LIMIT is refused before
 * a byte is read, and a body without a declared length (chunked) is refused there too — every
 * browser sends the length of a form. Sanad's own routes cap bodies while they stream in
 * (server/http/route.ts readBodyText). Null: let the request through.
 */
export function authBodyRefusal(method: string | undefined, url: string | undefined, headers: { "content-length"?: string; "transfer-encoding"?: string }): 411 | 413 | null {
  if (!url?.startsWith("/api/auth/") || method === "GET" || method === "HEAD") return null;
  const length = headers["content-length"];
  if (length === undefined) return headers["transfer-encoding"] ? 411 : null;
  return /^\d+$/.test(length.trim()) && Number(length) <= AUTH_BODY_LIMIT ? null : 413;
}
