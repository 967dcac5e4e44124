import { Readability } from "@mozilla/readability";
import htmlEncodingSniffer from "html-encoding-sniffer";
import { parseHTML } from "linkedom";
import whatwgEncoding from "whatwg-encoding";
import { buildArticle, type DraftBlock, type ParsedArticle } from "../../lib/article-text";
import { readPageMetadata, type PageMetadata } from "./page-metadata";

/**
 * A fetched HTML page -> the article Sanad checks: decode the bytes with the charset the
 * page declares (WHATWG sniffing: BOM, then the HTTP charset, then <meta charset>; Arabic
 * sites still serve windows-1256), read the metadata, let Readability find the article, keep
 * its headings and paragraphs, and drop furniture with the same rules as a paste.
 */

export interface ExtractedPage {
  article: ParsedArticle;
  metadata: PageMetadata;
  /** The WHATWG name of the encoding the bytes were decoded with. */
  encoding: string;
}

/** Decode HTML bytes per the WHATWG encoding sniffing algorithm (windows-1252 when nothing is declared). */
export function decodeHtml(bytes: Uint8Array, httpCharset: string | null): { html: string; encoding: string } {
  const transport = httpCharset ? whatwgEncoding.labelToName(httpCharset) : null;
  const encoding = htmlEncodingSniffer(bytes, { transportLayerEncodingLabel: transport ?? undefined, defaultEncoding: "windows-1252" });
  return { html: whatwgEncoding.decode(bytes, encoding), encoding };
}

const BLOCK_TAGS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "DIV", "SECTION", "ARTICLE", "UL", "OL", "FIGURE", "FIGCAPTION", "TABLE", "TR", "TD", "TH", "TBODY", "THEAD", "DL", "DT", "DD", "HEADER", "FOOTER", "ASIDE", "MAIN"]);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "BUTTON", "FORM", "NAV", "SVG", "FIGURE"]);

function textOf(el: Element): string {
  return (el.textContent ?? "").replace(/\s+/gu, " ").trim();
}

/** Headings and paragraphs of Readability's output, in order; nested blocks are not repeated. */
function blocksOf(root: Element, out: DraftBlock[] = []): DraftBlock[] {
  for (const child of Array.from(root.children)) {
    const tag = child.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (/^H[1-6]$/.test(tag)) {
      const t = textOf(child);
      if (t) out.push({ text: t, kind: "heading" });
      continue;
    }
    const hasBlockChild = Array.from(child.children).some((c) => BLOCK_TAGS.has(c.tagName.toUpperCase()));
    if (hasBlockChild) {
      blocksOf(child, out);
      continue;
    }
    const t = textOf(child);
    if (t) out.push({ text: t, kind: "paragraph" });
  }
  return out;
}

function withoutOutletSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return title.replace(new RegExp(`\\s*[|\\-–—:]\\s*${escaped}\\s*$`, "u"), "").trim() || title;
}

/**
 * Extract the article from HTML bytes. Throws an Error with a readable message when the page
 * has no article text (the caller maps it to an AppError).
 */
export function extractPage(bytes: Uint8Array, opts: { httpCharset: string | null; url: string }): ExtractedPage {
  const { html, encoding } = decodeHtml(bytes, opts.httpCharset);
  const { document } = parseHTML(html);
  const metadata = readPageMetadata(document as unknown as Document);
  const result = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!result?.content) throw new Error("no article text was found on the page");
  const { document: content } = parseHTML(`<!doctype html><html><body>${result.content}</body></html>`);
  let drafts = blocksOf(content.body as unknown as Element);
  const outlet = metadata.outlet ?? (result.siteName ? result.siteName.trim() : null);
  const title = withoutOutletSuffix(metadata.title ?? result.title ?? "", outlet);
  // Readability sometimes keeps the page's own <h1>: it is the title, not body text.
  if (drafts[0] && drafts[0].text === title) drafts = drafts.slice(1);
  const author = metadata.author ?? (result.byline ? result.byline.trim() : null);
  const language = (metadata.language ?? result.lang ?? "").split(/[-_]/)[0].toLowerCase() || undefined;
  const article = buildArticle(drafts, { title, outlet, author, language: language && /^[a-z]{2}$/.test(language) ? language : undefined });
  return { article, metadata: { ...metadata, outlet, author, title }, encoding };
}
