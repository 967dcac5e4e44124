import type { Anchor, ClaimView, ReviewableContent } from "../claim-model";
import type { ClaimFields, ClaimType } from "../claim-types";
import { AppError } from "../errors";
import { verdictByKey, verdictLabel } from "../verdicts";

/**
 * The frozen publication snapshot: everything the public verdict page (/v/<slug>) and the
 * ClaimReview markup render, copied at the moment of publication. The public page renders
 * this, never the live document, so it must hold only what a reviewer approved and nothing
 * that was never meant to be public: no comments, assignees, user ids or emails. The builder
 * copies field by field (an allow-list) rather than deleting known-private keys, so a field
 * added to ClaimView later stays private until someone decides to publish it.
 */

export type TextDirection = "rtl" | "ltr";

/** Sanad's own archived copy of a source (server/archive), served at /v/<slug>/archive/<id>. */
export interface PublishedCapture {
  id: string;
  sha256: string;
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
}

/** A source as published: the reviewable parts of a source, nothing about who added it. */
export type PublishedSource = ReviewableContent["sources"][number] & { capture?: PublishedCapture };

export interface PublishedClaim {
  id: string;
  type: ClaimType;
  anchor: Anchor;
  fields: ClaimFields;
  /** Verdict key from lib/verdicts. */
  verdict: string;
  /** Verdict label in the article's language. */
  verdictLabel: string;
  /** Numeric ClaimReview value, null for verdicts off the true/false axis (unverifiable, satire). */
  ratingValue: number | null;
  rationale: string;
  sources: PublishedSource[];
  /** The approving reviewer's display name only: never an id or an email. */
  reviewedBy: { name: string };
  /** ISO timestamp of the approval. */
  reviewedAt: string;
  /** What is claimed: the quoted words for quotes, else the anchored text. */
  claimText: string;
  /**
   * The checkable statement a reader understands without the article (ClaimReview's
   * claimReviewed). Absent only in snapshots published before statements existed.
   */
  statement?: string;
  /** The quote's speaker; null for other types or when unknown. */
  speaker: string | null;
  /** Past checks this verdict relies on ("checked before" links): absolute http(s) URLs. Absent when none. */
  basedOn?: string[];
}

export interface PublicationSnapshot {
  article: {
    id: string;
    slug: string;
    title: string;
    outlet: string;
    sourceUrl: string;
    /** BCP 47 language tag of the article ("ar", "en", …). */
    language: string;
    direction: TextDirection;
    /** When the original article was published (ISO), or null when unknown. */
    publishedAt: string | null;
    body: string;
  };
  claims: PublishedClaim[];
  /** Claims deliberately left out of this publication, with the reviewer's public reason. */
  excluded: Array<{ id: string; reason: string }>;
  /** ISO timestamp of this publication. */
  publishedAt: string;
  /** 1 for the first publication, +1 for each correction. */
  version: number;
  correctionNote: string | null;
  organisation: { name: string; url: string };
}

/** A claim with its approval: the reviewer's name and time only, never their email. */
export interface ApprovedClaimInput {
  claim: ClaimView;
  reviewerName: string;
  approvedAt: string | Date;
  /** URLs of the past checks the claim was linked to; non-http(s) ones are dropped. */
  basedOn?: string[];
}

export interface BuildPublicationSnapshotInput {
  article: Omit<PublicationSnapshot["article"], "direction" | "publishedAt"> & {
    /** Defaults from the language (rtl for Arabic, Hebrew, Persian, Urdu…). */
    direction?: TextDirection;
    publishedAt: string | Date | null;
  };
  approved: ApprovedClaimInput[];
  excluded?: Array<{ id: string; reason: string }>;
  publishedAt: string | Date;
  version: number;
  correctionNote?: string | null;
  organisation: { name: string; url: string };
  /** Sanad's latest archived copy of each source URL, linked from the public page. */
  captures?: Record<string, PublishedCapture>;
}

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "sd", "ckb", "dv", "yi", "ug"]);

/** Text direction for a BCP 47 tag, from its primary language subtag. */
export function directionFor(language: string): TextDirection {
  return RTL_LANGUAGES.has(language.toLowerCase().split("-")[0]) ? "rtl" : "ltr";
}

function toIso(value: string | Date, what: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError("INVALID_INPUT", `${what} is not a valid date`);
  return date.toISOString();
}

/** The text a claim asserts: the quoted words for a quote (when filled in), else the anchored text. */
export function claimTextOf(claim: Pick<ClaimView, "type" | "fields" | "anchor">): string {
  if (claim.type === "quote" && "words" in claim.fields && claim.fields.words.trim()) return claim.fields.words.trim();
  return claim.anchor.exact;
}

/** The quote's speaker, or null for non-quotes and unnamed speakers. */
export function speakerOf(claim: Pick<ClaimView, "type" | "fields">): string | null {
  if (claim.type !== "quote" || !("speaker" in claim.fields)) return null;
  return claim.fields.speaker?.trim() || null;
}

function httpUrls(urls: string[] | undefined): string[] {
  return [...new Set((urls ?? []).filter((u) => { try { return /^https?:$/.test(new URL(u).protocol); } catch { return false; } }))];
}

function publishClaim({ claim, reviewerName, approvedAt, basedOn }: ApprovedClaimInput, language: string, captures: Record<string, PublishedCapture>): PublishedClaim {
  const links = httpUrls(basedOn);
  const verdict = verdictByKey(claim.verdict);
  if (!verdict) throw new AppError("INVALID_INPUT", `claim ${claim.id} has no valid verdict and cannot be published`);
  if (!reviewerName.trim()) throw new AppError("INVALID_INPUT", `claim ${claim.id} has no reviewer name`);
  const { start, end, exact, prefix, suffix } = claim.anchor;
  return {
    id: claim.id,
    type: claim.type,
    anchor: { start, end, exact, prefix, suffix },
    // Fields are approved content (speaker, place, resolution number); deep-copied so a later
    // edit of the live object cannot reach into the snapshot.
    fields: JSON.parse(JSON.stringify(claim.fields)) as ClaimFields,
    verdict: verdict.key,
    verdictLabel: verdictLabel(verdict.key, language),
    ratingValue: verdict.value,
    rationale: claim.rationale,
    sources: claim.sources.map(({ url, title, publisher, date, archivedUrl, note }) => {
      const capture = Object.hasOwn(captures, url) ? captures[url] : undefined;
      return { url, title, publisher, date, archivedUrl, note, ...(capture ? { capture: { id: capture.id, sha256: capture.sha256, fetchedAt: capture.fetchedAt } } : {}) };
    }),
    reviewedBy: { name: reviewerName.trim() },
    reviewedAt: toIso(approvedAt, `approval time of claim ${claim.id}`),
    claimText: claimTextOf(claim),
    ...(claim.statement?.trim() ? { statement: claim.statement.trim() } : {}),
    speaker: speakerOf(claim),
    ...(links.length > 0 ? { basedOn: links } : {}),
  };
}

/**
 * Builds the snapshot from approved claims. Throws AppError INVALID_INPUT for a claim without
 * a verdict, a claim both approved and excluded (or listed twice), a bad date or version, and
 * a correction (version > 1) without a correction note: corrections must be visible.
 * Claims are ordered by their position in the article so the page and markup are stable.
 */
export function buildPublicationSnapshot(input: BuildPublicationSnapshotInput): PublicationSnapshot {
  const { article } = input;
  if (!Number.isInteger(input.version) || input.version < 1) throw new AppError("INVALID_INPUT", "version must be a positive integer");
  const correctionNote = input.correctionNote?.trim() || null;
  if (input.version > 1 && !correctionNote) throw new AppError("INVALID_INPUT", "a corrected publication (version > 1) needs a correction note");

  const seen = new Set<string>();
  const claimIds = [...input.approved.map((a) => a.claim.id), ...(input.excluded ?? []).map((e) => e.id)];
  for (const id of claimIds) {
    if (seen.has(id)) throw new AppError("INVALID_INPUT", `claim ${id} is listed more than once (approved or excluded)`);
    seen.add(id);
  }

  const claims = input.approved
    .map((a) => publishClaim(a, article.language, input.captures ?? {}))
    .sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      outlet: article.outlet,
      sourceUrl: article.sourceUrl,
      language: article.language,
      direction: article.direction ?? directionFor(article.language),
      publishedAt: article.publishedAt === null ? null : toIso(article.publishedAt, "article publication date"),
      body: article.body,
    },
    claims,
    excluded: (input.excluded ?? []).map(({ id, reason }) => ({ id, reason: reason.trim() })),
    publishedAt: toIso(input.publishedAt, "publication time"),
    version: input.version,
    correctionNote,
    organisation: { name: input.organisation.name, url: input.organisation.url },
  };
}
