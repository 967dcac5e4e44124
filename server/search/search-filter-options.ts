import { AppError } from "../../lib/errors";
import { canViewArticle, type Actor } from "../../lib/policies";
import type { Db } from "../db/client";
import { listTeam } from "../users/list-users";

/** What the search page's filters offer: recent articles (id, title) and the team (for "assignee"). */
export async function searchFilterOptions(options: { db: Db; actor: Actor }): Promise<{ articles: Array<{ id: string; title: string }>; team: Array<{ id: string; name: string | null }> }> {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "You may not search articles.");
  const [articles, team] = await Promise.all([
    db.article.findMany({ select: { id: true, title: true }, orderBy: { createdAt: "desc" }, take: 200 }),
    listTeam({ db, actor }),
  ]);
  return { articles, team };
}
