import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";
import type { Db } from "../db/client";

/** Imported ClaimReview feeds with their review counts and last import, for the admin page. */
export async function listClaimReviewFeeds(options: { db: Db; actor: Actor }): Promise<Array<{ feed: string; reviews: number; lastImport: Date | null }>> {
  if (!canManageUsers(options.actor)) throw new AppError("FORBIDDEN", "Only admins can manage ClaimReview feeds.");
  const rows = await options.db.externalClaimReview.groupBy({ by: ["feed"], _count: { _all: true }, _max: { importedAt: true }, orderBy: { feed: "asc" } });
  return rows.map((r) => ({ feed: r.feed, reviews: r._count._all, lastImport: r._max.importedAt }));
}
