import type { Db } from "../db/client";
import type { Actor } from "../../lib/policies";

export interface ApiTokenListItem {
  id: string;
  name: string;
  prefix: string;
  scopes: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The actor's own tokens, newest first (never the hash; the secret is not stored at all). */
export async function listApiTokens(options: { db: Db; actor: Actor }): Promise<ApiTokenListItem[]> {
  const rows = await options.db.apiToken.findMany({ where: { userId: options.actor.id }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    id: r.id, name: r.name, prefix: r.prefix, scopes: r.scopes, createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
