import { z } from "zod";
import { AppError } from "../../lib/errors";
import { canEditArticle, canViewArticle, type Actor } from "../../lib/policies";
import { verdictLabel } from "../../lib/verdicts";
import { readLiveClaim, type LiveDeps } from "../claims/live-claim";
import { parseInput } from "../../lib/validation";
import { organisation, publicBaseUrl, publicPaths } from "../publication/organisation";

export const ZLinkClaimInput = z.object({
  targetKind: z.enum(["verdict", "external"]),
  /** verdict: "<articleId>:<claimId>" of a published claim; external: an ExternalClaimReview id. */
  targetId: z.string().regex(/^[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_-]{1,64})?$/),
}).strict();
export type TLinkClaimInput = z.input<typeof ZLinkClaimInput>;

export interface ClaimLinkView {
  id: string;
  targetKind: string;
  targetId: string;
  url: string;
  claimReviewed: string;
  verdictLabel: string;
  publisher: string;
  createdAt: string;
}

export const toLinkView = (l: Omit<ClaimLinkView, "createdAt"> & { createdAt: Date | string }): ClaimLinkView => ({
  id: l.id, targetKind: l.targetKind, targetId: l.targetId, url: l.url, claimReviewed: l.claimReviewed, verdictLabel: l.verdictLabel, publisher: l.publisher,
  createdAt: new Date(l.createdAt).toISOString(),
});

/**
 * Link a claim to a past verdict ("checked before"). The target is resolved on the server —
 * its text, verdict and URL are copied from our publication or the imported feed, never from
 * the request — and the claim must exist in the live document. Linking twice is a no-op.
 */
export async function linkClaim(options: LiveDeps & { actor: Actor; articleId: string; claimId: string; input: TLinkClaimInput }): Promise<ClaimLinkView> {
  const { db, actor, articleId, claimId } = options;
  if (!canEditArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can link claims to past checks.");
  const input = parseInput(ZLinkClaimInput, options.input);
  await readLiveClaim(options, articleId, claimId);
  const target = input.targetKind === "external" ? await externalTarget(options, input.targetId) : await verdictTarget(options, input.targetId, articleId);
  const key = { articleId, claimId, targetKind: input.targetKind, targetId: input.targetId };
  const link = await db.claimLink.upsert({
    where: { articleId_claimId_targetKind_targetId: key },
    create: { ...key, ...target, linkedById: actor.id },
    update: {},
  });
  return toLinkView(link);
}

async function externalTarget({ db }: LiveDeps, id: string) {
  const e = await db.externalClaimReview.findUnique({ where: { id } });
  if (!e) throw new AppError("NOT_FOUND", "No such imported ClaimReview.");
  return { url: e.url, claimReviewed: e.claimReviewed, verdictLabel: e.verdictLabel, publisher: e.publisher };
}

async function verdictTarget({ db }: LiveDeps, targetId: string, articleId: string) {
  const [targetArticle, targetClaim] = targetId.split(":");
  if (!targetClaim) throw new AppError("INVALID_INPUT", "targetId: expected <articleId>:<claimId> for a verdict");
  if (targetArticle === articleId) throw new AppError("INVALID_INPUT", "A claim cannot be based on a verdict in its own article.").withReason("ownArticleVerdict");
  const latest = await db.publication.findFirst({ where: { articleId: targetArticle }, orderBy: { version: "desc" } });
  const snapshot = latest?.kind === "publish" ? (latest.snapshot as unknown as { article: { language: string }; claims: Array<{ id: string; claimText: string; verdict: string }> }) : null;
  const claim = snapshot?.claims.find((c) => c.id === targetClaim);
  if (!latest || !snapshot || !claim) throw new AppError("NOT_FOUND", "That verdict is not published (or was retracted).");
  return {
    url: `${publicBaseUrl()}${publicPaths.claim(latest.slug, claim.id)}`,
    claimReviewed: claim.claimText, verdictLabel: verdictLabel(claim.verdict, snapshot.article.language), publisher: organisation().name,
  };
}

/** Remove a link (editors). Unknown ids are a 404 so a typo is not silently "done". */
export async function unlinkClaim(options: LiveDeps & { actor: Actor; articleId: string; claimId: string; linkId: string }): Promise<void> {
  const { db, actor, articleId, claimId, linkId } = options;
  if (!canEditArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can unlink claims.");
  const { count } = await db.claimLink.deleteMany({ where: { id: linkId, articleId, claimId } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such link.");
}

/** Links of a claim, newest first (everyone who can read the article). */
export async function claimLinks(options: LiveDeps & { actor: Actor; articleId: string; claimId: string }): Promise<ClaimLinkView[]> {
  if (!canViewArticle(options.actor)) throw new AppError("FORBIDDEN", "You may not read this article.");
  const rows = await options.db.claimLink.findMany({ where: { articleId: options.articleId, claimId: options.claimId }, orderBy: { createdAt: "desc" } });
  return rows.map(toLinkView);
}
