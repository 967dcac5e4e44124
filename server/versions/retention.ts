import type { Db } from "../db/client";

/**
 * How long versions are kept. Every version is a full document state, and an article worked
 * on all day gets one every ten minutes plus one before each multi-claim deletion, so keeping
 * them all grows without bound. Thinned the way backup tools thin snapshots (grandfather-
 * father-son): everything from the last week; then the newest of each day for three months;
 * then the newest of each week. Saved-by-hand versions are never thinned, and neither is the
 * newest version of the article — so every state a person could have wanted back in the last
 * week is still there, and older work stays recoverable to within a day or a week.
 */
const RETENTION = { allDays: 7, dailyDays: 90 } as const;

const DAY = 86_400_000;

export interface VersionStamp { id: string; createdAt: Date; reason: string }

/** The ids to delete from one article's versions (any order in, pure). */
export function versionsToThin(versions: readonly VersionStamp[], now: Date, keep = RETENTION): string[] {
  const newestFirst = [...versions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const kept = new Set<string>();
  const drop: string[] = [];
  for (const v of newestFirst) {
    const age = now.getTime() - v.createdAt.getTime();
    if (v.reason === "manual" || age < keep.allDays * DAY) continue;
    // the bucket this version stands for: its UTC day while younger than dailyDays, else its week
    const day = Math.floor(v.createdAt.getTime() / DAY);
    const bucket = age < keep.dailyDays * DAY ? `d${day}` : `w${Math.floor((day + 3) / 7)}`; // weeks start on Monday (1970-01-01 was a Thursday)
    if (kept.has(bucket)) drop.push(v.id); // the first of each bucket (so the newest version of all) is kept
    else kept.add(bucket);
  }
  return drop;
}

/** Apply the retention rule to one article's versions; returns how many were deleted. */
export async function thinVersions(db: Db, articleId: string, now = new Date()): Promise<number> {
  const rows = await db.docVersion.findMany({
    where: { articleId, createdAt: { lt: new Date(now.getTime() - RETENTION.allDays * DAY) } },
    select: { id: true, createdAt: true, reason: true },
  });
  if (rows.length < 2) return 0;
  // The article's newest version is either younger than a week (not among the rows) or the newest row, which is kept.
  const ids = versionsToThin(rows, now);
  if (ids.length === 0) return 0;
  const { count } = await db.docVersion.deleteMany({ where: { articleId, id: { in: ids } } });
  return count;
}
