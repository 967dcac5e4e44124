/**
 * Article metadata from a page's <head>: JSON-LD (NewsArticle and kin), Open Graph and plain
 * <meta> tags, in that order of trust. Read before Readability runs, because Readability
 * mutates the document. Every value is untrusted text: trimmed, length-capped, never HTML.
 */

export interface PageMetadata {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD as the page states it (the publisher's calendar day). */
  publishedDate: string | null;
  language: string | null;
  canonicalUrl: string | null;
}

const ARTICLE_TYPES = new Set(["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "Report", "WebPage"]);

function clean(value: unknown, max = 300): string | null {
  if (typeof value !== "string") return null;
  const t = value.replace(/\s+/gu, " ").trim();
  return t ? t.slice(0, max) : null;
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? clean(names.join(", ")) : null;
  }
  if (typeof value === "string") return /^https?:\/\//i.test(value) ? null : clean(value);
  if (value && typeof value === "object") return clean((value as Record<string, unknown>).name);
  return null;
}

/** YYYY-MM-DD from an ISO-ish date string, or null. */
export function dayOf(value: unknown): string | null {
  const t = clean(value, 60);
  if (!t) return null;
  const m = t.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

function typesOf(node: Record<string, unknown>): string[] {
  const t = node["@type"];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : typeof t === "string" ? [t] : [];
}

/** Every object node in JSON-LD (top level, arrays, @graph). */
function nodesOf(data: unknown, out: Array<Record<string, unknown>> = [], depth = 0): Array<Record<string, unknown>> {
  if (depth > 4 || !data) return out;
  if (Array.isArray(data)) data.forEach((d) => nodesOf(d, out, depth + 1));
  else if (typeof data === "object") {
    const node = data as Record<string, unknown>;
    out.push(node);
    if (Array.isArray(node["@graph"])) nodesOf(node["@graph"], out, depth + 1);
  }
  return out;
}

function jsonLdArticle(doc: Document): Record<string, unknown> | null {
  let fallback: Record<string, unknown> | null = null;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // broken JSON-LD is common; the other sources still count
    }
    for (const node of nodesOf(data)) {
      const types = typesOf(node);
      if (types.some((t) => t !== "WebPage" && ARTICLE_TYPES.has(t))) return node;
      if (!fallback && types.includes("WebPage")) fallback = node;
    }
  }
  return fallback;
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = clean(el?.getAttribute("content"));
    if (v) return v;
  }
  return null;
}

/** Read the metadata described in the file header from a parsed page. */
export function readPageMetadata(doc: Document): PageMetadata {
  const ld = jsonLdArticle(doc);
  const publisher = ld?.publisher;
  const canonical = clean(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), 2000) ?? meta(doc, "og:url");
  const metaAuthor = meta(doc, "author", "article:author", "byl", "parsely-author", "sailthru.author");
  return {
    title: clean(ld?.headline) ?? meta(doc, "og:title", "twitter:title") ?? clean(doc.querySelector("title")?.textContent),
    outlet: nameOf(publisher) ?? meta(doc, "og:site_name", "application-name"),
    author: nameOf(ld?.author) ?? (metaAuthor && !/^https?:\/\//i.test(metaAuthor) ? metaAuthor.replace(/^(?:by|بقلم)\s*:?\s*/iu, "") : null),
    publishedDate: dayOf(ld?.datePublished) ?? dayOf(meta(doc, "article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "DC.date.issued", "parsely-pub-date", "sailthru.date")) ?? dayOf(doc.querySelector("time[datetime]")?.getAttribute("datetime")),
    language: clean(ld?.inLanguage, 20) ?? clean(doc.documentElement?.getAttribute("lang"), 20) ?? meta(doc, "og:locale")?.replace("_", "-") ?? null,
    canonicalUrl: canonical,
  };
}
