import { isBylineLine, isFurnitureLine } from "./page-furniture";

/**
 * Turning pasted or captured article text into the immutable body the team checks.
 * Pure: used by the importer on the server and by the import page's preview.
 */

export interface Block {
  kind: "heading" | "paragraph";
  /** JS string offsets into the body */
  start: number;
  end: number;
}

export interface ParsedArticle {
  title: string;
  outlet: string | null;
  body: string;
  blocks: Block[];
  language: string;
  direction: "rtl" | "ltr";
  dropped: string[];
}

/**
 * Page furniture on a line of its own (share/comment/follow prompts, "read also" links, a
 * byline repeated in the body). One rule set for paste and fetch: lib/page-furniture.
 */
export function isFurniture(line: string, author?: string | null): boolean {
  return isFurnitureLine(line) || isBylineLine(line, author);
}

const RTL_LANGUAGES = new Set(["ar", "fa", "ur", "he", "ps", "ku"]);

/** Arabic script vs Latin letters decide between "ar" and "en"; enough for our newsrooms. */
export function detectTextLanguage(text: string): string {
  let arabic = 0;
  let latin = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return arabic > latin ? "ar" : "en";
}

export function directionOf(language: string): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(language.split("-")[0].toLowerCase()) ? "rtl" : "ltr";
}

/** A short line with no sentence-ending punctuation between paragraphs is a heading. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 70) return false;
  if (/[.!?؟:;؛,،"»”)]$/u.test(t)) return false;
  return t.split(/\s+/u).length <= 8;
}

/**
 * Parse article text. With `header: true` (the seed/capture format), line 1 is the headline
 * and line 2 the outlet. Line endings are normalised to "\n"; everything else in kept lines
 * is preserved exactly, because claims anchor into it.
 */
export function parseArticleText(raw: string, opts: { header?: boolean; title?: string; outlet?: string | null; language?: string; author?: string | null } = {}): ParsedArticle {
  const lines = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[ \t\u00a0]+$/u, ""));
  let title = opts.title?.trim() ?? "";
  let outlet = opts.outlet?.trim() || null;
  let rest = lines;
  if (opts.header) {
    const nonEmpty = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trim() !== "");
    if (nonEmpty.length < 3) throw new Error("expected a headline line, an outlet line and at least one paragraph");
    title = title || nonEmpty[0][0].trim();
    outlet = outlet ?? nonEmpty[1][0].trim();
    rest = lines.slice(nonEmpty[1][1] + 1);
  }
  const drafts: DraftBlock[] = rest.filter((l) => l.trim() !== "").map((l) => ({ text: l }));
  return buildArticle(drafts, { title, outlet, language: opts.language, author: opts.author });
}

/** A block of article text before furniture removal; kind omitted = decide by looksLikeHeading. */
export interface DraftBlock {
  text: string;
  kind?: Block["kind"];
}

/**
 * Build the immutable body from blocks (paste: one per line; fetch: the page's headings and
 * paragraphs): furniture dropped, each block trimmed and joined with "\n", offsets recorded.
 */
export function buildArticle(drafts: DraftBlock[], opts: { title: string; outlet?: string | null; language?: string; author?: string | null }): ParsedArticle {
  const title = opts.title.trim();
  const dropped: string[] = [];
  const kept: DraftBlock[] = [];
  for (const d of drafts) {
    const text = d.text.replace(/\s*\n\s*/gu, " ").trim();
    if (text === "") continue;
    if (isFurniture(text, opts.author)) dropped.push(text);
    else kept.push({ text, kind: d.kind });
  }
  if (kept.length === 0) throw new Error("the article has no text");
  if (!title) throw new Error("the article needs a title");
  const blocks: Block[] = [];
  let body = "";
  kept.forEach((d, i) => {
    if (i > 0) body += "\n";
    const start = body.length;
    body += d.text;
    const isLast = i === kept.length - 1;
    const kind = d.kind ?? (!isLast && looksLikeHeading(d.text) ? "heading" : "paragraph");
    blocks.push({ kind, start, end: body.length });
  });
  const language = opts.language || detectTextLanguage(body);
  return { title, outlet: opts.outlet?.trim() || null, body, blocks, language, direction: directionOf(language), dropped };
}
