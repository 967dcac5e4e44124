/**
 * Read ClaimReview items out of another fact-checker's feed. Accepted shapes, as found in the
 * wild: one ClaimReview; an array of them; a JSON-LD document with "@graph"; a schema.org
 * DataFeed (Google's fact-check feed: dataFeedElement[].item[]); an ItemList
 * (itemListElement[].item). Items are read defensively: anything without a claim text and an
 * http(s) review URL is skipped and counted, never trusted as markup.
 */

export interface FeedClaimReview {
  url: string;
  claimReviewed: string;
  verdictLabel: string;
  publisher: string;
  language: string | null;
  datePublished: string | null;
}

export interface ParsedFeed {
  items: FeedClaimReview[];
  skipped: number;
}

const MAX_TEXT = 2000;
const MAX_ITEMS = 20_000;

function text(v: unknown, max = MAX_TEXT): string | null {
  if (typeof v === "string") return v.trim().slice(0, max) || null;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

function httpUrl(v: unknown): string | null {
  const s = text(v, 2000);
  if (!s) return null;
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === "object") return text((v as Record<string, unknown>).name, 200);
  return text(v, 200);
}

function isClaimReview(node: Record<string, unknown>): boolean {
  const t = node["@type"];
  return t === "ClaimReview" || (Array.isArray(t) && t.includes("ClaimReview"));
}

function toItem(node: Record<string, unknown>): FeedClaimReview | null {
  const claimReviewed = text(node.claimReviewed);
  const url = httpUrl(node.url);
  if (!claimReviewed || !url) return null;
  const rating = (Array.isArray(node.reviewRating) ? node.reviewRating[0] : node.reviewRating) as Record<string, unknown> | undefined;
  const verdictLabel = text(rating?.alternateName, 200) ?? text(rating?.ratingValue, 50) ?? "";
  const date = text(node.datePublished, 40);
  return {
    url,
    claimReviewed,
    verdictLabel,
    publisher: nameOf(node.author) ?? new URL(url).hostname,
    language: text(typeof node.inLanguage === "object" ? (node.inLanguage as Record<string, unknown>)?.name : node.inLanguage, 20),
    datePublished: date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null,
  };
}

/** Every ClaimReview in a parsed JSON value, wherever the known feed shapes put it. */
export function parseClaimReviewFeed(value: unknown): ParsedFeed {
  const items: FeedClaimReview[] = [];
  let skipped = 0;
  const seen = new Set<string>();
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0 && items.length < MAX_ITEMS) {
    const { v, depth } = stack.pop()!;
    if (depth > 8 || v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1 });
      continue;
    }
    const node = v as Record<string, unknown>;
    if (isClaimReview(node)) {
      const item = toItem(node);
      if (!item) skipped++;
      else if (!seen.has(item.url)) { seen.add(item.url); items.push(item); }
      continue;
    }
    for (const key of ["@graph", "dataFeedElement", "item", "itemListElement", "mainEntity"]) {
      if (key in node) stack.push({ v: node[key], depth: depth + 1 });
    }
  }
  return { items, skipped };
}
