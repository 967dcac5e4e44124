import type { Db } from "../db/client";

/** claimId -> URLs of the past checks it was linked to, for the publication snapshot (isBasedOn). */
export async function linkedUrlsByClaim(db: Db, articleId: string): Promise<Map<string, string[]>> {
  const links = await db.claimLink.findMany({ where: { articleId }, orderBy: { createdAt: "asc" }, select: { claimId: true, url: true } });
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l.claimId, [...(out.get(l.claimId) ?? []), l.url]);
  return out;
}
