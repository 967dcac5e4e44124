/**
 * Arabic-aware normalisation with an offset map back to the original text.
 *
 * Every detector matches on the normalised string (digits folded to ASCII, diacritics and
 * tatweel removed, alef/taa marbuta/alef maqsura folded) so that one regex covers the many
 * spellings of the same word. Detections must still point into the ORIGINAL text, so we keep
 * `map[i]` = index in the original of normalised character i. All folds are 1:1 or deletions,
 * which keeps the map a single monotonic array.
 */
export interface Normalized {
  /** The original text, untouched. */
  orig: string;
  /** The normalised text used for matching. */
  norm: string;
  /** `map[i]` is the original index of `norm[i]`; `map[norm.length] === orig.length`. */
  map: Int32Array;
}

/** Fold table for the BMP: -1 = delete, 0 = keep as is, otherwise the replacement code unit. */
const FOLD = new Int32Array(0x10000);
(function buildFold() {
  const set = (from: number, to: number) => { FOLD[from] = to; };
  for (let i = 0; i < 10; i++) {
    set(0x0660 + i, 0x30 + i); // Arabic-Indic digits
    set(0x06f0 + i, 0x30 + i); // Persian / Urdu digits
  }
  // Harakat, Quranic marks, superscript alef, tatweel: removed for matching.
  for (let c = 0x064b; c <= 0x065f; c++) set(c, -1);
  set(0x0670, -1);
  for (let c = 0x06d6; c <= 0x06ed; c++) if (c !== 0x06de && c !== 0x06e9) set(c, -1);
  set(0x0640, -1); // tatweel
  // Invisible direction / joiner marks would otherwise split words.
  for (const c of [0x200c, 0x200d, 0x200e, 0x200f, 0x061c, 0xfeff]) set(c, -1);
  // Letter folds.
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) set(c, 0x0627); // آ أ إ ٱ -> ا
  set(0x0629, 0x0647); // ة -> ه
  set(0x0649, 0x064a); // ى -> ي
  set(0x06cc, 0x064a); // Persian yeh -> ي
  set(0x06a9, 0x0643); // keheh -> ك
  // Arabic punctuation that carries numeric meaning.
  set(0x066b, 0x2e); // ٫ decimal separator
  set(0x066c, 0x2c); // ٬ thousands separator
  set(0x066a, 0x25); // ٪ percent
  set(0x00a0, 0x20); // no-break space
})();

/** Normalise `text` for matching, keeping an index map back into it. Linear time. */
export function normalize(text: string): Normalized {
  const n = text.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = FOLD[c];
    if (f === -1) continue;
    out[j] = f === 0 ? c : f;
    map[j] = i;
    j++;
  }
  map[j] = n;
  let norm = "";
  // Chunked to stay below the argument limit of fromCharCode.
  for (let k = 0; k < j; k += 8192) norm += String.fromCharCode.apply(null, out.subarray(k, Math.min(j, k + 8192)) as unknown as number[]);
  return { orig: text, norm, map: map.subarray(0, j + 1) };
}

/** Map a normalised half-open range to the original text. Trailing removed marks (the
 * diacritics of the last letter) are included, leading ones are not. */
export function toOriginal(nz: Normalized, start: number, end: number): [number, number] {
  if (end <= start) return [nz.map[start], nz.map[start]];
  // Include diacritics after the last kept character, but not whitespace: map[end] is the next kept character.
  return [nz.map[start], nz.map[end]];
}

/** Fold a short lexicon entry or name the same way as the text (for comparisons). */
export function fold(s: string): string {
  return normalize(s).norm.replace(/\s+/g, " ").trim();
}
