import { z } from "zod";
import type { ClaimView } from "../../lib/claim-model";
import { AppError } from "../../lib/errors";
import { canPublish, type Actor } from "../../lib/policies";
import { buildPublicationSnapshot, directionFor, type PublicationSnapshot, type PublishedCapture } from "../../lib/publication/snapshot";
import { recordAudit } from "../audit/record-audit";
import type { LiveDeps } from "../claims/live-claim";
import { parseInput } from "../../lib/validation";
import { loadDecisions } from "../review/decisions";
import { emitEvent } from "../webhooks/emit-event";
import { assessArticle } from "./assess-article";
import { indexPublishedVerdicts } from "../search/index-claims";
import { linkedUrlsByClaim } from "../similar/linked-urls";
import { organisation, publicBaseUrl, publicPaths } from "./organisation";

export const MAX_CORRECTION_NOTE = 4000;

export const ZPublishArticleInput = z.object({
  /** Required from the second version on: what was corrected, shown on the public page. */
  correctionNote: z.string().trim().max(MAX_CORRECTION_NOTE, `the correction note is longer than ${MAX_CORRECTION_NOTE} characters`).optional(),
}).strict();
export type TPublishArticleInput = z.input<typeof ZPublishArticleInput>;

export interface PublishArticleOptions extends LiveDeps {
  actor: Actor;
  articleId: string;
  /** Untrusted input, validated here (TPublishArticleInput). */
  input?: unknown;
  /** Publication time (tests, seed); defaults to now. */
  now?: Date;
}

export interface PublishArticleResult {
  slug: string;
  version: number;
  /** Public path of the article page, e.g. /v/<slug>. */
  url: string;
  /** Public paths whose cached pages this publication changes (for revalidatePath). */
  paths: string[];
  snapshot: PublicationSnapshot;
}

/** The newest archived copy of each source URL of the article (captures with a sourceId). */
async function latestSourceCaptures(db: LiveDeps["db"], articleId: string): Promise<Record<string, PublishedCapture>> {
  const rows = await db.pageCapture.findMany({
    where: { articleId, sourceId: { not: null } },
    orderBy: { fetchedAt: "asc" },
    select: { id: true, requestedUrl: true, sha256: true, fetchedAt: true },
  });
  const out: Record<string, PublishedCapture> = {};
  for (const r of rows) out[r.requestedUrl] = { id: r.id, sha256: r.sha256, fetchedAt: r.fetchedAt.toISOString() };
  return out;
}

/** Prisma's unique-constraint violation (two publishes racing for the same version). */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/**
 * Publish (or republish, as a correction) an article: a reviewer or admin freezes the
 * approved content of every claim into a Publication snapshot, the next version under the
 * article's slug. Refused (409) while any claim is neither approved — with the approval still
 * holding — nor excluded; a version after the first needs a correction note (400). The
 * approved content comes from each SignOff's snapshot, whose hash equals the live claim's, so
 * what is published is exactly what the reviewer approved.
 */
export async function publishArticle(options: PublishArticleOptions): Promise<PublishArticleResult> {
  const { db, actor, articleId } = options;
  if (!canPublish(actor)) throw new AppError("FORBIDDEN", "Only reviewers and admins can publish.");
  const input = parseInput(ZPublishArticleInput, options.input ?? {});

  const assessment = await assessArticle(options, articleId);
  const { article } = assessment;
  const latest = await db.publication.findFirst({ where: { articleId }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (latest?.version ?? 0) + 1;
  const correctionNote = input.correctionNote || null;
  if (version > 1 && !correctionNote) {
    throw new AppError("INVALID_INPUT", "This article was published before: a correction note saying what changed is required.").withReason("correctionNoteRequired");
  }
  if (!assessment.publishable) {
    throw new AppError("CONFLICT", `The article cannot be published yet: ${assessment.blockers.join(" ")}`, { blockers: assessment.blockers }).withReason("publishBlocked");
  }

  const reviewerIds = [...new Set(assessment.approved.map((a) => a.signOff.reviewerId))];
  const reviewers = await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } });
  const names = new Map(reviewers.map((r) => [r.id, r.name?.trim() || "Reviewer"]));
  const publishedAt = options.now ?? new Date();
  const basedOn = await linkedUrlsByClaim(db, articleId);

  const snapshot = buildPublicationSnapshot({
    captures: await latestSourceCaptures(db, articleId),
    article: {
      id: article.id, slug: article.slug, title: article.title, outlet: article.outlet ?? "", sourceUrl: article.sourceUrl ?? "",
      language: article.language, direction: article.direction === "rtl" || article.direction === "ltr" ? article.direction : directionFor(article.language),
      publishedAt: article.publishedAt, body: article.body,
    },
    approved: assessment.approved.map(({ live, signOff, content }) => ({
      // The approved content (the sign-off snapshot); identity from the live claim.
      claim: { ...live.claim, ...content, sources: content.sources.map((s, i) => ({ ...s, id: String(i), addedBy: "", addedAt: "" })), comments: [] } satisfies ClaimView,
      reviewerName: names.get(signOff.reviewerId) ?? "Reviewer",
      approvedAt: signOff.createdAt,
      basedOn: basedOn.get(live.claim.id),
    })),
    excluded: assessment.excluded,
    publishedAt,
    version,
    correctionNote,
    organisation: organisation(),
  });

  try {
    await db.$transaction(async (tx) => {
      const created = await tx.publication.create({
        data: { articleId, slug: article.slug, version, kind: "publish", snapshot: snapshot as unknown as object, correctionNote, publishedById: actor.id, publishedAt },
      });
      await recordAudit(tx, {
        articleId, actorId: actor.id, action: version === 1 ? "publication.published" : "publication.corrected",
        before: latest ? { version: latest.version } : null,
        after: { publicationId: created.id, version, slug: article.slug, correctionNote, claims: snapshot.claims.map((c) => c.id), excluded: snapshot.excluded.map((e) => e.id) },
        at: publishedAt,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Someone else published this article at the same moment. Reload and check the latest version.").withReason("publicationRace");
    throw e;
  }

  options.collab?.publishDecisions(articleId, await loadDecisions(db, articleId));
  await indexPublishedVerdicts(db, articleId);
  await emitEvent(db, version === 1 ? "article.published" : "article.corrected", {
    article: { id: article.id, slug: article.slug, title: article.title }, version, url: publicBaseUrl() + publicPaths.article(article.slug), correctionNote,
    claims: snapshot.claims.map((c) => c.id), publishedAt: publishedAt.toISOString(), publishedBy: { id: actor.id, name: actor.name },
  });
  return {
    slug: article.slug,
    version,
    url: publicPaths.article(article.slug),
    paths: publicPathsOf(article.slug, snapshot.claims.map((c) => c.id)),
    snapshot,
  };
}

/** Every public path of an article (page, claim pages, feed) for cache revalidation. */
export function publicPathsOf(slug: string, claimIds: string[]): string[] {
  return [publicPaths.article(slug), ...claimIds.map((id) => publicPaths.claim(slug, id)), publicPaths.feed()];
}
