/**
 * Text folding for search and "checked before": ONE function turns text into comparable
 * tokens, used both when indexing and when querying, so the two always agree.
 *
 * Arabic: diacritics (harakat, shadda, sukun, superscript alef) and tatweel are dropped;
 * أ إ آ ٱ -> ا, ى ی -> ي, ة -> ه, ؤ -> و, ئ -> ي, ک -> ك; Arabic-Indic and Persian digits -> ASCII.
 * Clitics and suffixes are stripped by word shape, in the manner of Larkey's light10 stemmer:
 * a leading و on words of 4+ letters, one of ال وال بال كال فال لل (or a lone ب ل ف ك on words
 * of 5+ letters), then suffixes ها ان ات ون ين يه ه ي while a stem of 3+ letters remains:
 * "والحكومة" and "حكومات" both become "حكوم". Stripping a root letter (وزارة -> زار) is harmless
 * for matching because the query goes through the same function; it only conflates rare pairs.
 *
 * English (and other Latin script): NFKD with combining marks removed, lower-cased, and a
 * light suffix strip (plural -s/-es/-ies, -ing, -ed, -ly) so "meetings" finds "meeting".
 *
 * Why not a library: the npm Arabic stemmers we could find are either unmaintained snowball
 * ports that over-stem (ISRI) or need dictionaries; this is ~60 lines, pure and tested.
 */

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const LETTER_MAP: Record<string, string> = {
  "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
  "\u0649": "\u064A", "\u06CC": "\u064A", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064A", "\u06A9": "\u0643",
};
const ARABIC_LETTER = /[\u0621-\u064A]/;

const AR_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال"];
const AR_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

const CHAR_MAP: Record<string, string> = { ...LETTER_MAP };
for (let d = 0; d < 10; d++) {
  CHAR_MAP[String.fromCharCode(0x0660 + d)] = String(d);
  CHAR_MAP[String.fromCharCode(0x06f0 + d)] = String(d);
}
const CHAR_CLASS = `[${Object.keys(CHAR_MAP).join("")}]`;
const CHAR_RE = new RegExp(CHAR_CLASS, "g");
// A separate non-global test: a /g regex's test() keeps state between calls.
const HAS_CHAR = new RegExp(CHAR_CLASS);

/** Arabic-Indic and Persian digits to ASCII, Arabic letter variants to their base letter. */
function normaliseChars(word: string): string {
  return HAS_CHAR.test(word) ? word.replace(CHAR_RE, (ch) => CHAR_MAP[ch]) : word;
}

/** Light Arabic stem: a conjunction, an article-like prefix or a lone preposition, then suffixes. */
export function stemArabic(word: string): string {
  let w = word;
  if (w.length >= 4 && w.startsWith("و")) w = w.slice(1);
  const article = AR_PREFIXES.find((p) => w.startsWith(p) && w.length - p.length >= 2);
  if (article) w = w.slice(article.length);
  // بقرار، لمجلس، فقال، كذلك: a lone proclitic only on long words, where it is rarely a root letter.
  else if (w.length >= 5 && /^[بلفك]/.test(w)) w = w.slice(1);
  for (const s of AR_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) w = w.slice(0, -s.length);
  }
  return w;
}

/** Light English stem: enough to join plurals and -ing/-ed forms, never below 3 letters. */
export function stemLatin(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith("ly")) w = w.slice(0, -2);
  // "meeting" -> "meet", "signed" -> "sign"; a doubled final consonant is undone (stopped -> stop).
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && w.length > 3 && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** A word as it appears in text, with its position (for highlighting). */
export interface WordSpan {
  start: number;
  end: number;
  token: string;
}

// Letters, marks and digits of any script; tatweel and diacritics are inside words.
/** A word: letters, marks and digits of any script (global; use with matchAll). */
export const WORD = /[\p{L}\p{M}\p{Nd}\u0640]+/gu;

/** Fold one raw word to its token ("" when nothing is left). */
export function foldWord(raw: string): string {
  // Fast path: plain ASCII words (most English text) need no Unicode work.
  if (ASCII_WORD.test(raw)) {
    const w = raw.toLowerCase();
    return DIGITS.test(w) ? w : stemLatin(w);
  }
  let w = normaliseChars(raw.replace(ARABIC_DIACRITICS, ""));
  if (ARABIC_LETTER.test(w)) return stemArabic(w);
  w = w.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  return DIGITS.test(w) ? w : stemLatin(w);
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;
const DIGITS = /^\d+$/;

/** Every word of a text with its offsets and folded token (empty tokens dropped). */
export function foldSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) {
    const token = foldWord(m[0]);
    if (token) spans.push({ start: m.index!, end: m.index! + m[0].length, token });
  }
  return spans;
}

/** Folded tokens of a text, in order (duplicates kept: term frequency matters to BM25). */
export function foldTokens(text: string): string[] {
  return foldSpans(text).map((s) => s.token);
}

/** The folded text stored in the search index and matched by the database: tokens joined by spaces. */
export function foldText(text: string): string {
  return foldTokens(text).join(" ");
}
