import { z } from "zod";
import { CLAIM_STATUSES } from "../../lib/claim-model";
import type { ArticleListItem } from "../articles/list-articles";

/**
 * Response shapes of /api/v1, as zod schemas so the OpenAPI document is generated from the
 * same definitions as the request schemas (which live beside their operations).
 */
export const ZError = z.object({ error: z.string(), code: z.string() });

export const ZArticleSummary = z.object({
  id: z.string(), slug: z.string(), title: z.string(), outlet: z.string().nullable(), language: z.string(), direction: z.enum(["rtl", "ltr"]).or(z.string()),
  createdAt: z.string(), claimsByStatus: z.record(z.string(), z.number().int()), verdictsDrafted: z.number().int(),
  publication: z.object({ version: z.number().int(), slug: z.string(), kind: z.enum(["publish", "retraction"]), publishedAt: z.string() }).nullable(),
});

export function toArticleSummary(a: ArticleListItem): z.infer<typeof ZArticleSummary> {
  return { ...a, createdAt: a.createdAt.toISOString(), publication: a.publication && { ...a.publication, kind: a.publication.kind as "publish" | "retraction", publishedAt: a.publication.publishedAt.toISOString() } };
}

export const ZDecision = z.object({
  decision: z.enum(["approved", "changes_requested", "excluded"]), contentHash: z.string(), note: z.string(),
  reviewerId: z.string(), reviewerName: z.string(), at: z.string(),
});

export const ZClaim = z.looseObject({
  id: z.string(), articleId: z.string(), type: z.string(), status: z.enum(CLAIM_STATUSES), verdict: z.string().nullable(),
  anchor: z.object({ start: z.number().int(), end: z.number().int(), exact: z.string(), prefix: z.string(), suffix: z.string() }),
  fields: z.record(z.string(), z.unknown()), rationale: z.string(), sources: z.array(z.record(z.string(), z.unknown())),
  assigneeId: z.string().nullable(), createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  contentHash: z.string().describe("SHA-256 of the reviewable content; send it with a sign-off"),
  decision: ZDecision.nullable(),
});

export const ZArticleWithClaims = z.object({
  article: z.object({
    id: z.string(), slug: z.string(), title: z.string(), outlet: z.string().nullable(), language: z.string(), direction: z.string(),
    sourceUrl: z.string().nullable(), publishedAt: z.string().nullable(), createdAt: z.string(), body: z.string(),
    blocks: z.array(z.object({ kind: z.enum(["heading", "paragraph"]), start: z.number().int(), end: z.number().int() })),
  }),
  claims: z.array(ZClaim),
  publication: z.object({ version: z.number().int(), slug: z.string(), kind: z.string(), publishedAt: z.string(), url: z.string() }).nullable(),
});

export const ZPublication = z.object({
  id: z.string(), articleId: z.string(), slug: z.string(), version: z.number().int(), kind: z.enum(["publish", "retraction"]),
  correctionNote: z.string().nullable(), publishedAt: z.string(), url: z.string(),
  snapshot: z.record(z.string(), z.unknown()).describe("The frozen public content of this version"),
});

export const ZImportedArticle = z.object({ id: z.string(), slug: z.string(), title: z.string(), language: z.string(), direction: z.string() });
export const ZSignOffResult = z.object({
  articleId: z.string(),
  signOff: z.object({ id: z.string(), claimId: z.string(), decision: z.string(), note: z.string(), contentHash: z.string(), reviewerId: z.string(), createdAt: z.string() }),
});
export const ZPublishResult = z.object({ slug: z.string(), version: z.number().int(), url: z.string() });
