import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError } from "../../lib/errors";
import { describeZodError } from "../../lib/validation";
import type { Actor } from "../../lib/policies";
import { actorFromRequest } from "../auth/session";
import { isDatabaseBusy } from "../db/client";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { configuredOrigin } from "./public-origin";

/** JSON error body every route answers with: a message a person can read, and a code. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    // `error` is English for API clients and logs; `code` and `reason` are what the interface words.
    return NextResponse.json({ error: error.message, code: error.code, ...(error.reason && { reason: error.reason.key, params: error.reason.params }) }, { status: error.status });
  }
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: describeZodError(error), code: "INVALID_INPUT" },
      { status: 400 },
    );
  }
  if (isDatabaseBusy(error)) {
    return NextResponse.json({ error: "The database is busy. Try again in a moment.", code: "UNAVAILABLE" }, { status: 503, headers: { "retry-after": "1" } });
  }
  console.error("[sanad] route failed", error);
  return NextResponse.json({ error: "Something went wrong on the server.", code: "INTERNAL" }, { status: 500 });
}

/**
 * Read a JSON body with a size cap; malformed JSON is a 400, not a crash. The cap counts
 * characters (an Arabic character is two bytes in UTF-8 but one character, as in the zod
 * limits); it is enforced while the body streams in (readBodyText), so an oversized upload is
 * refused without being held in memory.
 */
export async function readJson(req: Request, maxChars = 1_000_000): Promise<unknown> {
  requireJsonType(req);
  return parseJson(await readBodyText(req, maxChars));
}

/** Like readJson, but an empty (or blank) body of any type is `{}` (publish: "no correction note"). */
export async function readOptionalJson(req: Request, maxChars = 1_000_000): Promise<unknown> {
  const text = await readBodyText(req, maxChars);
  if (text.trim() === "") return {};
  requireJsonType(req);
  return parseJson(text);
}

function requireJsonType(req: Request): void {
  // Only JSON: a cross-site <form> can send text/plain, never application/json without CORS.
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, refuseNul);
  } catch (e) {
    if (e instanceof AppError) throw e;
    // The reviver recurses: a body of 100,000 nested arrays ends here, not in a crash.
    if (e instanceof RangeError) throw new AppError("INVALID_INPUT", "request body is nested too deeply");
    throw new AppError("INVALID_INPUT", "request body is not valid JSON");
  }
}

/**
 * U+0000 in any string or key of a JSON body is refused (400). PostgreSQL can store it in
 * neither text nor jsonb, so it would fail later in the driver as a 500 — or, stored in SQLite,
 * differ from the same data on PostgreSQL. The address has the same rule (server/http/request-target.ts).
 */
function refuseNul(key: string, value: unknown): unknown {
  if (key.includes("\0") || (typeof value === "string" && value.includes("\0"))) throw nulCharacterError();
  return value;
}

export const nulCharacterError = () => new AppError("INVALID_INPUT", "text cannot contain the NUL character (U+0000)").withReason("nulCharacter");

/** UTF-8 encodes one UTF-16 code unit (what String#length counts) in at most 3 bytes. */
const MAX_UTF8_BYTES_PER_CHAR = 3;

/**
 * The request body as text, at most `maxChars` characters: 413 PAYLOAD_TOO_LARGE otherwise. A
 * declared Content-Length that cannot fit is refused before anything is read; the stream is
 * cancelled as soon as the bytes read cannot fit (3 bytes per character at most), so nobody —
 * not even someone without a session, on the invitation and reset routes — can make the
 * server buffer an upload of any size (`req.text()` reads it all before one could check).
 */
export async function readBodyText(req: Request, maxChars: number): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `request body is larger than ${maxChars} characters`);
  const maxBytes = maxChars * MAX_UTF8_BYTES_PER_CHAR;
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (text.length > maxChars) throw tooLarge();
  return text;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * May this request change state? Safe methods always; otherwise the browser's `Origin` (or,
 * without it, `Sec-Fetch-Site`) must name this app — `NEXTAUTH_URL`'s origin or the request's
 * own host — whatever the body or content type. Browsers send `Origin` on every cross-origin
 * POST/PATCH/DELETE, from forms and fetch alike; a request with neither header did not come
 * from a browser page, so it cannot carry a victim's cookie against their will.
 */
export function sameOriginRequest(req: Request): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return true;
  const origin = req.headers.get("origin");
  if (origin === null) {
    const site = req.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none";
  }
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false; // includes "null" (sandboxed frames, some redirects)
  }
  const allowed = new Set<string>();
  const host = req.headers.get("host");
  if (host) allowed.add(`${given.protocol}//${host}`.toLowerCase());
  // a malformed NEXTAUTH_URL allows nothing extra
  const configured = configuredOrigin();
  if (configured) allowed.add(configured.toLowerCase());
  return allowed.has(given.origin.toLowerCase());
}

/**
 * Route wrapper for every route handler: origin first for state-changing methods (403), then
 * the session (401 without one, checked against the database's session version), then the
 * handler; errors mapped once here.
 */
export function authed<C>(handler: (req: Request, actor: Actor, ctx: C) => Promise<Response>) {
  return originChecked<C>(async (req, ctx) => {
    const actor = await actorFromRequest(req);
    if (!actor) return NextResponse.json({ error: "Sign in first.", code: "UNAUTHENTICATED" }, { status: 401 });
    return handler(req, actor, ctx);
  });
}

/**
 * Route wrapper for the few state-changing routes a person uses before they have a session
 * (accepting an invitation, using a reset link), and the first half of `authed`: the Origin
 * check and the error mapping, without the session.
 */
export function originChecked<C>(handler: (req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      if (!sameOriginRequest(req)) return NextResponse.json({ error: "Cross-site request refused.", code: "FORBIDDEN" }, { status: 403 });
      return await handler(req, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** The client's address as main.ts recorded it (socket, or trusted proxies' X-Forwarded-For). */
export function requestAddress(req: Request): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
