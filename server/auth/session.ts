import type { IncomingMessage } from "node:http";
import { parse as parseCookie } from "cookie";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { getDb } from "../db/client";
import { parseRole, type Actor } from "../../lib/policies";
import { authOptions } from "./options";

/** The signed-in actor for a page, route handler or server action; null when signed out. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user;
  const role = parseRole(user?.role);
  if (!user?.id || !role) return null;
  return { id: user.id, name: user.name ?? user.email ?? "Unknown", role };
}

/**
 * Verify the next-auth session of a raw WebSocket upgrade request. getToken reads
 * `req.cookies`, which a raw Node request does not have, so the Cookie header is parsed here
 * (chunked `.0`, `.1` cookies are joined by getToken). The role comes from the database, not
 * from the token, so a demoted user cannot keep editing through an old cookie.
 */
export async function actorFromUpgrade(req: IncomingMessage): Promise<Actor | null> {
  return actorFromCookieHeader(req.headers.cookie, req.headers);
}

/**
 * The actor of a next-auth session cookie in a raw Cookie header (WebSocket upgrades, and the
 * read-only /api/v1 endpoints), role read fresh from the database.
 */
export async function actorFromCookieHeader(header: string | undefined | null, headers: Record<string, unknown> = {}): Promise<Actor | null> {
  if (!header || header.length > 16_384) return null;
  const cookies = parseCookie(header) as Record<string, string>;
  const secure = Object.keys(cookies).some((k) => k.startsWith("__Secure-next-auth.session-token"));
  let token;
  try {
    token = await getToken({ req: { cookies, headers } as never, secret: process.env.NEXTAUTH_SECRET, secureCookie: secure });
  } catch {
    return null;
  }
  if (!token?.sub) return null;
  const user = await getDb().user.findUnique({ where: { id: token.sub }, select: { id: true, name: true, email: true, role: true } });
  const role = parseRole(user?.role);
  if (!user || !role) return null;
  return { id: user.id, name: user.name ?? user.email ?? "Unknown", role };
}
