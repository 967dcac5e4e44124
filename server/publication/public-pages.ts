import { buildClaimReview, buildClaimReviewFeed } from "../../lib/publication/claim-review";
import { ZClaimReview, type ClaimReviewFeed, type ClaimReviewJsonLd } from "../../lib/publication/claim-review-schema";
import type { PublicationSnapshot, PublishedClaim } from "../../lib/publication/snapshot";
import type { Db } from "../db/client";
import { organisation, publicBaseUrl, publicPaths } from "./organisation";
import { asPublicationSnapshot, asRetractionSnapshot, type PublicationKind, type RetractionSnapshot } from "./stored-publication";

/**
 * What the public verdict pages (/v/...) and the feed read: ONLY frozen Publication
 * snapshots, never the live document, sign-offs, comments or users. No sign-in, no access
 * check: everything here is public by construction (the snapshot builder is an allow-list).
 */

/** One entry of the public correction log. */
export interface PublicVersion {
  version: number;
  kind: PublicationKind;
  publishedAt: string;
  /** The correction note (publish, version > 1) or retraction notice (retraction). */
  note: string | null;
}

export type PublicArticleView =
  | {
    state: "published";
    slug: string;
    snapshot: PublicationSnapshot;
    /** Every version, oldest first (the correction log). */
    versions: PublicVersion[];
    /** The newest published version; snapshot.version < latestVersion on an old version's page. */
    latestVersion: number;
  }
  | { state: "retracted"; slug: string; notice: RetractionSnapshot; versions: PublicVersion[] };

async function publicationsOf(db: Db, slug: string) {
  const rows = await db.publication.findMany({
    where: { slug },
    orderBy: { version: "asc" },
    select: { articleId: true, version: true, kind: true, snapshot: true, correctionNote: true, publishedAt: true },
  });
  if (rows.length === 0) return [];
  // A slug belongs to one article; should an old article's rows linger, the newest article wins.
  const articleId = rows.reduce((a, b) => (b.publishedAt > a.publishedAt ? b : a)).articleId;
  return rows.filter((r) => r.articleId === articleId);
}

/**
 * The public view of an article by slug: the latest published version (or `version` when
 * given), or the retraction notice when the latest publication is a retraction (old version
 * pages then show the notice too: retracted content is withdrawn). Null when nothing was ever
 * published under the slug or the version does not exist.
 */
export async function loadPublicArticle(db: Db, slug: string, version?: number): Promise<PublicArticleView | null> {
  const rows = await publicationsOf(db, slug);
  if (rows.length === 0) return null;
  const versions: PublicVersion[] = rows.map((r) => ({
    version: r.version, kind: r.kind === "retraction" ? "retraction" : "publish", publishedAt: r.publishedAt.toISOString(), note: r.correctionNote,
  }));
  const latest = rows[rows.length - 1];
  if (version !== undefined && !rows.some((r) => r.version === version)) return null;
  if (latest.kind === "retraction") {
    const notice = asRetractionSnapshot(latest.snapshot);
    return notice ? { state: "retracted", slug, notice, versions } : null;
  }
  const row = version === undefined ? latest : rows.find((r) => r.version === version && r.kind === "publish");
  const stored = row ? asPublicationSnapshot(row.snapshot) : null;
  if (!stored) return null;
  // Exclusion reasons are the reviewers' notes about unpublished claims: never public.
  const snapshot: PublicationSnapshot = { ...stored, excluded: [] };
  return { state: "published", slug, snapshot, versions, latestVersion: latest.version };
}

/** The absolute public URL of one claim's page (the ClaimReview `url`). */
export function claimPageUrl(slug: string, claimId: string): string {
  return `${publicBaseUrl()}${publicPaths.claim(slug, claimId)}`;
}

/** The ClaimReview JSON-LD of one published claim; the organisation comes from the environment. */
export function claimReviewFor(snapshot: PublicationSnapshot, claim: PublishedClaim): ClaimReviewJsonLd {
  return buildClaimReview({ snapshot, claim, claimUrl: claimPageUrl(snapshot.article.slug, claim.id), organisation: organisation() });
}

export type PublicClaimView =
  | { state: "published"; view: Extract<PublicArticleView, { state: "published" }>; claim: PublishedClaim; claimReview: ClaimReviewJsonLd | null }
  | { state: "retracted"; view: Extract<PublicArticleView, { state: "retracted" }> };

/**
 * One claim's public page: the claim from the latest published version with its ClaimReview
 * (null if it fails validation, so no broken markup is ever served), or the retraction notice.
 * Null when the claim is not in the latest published version.
 */
export async function loadPublicClaim(db: Db, slug: string, claimId: string): Promise<PublicClaimView | null> {
  const view = await loadPublicArticle(db, slug);
  if (!view) return null;
  if (view.state === "retracted") return { state: "retracted", view };
  const claim = view.snapshot.claims.find((c) => c.id === claimId);
  if (!claim) return null;
  const review = claimReviewFor(view.snapshot, claim);
  const checked = ZClaimReview.safeParse(review);
  if (!checked.success) console.error("[sanad] ClaimReview failed validation; omitted", { slug, claimId, issues: checked.error.issues.slice(0, 5) });
  return { state: "published", view, claim, claimReview: checked.success ? review : null };
}

/**
 * /v/feed.json: the ClaimReviews of every article whose latest publication is a publish
 * (retracted articles drop out), claims in article order.
 */
export async function loadClaimReviewFeed(db: Db): Promise<ClaimReviewFeed> {
  const rows = await db.publication.findMany({ orderBy: [{ articleId: "asc" }, { version: "asc" }], select: { articleId: true, kind: true, snapshot: true, publishedAt: true } });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.articleId, r);
  const snapshots = [...latest.values()]
    .filter((r) => r.kind === "publish")
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map((r) => asPublicationSnapshot(r.snapshot))
    .filter((s): s is PublicationSnapshot => s !== null)
    .map((s) => ({ ...s, organisation: organisation() }));
  return buildClaimReviewFeed(snapshots, { claimUrl: (s, c) => claimPageUrl(s.article.slug, c.id) });
}
