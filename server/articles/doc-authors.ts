import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import type { LiveDeps } from "../claims/live-claim";
import { createDocAccess } from "../persistence/doc-access";

/** A Yjs client id of an article's document and the user the server bound it to. */
/** `name: null`: the user has no name (or is gone); the client words it in the reader's language. */
export type DocAuthors = Record<string, { id: string; name: string | null }>;

/**
 * Who writes with each Yjs client id of an article (server/collab/authorship.ts), with names
 * (never emails), so the workspace shows a comment's vouched author instead of the name its
 * writer put in the document.
 */
export async function listDocAuthors(options: LiveDeps & { actor: Actor; articleId: string }): Promise<DocAuthors> {
  const { db, actor, articleId } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access to this article.");
  const docs = options.docs ?? createDocAccess(db, options.collab?.registry ?? null, options.collab?.guard?.bindings ?? null);
  const users = await docs.clientUsers(articleId);
  const ids = [...new Set(users.values())];
  const named = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(named.map((u) => [u.id, u.name]));
  const out: DocAuthors = {};
  for (const [client, userId] of users) out[String(client)] = { id: userId, name: names.get(userId) ?? null };
  return out;
}
