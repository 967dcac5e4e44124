import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import whatwgEncoding from "whatwg-encoding";
import { decodeHtml } from "../articles/extract-page";

/**
 * The readable text of an archived page: Readability's article text when it finds one, else
 * the page's visible text, as paragraphs separated by blank lines. Stored beside the HTML so
 * the archived copy can be shown as plain text, which cannot run anything.
 */
export function readableSnapshot(bytes: Uint8Array, mediaType: string, charset: string | null): { text: string; title: string; encoding: string } {
  if (mediaType === "text/plain") {
    const encoding = (charset && whatwgEncoding.labelToName(charset)) || "UTF-8";
    return { text: whatwgEncoding.decode(bytes, encoding).slice(0, 2_000_000), title: "", encoding };
  }
  const { html, encoding } = decodeHtml(bytes, charset);
  const { document } = parseHTML(html);
  const title = (document.querySelector("title")?.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 500);
  let root: Element | null = null;
  try {
    const parsed = new Readability(document as unknown as Document).parse();
    if (parsed?.content) root = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document.body as unknown as Element;
  } catch {
    root = null;
  }
  if (!root) {
    const { document: whole } = parseHTML(html);
    for (const el of Array.from(whole.querySelectorAll("script,style,noscript,template,svg"))) el.remove();
    root = whole.body as unknown as Element;
  }
  const blocks = Array.from(root?.querySelectorAll("h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,figcaption") ?? [])
    .filter((el) => !el.querySelector("p,li,h1,h2,h3,h4,h5,h6,blockquote"))
    .map((el) => (el.textContent ?? "").replace(/\s+/gu, " ").trim())
    .filter(Boolean);
  const text = (blocks.length ? blocks.join("\n\n") : (root?.textContent ?? "").replace(/\s+/gu, " ").trim()).slice(0, 2_000_000);
  return { text, title, encoding };
}
