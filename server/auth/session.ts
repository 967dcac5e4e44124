import type { IncomingMessage } from "node:http";
import { parse as parseCookie } from "cookie";
import { decode, getToken } from "next-auth/jwt";
import { getDb, type Db } from "../db/client";
import { parseRole, type Actor } from "../../lib/policies";

/** What Sanad needs from a next-auth session token: who, and which session version it carries. */
export interface SessionClaims {
  userId: string;
  /** `User.sessionVersion` when the token was issued (absent in tokens from before it existed: 0). */
  version: number;
  /** Seconds since the epoch; the token is worthless afterwards. */
  expires: number;
}

const MAX_COOKIE_HEADER = 16_384;
const TOKEN_CACHE_MAX = 10_000;

/**
 * Decoded tokens by their exact text. Decrypting a next-auth JWE (HKDF + AES-GCM) is the
 * dominant cost of an upgrade storm; the same cookie always decodes to the same claims, so
 * this is safe to keep until the token expires. Bounded; per module graph.
 */
const tokenCache = new Map<string, SessionClaims>();

/** Parse a Cookie header and decode the next-auth session token in it (chunked cookies joined). */
export async function sessionClaims(cookieHeader: string | null | undefined): Promise<SessionClaims | null> {
  if (!cookieHeader || cookieHeader.length > MAX_COOKIE_HEADER) return null;
  let cookies: Record<string, string>;
  try {
    cookies = parseCookie(cookieHeader) as Record<string, string>;
  } catch {
    return null;
  }
  const secure = Object.keys(cookies).some((k) => k.startsWith("__Secure-next-auth.session-token"));
  const secret = process.env.NEXTAUTH_SECRET;
  // Only the cookie counts (headers: {} turns off getToken's Bearer fallback).
  const raw = await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie: secure, raw: true }).catch(() => null);
  if (!raw || typeof raw !== "string") return null;
  const now = Date.now() / 1000;
  const cached = tokenCache.get(raw);
  if (cached) return cached.expires > now ? cached : null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token: raw, secret: secret ?? "" });
  } catch {
    return null;
  }
  if (!payload?.sub) return null;
  const claims: SessionClaims = {
    userId: payload.sub,
    version: typeof payload.sv === "number" ? payload.sv : 0,
    expires: typeof payload.exp === "number" ? payload.exp : now + 60,
  };
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
  tokenCache.set(raw, claims);
  return claims;
}

/**
 * The actor for session claims, read fresh from the database: null when the user is gone, has
 * no valid role, is deactivated, or the token's session version is not the user's current one
 * (signed out since, on any device or process).
 */
export async function actorForClaims(claims: SessionClaims, db: Db = getDb()): Promise<{ actor: Actor; version: number } | null> {
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { id: true, name: true, email: true, role: true, sessionVersion: true, deactivatedAt: true } });
  const role = parseRole(user?.role);
  // Deactivation also bumps the version; the mark is checked too so no old token outlives it.
  if (!user || !role || user.sessionVersion !== claims.version || user.deactivatedAt) return null;
  return { actor: { id: user.id, name: user.name ?? user.email ?? "Unknown", role }, version: user.sessionVersion };
}

/** The signed-in actor of a request's Cookie header, checked against the database. */
export async function actorFromCookieHeader(cookieHeader: string | null | undefined, db?: Db): Promise<Actor | null> {
  const claims = await sessionClaims(cookieHeader);
  if (!claims) return null;
  return (await actorForClaims(claims, db))?.actor ?? null;
}

/**
 * True when the cookie is a valid, current session of an active account that has no role yet
 * (a first single sign-on, lib/policies NO_ROLE): the sign-in page tells the person to ask an
 * admin, instead of showing the form again without a word.
 */
export async function signedInWithoutRole(cookieHeader: string | null | undefined, db: Db = getDb()): Promise<boolean> {
  const claims = await sessionClaims(cookieHeader);
  if (!claims) return false;
  const user = await db.user.findUnique({ where: { id: claims.userId }, select: { role: true, sessionVersion: true, deactivatedAt: true } });
  return !!user && !parseRole(user.role) && user.sessionVersion === claims.version && !user.deactivatedAt;
}

/** For route handlers: the actor of this request (fresh database check, no Next request scope needed). */
export function actorFromRequest(req: Request): Promise<Actor | null> {
  return actorFromCookieHeader(req.headers.get("cookie"));
}

/** The signed-in actor for a page or server component; null when signed out or revoked. */
export async function currentActor(): Promise<Actor | null> {
  const { headers } = await import("next/headers");
  return actorFromCookieHeader((await headers()).get("cookie"));
}

/**
 * The WebSocket upgrade's authenticator, one per collab server: the same check as HTTP, with
 * the actor cached per user so a connection storm costs no database round trips. An entry is
 * used only for tokens of the same session version; `forget(userId)` drops it when the user
 * signs out or changes role (called directly in this process and through the relay from
 * others). `ttlMs` bounds staleness should a relay message be lost.
 */
export function createUpgradeAuthenticator(options: { db?: () => Db; ttlMs?: number; maxEntries?: number } = {}) {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 50_000;
  const db = options.db ?? getDb;
  const cache = new Map<string, { actor: Actor; version: number; at: number }>();
  /** Bumped by forget(): a lookup that started before it must not refill the cache. */
  const generation = new Map<string, number>();
  const stats = { hits: 0, misses: 0 };

  async function authenticate(req: IncomingMessage): Promise<Actor | null> {
    const claims = await sessionClaims(req.headers.cookie);
    if (!claims) return null;
    const entry = cache.get(claims.userId);
    if (entry && Date.now() - entry.at < ttlMs) {
      // A token older than the cached version was revoked; a newer one means the cache is stale.
      if (claims.version < entry.version) return null;
      if (claims.version === entry.version) {
        stats.hits++;
        return entry.actor;
      }
    }
    stats.misses++;
    const gen = generation.get(claims.userId) ?? 0;
    const found = await actorForClaims(claims, db());
    if (found && (generation.get(claims.userId) ?? 0) === gen) {
      if (cache.size >= maxEntries) cache.clear();
      cache.set(claims.userId, { ...found, at: Date.now() });
    }
    return found?.actor ?? null;
  }

  return {
    authenticate,
    forget(userId: string) {
      cache.delete(userId);
      generation.set(userId, (generation.get(userId) ?? 0) + 1);
      if (generation.size > maxEntries) generation.clear();
    },
    stats,
  };
}
export type UpgradeAuthenticator = ReturnType<typeof createUpgradeAuthenticator>;
