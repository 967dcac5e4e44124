import { z } from "zod";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";
import { foldText } from "../../lib/search/fold";
import { parseClaimReviewFeed } from "../../lib/similar/claim-review-feed";
import { parseInput } from "../../lib/validation";
import type { Db } from "../db/client";
import { fetchFeedText } from "./fetch-feed";

export const ZImportFeedInput = z.union([
  z.object({ url: z.string().trim().url().max(2000) }).strict(),
  z.object({ fileName: z.string().trim().min(1).max(200), content: z.string().min(2).max(5_000_000, "the file is larger than 5 MB") }).strict(),
]);
export type TImportFeedInput = z.input<typeof ZImportFeedInput>;

export interface ImportFeedResult {
  feed: string;
  imported: number;
  updated: number;
  skipped: number;
}

/**
 * An admin subscribes to another fact-checker's ClaimReview feed: by URL (fetched through the
 * private-address guard) or by uploading the file. Each review is stored once per feed and URL
 * (re-importing updates it) and indexed as a "checked before" candidate.
 */
export async function importClaimReviewFeed(options: { db: Db; actor: Actor; input: TImportFeedInput; fetchText?: (url: string) => Promise<string> }): Promise<ImportFeedResult> {
  const { db, actor } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can import ClaimReview feeds.");
  const input = parseInput(ZImportFeedInput, options.input);
  const feed = "url" in input ? input.url : `file:${input.fileName}`;
  const raw = "url" in input ? await (options.fetchText ?? fetchFeedText)(input.url) : input.content;
  let json: unknown;
  try { json = JSON.parse(raw); } catch { throw new AppError("INVALID_INPUT", "The feed is not JSON (expected ClaimReview JSON or JSON-LD).").withReason("feedNotJson"); }
  const { items, skipped } = parseClaimReviewFeed(json);
  if (items.length === 0) throw new AppError("INVALID_INPUT", `No ClaimReview with a claim and an http(s) URL was found${skipped ? ` (${skipped} incomplete ones skipped)` : ""}.`).withReason("feedEmpty");
  let imported = 0, updated = 0;
  for (let i = 0; i < items.length; i += 200) {
    await db.$transaction(async (tx) => {
      for (const item of items.slice(i, i + 200)) {
        const data = { ...item, feed, folded: foldText(item.claimReviewed), importedById: actor.id, importedAt: new Date() };
        const existing = await tx.externalClaimReview.findUnique({ where: { feed_url: { feed, url: item.url } }, select: { id: true } });
        const row = existing ? await tx.externalClaimReview.update({ where: { id: existing.id }, data }) : await tx.externalClaimReview.create({ data });
        if (existing) updated++; else imported++;
        const entry = {
          kind: "external", articleId: "", claimId: row.id, title: item.claimReviewed.slice(0, 300), text: item.claimReviewed, folded: data.folded,
          status: null, verdict: null, assigneeId: null, date: dayOrNow(item.datePublished),
        };
        await tx.searchEntry.upsert({ where: { key: `external:${row.id}` }, create: { key: `external:${row.id}`, ...entry }, update: entry });
      }
    }, { timeout: 60_000 });
  }
  return { feed, imported, updated, skipped };
}

function dayOrNow(day: string | null): Date {
  const d = day ? new Date(`${day}T00:00:00Z`) : new Date();
  return Number.isNaN(d.getTime()) ? new Date() : d;
}
