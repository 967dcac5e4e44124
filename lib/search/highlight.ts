import { foldSpans, foldTokens, foldWord, WORD } from "./fold";

/**
 * Highlighting as data, never HTML: the server returns a snippet and the character ranges
 * that matched; the page renders text nodes and <mark> elements from `segments()`, so user
 * text is never parsed as markup. Matching uses the same folding as the index, with the same
 * prefix rule the databases apply (a query token of 2+ characters matches a word whose token starts with
 * it; a one-character token only the same word).
 */

export interface Snippet {
  text: string;
  /** [start, end) ranges into `text`, sorted, not overlapping. */
  ranges: Array<[number, number]>;
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** The query's tokens as the index sees them (duplicates removed). */
export function queryTokens(query: string): string[] {
  return [...new Set(foldTokens(query))];
}

/**
 * A window of `radius` characters either side of the first match (the whole text when it is
 * short), with every match inside it marked. Cuts happen at whitespace and are shown as "…".
 */
export function snippet(text: string, tokens: string[], radius = 90): Snippet {
  const matches = (token: string) => tokens.some((t) => (t.length > 1 ? token.startsWith(t) : token === t));
  // Only the words up to the first match are folded (article bodies run to 500,000 characters).
  let centre = -1;
  for (const m of text.matchAll(WORD)) {
    if (matches(foldWord(m[0]))) { centre = m.index!; break; }
  }
  let from = 0, to = text.length;
  if (text.length > radius * 2) {
    const at = Math.max(centre, 0);
    from = Math.max(0, at - radius);
    to = Math.min(text.length, at + radius);
    while (from > 0 && !/\s/.test(text[from - 1]) && at - from < radius + 20) from--;
    while (to < text.length && !/\s/.test(text[to]) && to - at < radius + 20) to++;
  }
  const prefix = from > 0 ? "…" : "";
  const suffix = to < text.length ? "…" : "";
  const window = text.slice(from, to);
  const ranges: Array<[number, number]> = centre < 0 ? [] : foldSpans(window)
    .filter((s) => matches(s.token))
    .map((s) => [s.start + prefix.length, s.end + prefix.length]);
  return { text: prefix + window + suffix, ranges };
}

/** Split a snippet into plain and marked segments for rendering as text nodes. */
export function segments({ text, ranges }: Snippet): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}
