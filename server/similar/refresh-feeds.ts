import { canManageUsers, parseRole } from "../../lib/policies";
import type { Db } from "../db/client";
import { fetchFeedText } from "./fetch-feed";
import { importClaimReviewFeed, type ImportFeedResult } from "./import-claim-review-feed";

/**
 * Feeds subscribed by URL are fetched again once a day, so "checked before" learns of other
 * fact-checkers' new verdicts without an admin re-importing by hand. A feed is due when its
 * last import is older than `maxAgeMs`. The refresh acts as the admin who last imported the
 * feed, and only while that person is still an active admin: a demoted or deactivated admin's
 * subscriptions stop.
 * Uploaded files (`file:…`) have nothing to fetch.
 *
 * Several processes (PostgreSQL): each may refresh a due feed; re-importing is an upsert per
 * (feed, review URL), so a double refresh costs a fetch, never a duplicate.
 */
export interface FeedRefreshOptions {
  db: Db;
  log?: (msg: string, extra?: Record<string, unknown>) => void;
  /** A feed older than this is fetched again (default a day; SANAD_FEED_REFRESH_HOURS). */
  maxAgeMs?: number;
  /** How often due feeds are looked for (default an hour). */
  everyMs?: number;
  fetchText?: (url: string) => Promise<string>;
  now?: () => Date;
}

export type FeedRefreshOutcome = { feed: string; result: ImportFeedResult } | { feed: string; skipped: string } | { feed: string; error: string };

const HOUR = 3_600_000;

function defaultMaxAge(): number {
  const hours = Number(process.env.SANAD_FEED_REFRESH_HOURS);
  return Number.isFinite(hours) && hours > 0 ? hours * HOUR : 24 * HOUR;
}

/** Refresh every URL feed whose last import is older than the limit; one at a time. */
export async function refreshDueFeeds(opts: FeedRefreshOptions): Promise<FeedRefreshOutcome[]> {
  const { db } = opts;
  const now = (opts.now ?? (() => new Date()))();
  const cutoff = new Date(now.getTime() - (opts.maxAgeMs ?? defaultMaxAge()));
  const feeds = await db.externalClaimReview.groupBy({ by: ["feed"], where: { OR: [{ feed: { startsWith: "http://" } }, { feed: { startsWith: "https://" } }] }, _max: { importedAt: true } });
  const out: FeedRefreshOutcome[] = [];
  for (const f of feeds) {
    if (!f._max.importedAt || f._max.importedAt >= cutoff) continue;
    const latest = await db.externalClaimReview.findFirst({ where: { feed: f.feed }, orderBy: { importedAt: "desc" }, select: { importedById: true } });
    const user = latest ? await db.user.findUnique({ where: { id: latest.importedById }, select: { id: true, name: true, role: true, deactivatedAt: true } }) : null;
    const role = parseRole(user?.role);
    const actor = user && role && !user.deactivatedAt ? { id: user.id, name: user.name ?? "", role } : null;
    if (!actor || !canManageUsers(actor)) {
      out.push({ feed: f.feed, skipped: "the admin who subscribed it is no longer an active admin" });
      continue;
    }
    try {
      const result = await importClaimReviewFeed({ db, actor, input: { url: f.feed }, fetchText: opts.fetchText ?? fetchFeedText });
      out.push({ feed: f.feed, result });
    } catch (e) {
      out.push({ feed: f.feed, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** The in-process schedule (started by server/main.ts). */
export function startFeedRefresh(opts: FeedRefreshOptions): { stop(): Promise<void> } {
  const log = opts.log ?? (() => {});
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = refreshDueFeeds(opts)
      .then((outcomes) => {
        for (const o of outcomes) {
          if ("error" in o) log("feed refresh failed", { feed: o.feed, error: o.error });
          else if ("skipped" in o) log("feed refresh skipped", { feed: o.feed, why: o.skipped });
          else log("feed refreshed", { ...o.result });
        }
      })
      .catch((e) => log("feed refresh failed", { error: String(e) }))
      .finally(() => { running = null; });
  };
  const timer = setInterval(tick, opts.everyMs ?? HOUR);
  timer.unref();
  const first = setTimeout(tick, 60_000);
  first.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}
