import { z } from "zod";
import { AppError } from "../../lib/errors";
import { canPublish, type Actor } from "../../lib/policies";
import { directionFor } from "../../lib/publication/snapshot";
import { recordAudit } from "../audit/record-audit";
import type { LiveDeps } from "../claims/live-claim";
import { parseInput } from "../../lib/validation";
import { loadDecisions } from "../review/decisions";
import { emitEvent } from "../webhooks/emit-event";
import { organisation, publicBaseUrl, publicPaths } from "./organisation";
import { asPublicationSnapshot, type RetractionSnapshot } from "./stored-publication";
import { publicPathsOf } from "./publish-article";
import { indexPublishedVerdicts } from "../search/index-claims";

export const ZRetractArticleInput = z.object({
  note: z.string().trim().min(1, "say why the fact-check is retracted").max(4000, "the note is longer than 4000 characters"),
}).strict();
export type TRetractArticleInput = z.input<typeof ZRetractArticleInput>;

export interface RetractArticleOptions extends LiveDeps {
  actor: Actor;
  articleId: string;
  /** Untrusted input, validated here (TRetractArticleInput). */
  input: unknown;
  now?: Date;
}

/**
 * Retract a published fact-check: a new Publication version of kind "retraction" whose
 * snapshot holds only the article's identity and the public notice. The public URL keeps
 * answering (200) with the notice; the ClaimReviews leave the feed. Refused (409) when the
 * article is not currently published.
 */
export async function retractArticle(options: RetractArticleOptions) {
  const { db, actor, articleId } = options;
  if (!canPublish(actor)) throw new AppError("FORBIDDEN", "Only reviewers and admins can retract a publication.");
  const input = parseInput(ZRetractArticleInput, options.input);
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, slug: true, title: true, outlet: true, sourceUrl: true, language: true, direction: true } });
  if (!article) throw new AppError("NOT_FOUND", "No such article.");
  const latest = await db.publication.findFirst({ where: { articleId }, orderBy: { version: "desc" } });
  if (!latest || latest.kind !== "publish") throw new AppError("CONFLICT", latest ? "This fact-check is already retracted." : "This article has not been published.").withReason(latest ? "alreadyRetracted" : "notPublished");

  const retractedAt = options.now ?? new Date();
  const version = latest.version + 1;
  const snapshot: RetractionSnapshot = {
    retraction: true,
    article: {
      id: article.id, slug: article.slug, title: article.title, outlet: article.outlet ?? "", sourceUrl: article.sourceUrl ?? "", language: article.language,
      direction: article.direction === "rtl" || article.direction === "ltr" ? article.direction : directionFor(article.language),
    },
    note: input.note,
    retractedAt: retractedAt.toISOString(),
    retractedVersion: latest.version,
    organisation: organisation(),
  };
  try {
    await db.$transaction(async (tx) => {
      const created = await tx.publication.create({
        data: { articleId, slug: article.slug, version, kind: "retraction", snapshot: snapshot as unknown as object, correctionNote: input.note, publishedById: actor.id, publishedAt: retractedAt },
      });
      await recordAudit(tx, {
        articleId, actorId: actor.id, action: "publication.retracted",
        before: { version: latest.version, kind: latest.kind }, after: { publicationId: created.id, version, note: input.note }, at: retractedAt,
      });
    });
  } catch (e) {
    if ((e as { code?: string })?.code === "P2002") throw new AppError("CONFLICT", "The publication changed at the same moment. Reload and try again.").withReason("publicationRace");
    throw e;
  }
  options.collab?.publishDecisions(articleId, await loadDecisions(db, articleId));
  await emitEvent(db, "article.retracted", {
    article: { id: article.id, slug: article.slug, title: article.title }, version, retractedVersion: latest.version, note: input.note,
    url: publicBaseUrl() + publicPaths.article(article.slug), retractedAt: retractedAt.toISOString(), retractedBy: { id: actor.id, name: actor.name },
  });
  const claimIds = asPublicationSnapshot(latest.snapshot)?.claims.map((c) => c.id) ?? [];
  await indexPublishedVerdicts(db, articleId);
  return { slug: article.slug, version, url: publicPaths.article(article.slug), paths: [...publicPathsOf(article.slug, claimIds), ...Array.from({ length: latest.version }, (_, i) => publicPaths.version(article.slug, i + 1))] };
}
