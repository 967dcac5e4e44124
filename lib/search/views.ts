import type { Snippet } from "./highlight";

/**
 * The shapes search and "checked before" answer with, shared by the server operations that
 * build them and the components that render them (components may not import server/).
 */

/** What can be found. */
export const SEARCH_KINDS = ["article", "claim", "source", "verdict"] as const;

/** One search hit. */
export interface SearchResult {
  kind: (typeof SEARCH_KINDS)[number];
  articleId: string;
  articleTitle: string;
  claimId: string | null;
  title: string;
  snippet: Snippet;
  status: string | null;
  verdict: string | null;
  date: string;
  /** Where the result opens: the workspace at the claim, or the article. */
  href: string;
}

/** A past check offered as "checked before". `targetId` is what linkClaim takes. */
export interface SimilarCheck {
  targetKind: "verdict" | "external";
  targetId: string;
  claimReviewed: string;
  verdictLabel: string;
  publisher: string;
  url: string;
  date: string | null;
  score: number;
  linked: boolean;
}
