import type { ClaimFields, ClaimType } from "./claim-types";

/**
 * Plain (JSON) views of what the shared article document holds. The Y.Doc layout lives in
 * lib/article-doc; everything outside it (UI, projection, exports, review) reads these.
 */

/** W3C TextPositionSelector + TextQuoteSelector; offsets are JS string indices into the body. */
export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export const CLAIM_STATUSES = ["draft", "researching", "needs_review", "changes_requested"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface SourceView {
  id: string;
  url: string;
  title: string;
  publisher: string;
  /** ISO date the source was published, or "" */
  date: string;
  /** URL of an archived copy (http/https) or "" */
  archivedUrl: string;
  note: string;
  addedBy: string;
  addedAt: string;
}

export interface CommentView {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
  editedAt: string | null;
}

export interface ClaimView {
  id: string;
  type: ClaimType;
  anchor: Anchor;
  fields: ClaimFields;
  status: ClaimStatus;
  verdict: string | null;
  /** Who last set the verdict (user id), for the four-eyes rule. */
  verdictBy: string | null;
  rationale: string;
  /** The checkable statement (lib/article-doc/statement); "" or absent when not written yet. */
  statement?: string;
  sources: SourceView[];
  comments: CommentView[];
  assigneeId: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** The parts of a claim a reviewer signs off on; what contentHash covers. */
export interface ReviewableContent {
  type: ClaimType;
  anchor: Anchor;
  fields: ClaimFields;
  verdict: string | null;
  rationale: string;
  /** Present only when the claim has a statement, so claims without one hash exactly as before. */
  statement?: string;
  sources: Array<Pick<SourceView, "url" | "title" | "publisher" | "date" | "archivedUrl" | "note">>;
}

export function reviewableContent(claim: ClaimView): ReviewableContent {
  return {
    type: claim.type,
    anchor: claim.anchor,
    fields: claim.fields,
    verdict: claim.verdict,
    rationale: claim.rationale,
    ...(claim.statement ? { statement: claim.statement } : {}),
    sources: claim.sources.map(({ url, title, publisher, date, archivedUrl, note }) => ({ url, title, publisher, date, archivedUrl, note })),
  };
}
