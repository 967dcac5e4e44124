import type { Db } from "../db/client";
import { parseScopes, type ApiScope } from "../../lib/api-tokens";
import { parseRole, type Actor } from "../../lib/policies";
import { hashToken, looksLikeToken } from "./token-secret";

/** How stale `lastUsedAt` may get before a request rewrites it (one write per minute, not per request). */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenPrincipal {
  actor: Actor;
  scopes: ApiScope[];
  tokenId: string;
}

/**
 * The person behind a bearer token, or null (unknown, malformed or revoked token, or a user
 * who no longer exists, is deactivated or has no valid role). The role is read from the user row on every
 * call, so a demoted person's old token can do no more than their current role allows.
 */
export async function authenticateToken(db: Db, token: string, now = new Date()): Promise<TokenPrincipal | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) return null;
  const user = await db.user.findUnique({ where: { id: row.userId }, select: { id: true, name: true, email: true, role: true, deactivatedAt: true } });
  const role = parseRole(user?.role);
  if (!user || !role || user.deactivatedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { actor: { id: user.id, name: user.name ?? user.email ?? "Unknown", role }, scopes: parseScopes(row.scopes), tokenId: row.id };
}

/** The token in `Authorization: Bearer <token>`, or null when the header is absent or another scheme. */
export function bearerToken(header: string | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m ? m[1] : null;
}
