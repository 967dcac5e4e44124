import type { ClaimType, ClaimFields } from "../claim-types";
import { normalize, toOriginal, type Normalized } from "./normalize";

/** A detection before sorting and de-duplication (same shape as the public one). */
export interface RawDetection {
  type: ClaimType;
  start: number;
  end: number;
  text: string;
  fields: ClaimFields;
  confidence: number;
  /** Quotes only: the words as a checkable sentence with the speaker («قال X: «…»», `X said "…"`);
   * absent when the speaker is unknown. */
  statement?: string;
}

/** Everything a detector needs: the normalised text plus options. */
export interface DetectContext {
  nz: Normalized;
  lang: "ar" | "en";
  /** Publication date, YYYY-MM-DD, for resolving relative dates. */
  publishedAt: string | null;
}

/** Build a context (normalisation is done once and shared by all detectors). */
export function makeContext(text: string, lang: "ar" | "en", publishedAt?: string | null): DetectContext {
  return { nz: normalize(text), lang, publishedAt: publishedAt ?? null };
}

/** Letters and digits of the scripts we handle; used for word-boundary lookarounds because
 * `\b` only knows ASCII word characters. */
export const WCH = "A-Za-z0-9\\u00C0-\\u024F\\u0621-\\u064A\\u066E-\\u06D3\\u06FA-\\u06FF";
/** Start-of-word lookbehind. */
export const WB = `(?<![${WCH}])`;
/** End-of-word lookahead. */
export const WE = `(?![${WCH}])`;
/** Optional Arabic proclitics (and, so, with, for, like) that attach to the next word. */
export const PFX = "(?:[وف]?[بلك]?)";

/** Make a detection from a normalised range. */
export function mk(ctx: DetectContext, type: ClaimType, ns: number, ne: number, fields: ClaimFields, confidence: number): RawDetection {
  let [s, e] = toOriginal(ctx.nz, ns, ne);
  // Spans never start or end with whitespace (a regex may have consumed some).
  const o = ctx.nz.orig;
  while (e > s && /\s/.test(o[e - 1])) e--;
  while (s < e && /\s/.test(o[s])) s++;
  return { type, start: s, end: e, text: ctx.nz.orig.slice(s, e), fields, confidence };
}

/** Remove Arabic proclitics that a regex allowed at the start of a normalised range. */
export function skipPrefix(norm: string, start: number, word: string): number {
  // `word` is the bare form; the match may have 0-2 proclitic letters before it.
  for (let k = 0; k <= 3; k++) if (norm.startsWith(word, start + k)) return start + k;
  return start;
}

/** Index of the start of the sentence containing `pos` (after . ! ? ؟ or a newline), looking
 * back at most `max` characters (text without punctuation would otherwise make every call
 * scan to the beginning). */
export function sentenceStart(norm: string, pos: number, max = 2000): number {
  const lo = Math.max(0, pos - max);
  for (let i = pos - 1; i >= lo; i--) {
    const c = norm.charCodeAt(i);
    if (c === 10 || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f) {
      // A decimal point between digits does not end a sentence.
      if (c === 0x2e && i > 0 && i + 1 < norm.length && isDigit(norm.charCodeAt(i - 1)) && isDigit(norm.charCodeAt(i + 1))) continue;
      return i + 1;
    }
  }
  return lo;
}

/** Index of the end of the sentence containing `pos` (exclusive, before the terminator). */
export function sentenceEnd(norm: string, pos: number): number {
  for (let i = pos; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 10 || c === 0x21 || c === 0x3f || c === 0x61f) return i;
    if (c === 0x2e && !(i > 0 && i + 1 < norm.length && isDigit(norm.charCodeAt(i - 1)) && isDigit(norm.charCodeAt(i + 1)))) return i;
  }
  return norm.length;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** ISO helpers. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
export function isoDay(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}
export function isoMonth(y: number, m: number): string {
  return `${y}-${pad2(m)}`;
}

/** Marks taken ranges of the normalised text so later matches can skip overlaps in
 * O(span length) instead of scanning every earlier detection (that was quadratic). */
export class Occupancy {
  private used: Uint8Array;
  constructor(n: number) { this.used = new Uint8Array(n + 1); }
  free(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (this.used[i]) return false;
    return true;
  }
  take(s: number, e: number): void { this.used.fill(1, s, e); }
}

/** First index in `arr` (sorted by start) whose start is >= `pos`. */
export function lowerBound<T extends { start: number }>(arr: T[], pos: number): number {
  let lo = 0, hi = arr.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (arr[mid].start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}
