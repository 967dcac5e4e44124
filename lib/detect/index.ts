import type { ClaimType } from "../claim-types";
import { makeContext, type RawDetection } from "./util";
import { detectDates } from "./dates";
import { detectNumbers } from "./numbers";
import { detectResolutions } from "./resolutions";
import { detectAgreements } from "./agreements";
import { detectMeetings } from "./meetings";
import { detectQuotes } from "./quotes";
import { detectEntities } from "./entities";

/**
 * Claim-candidate detection for Arabic and English news text. Pure functions, no I/O: runs
 * in the browser on every workspace load.
 */

/** One candidate claim. `text === input.slice(start, end)`; offsets are UTF-16 indices into
 * the original (unnormalised) input. `fields` pass `parseClaimFields(type, fields)`. */
export type Detection = RawDetection;

/** Options for detectClaims. */
export interface DetectOptions {
  /** Language of the text; detected when absent. */
  lang?: "ar" | "en";
  /** Publication date YYYY-MM-DD, used to resolve relative and year-less dates. */
  publishedAt?: string;
  /** Also report people with titles, organisations and places as `entity` claims (off by
   * default: they are many, and speakers and participants already use them). */
  entities?: boolean;
}

/** "ar" when Arabic letters outnumber Latin letters (first 20,000 characters), else "en". */
export function detectLanguage(text: string): "ar" | "en" {
  let ar = 0, la = 0;
  const n = Math.min(text.length, 20_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0xfb50 && c <= 0xfeff)) ar++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) la++;
  }
  return ar > la ? "ar" : "en";
}

/** Types whose spans win over a number inside them (a year in a date, 2259 in a resolution). */
const CONTAINERS: ClaimType[] = ["date", "un_resolution", "agreement"];

/**
 * Detect claim candidates (quotes, meetings, UN resolutions, dates, numbers, agreements, and
 * entities when asked),
 * sorted by start (then by end, then type). Deterministic and linear-ish in the text length.
 */
export function detectClaims(text: string, opts: DetectOptions = {}): Detection[] {
  if (!text) return [];
  const lang = opts.lang ?? detectLanguage(text);
  const publishedAt = opts.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(opts.publishedAt) ? opts.publishedAt : null;
  const ctx = makeContext(text, lang, publishedAt);
  const resolutions = detectResolutions(ctx);
  const agreements = detectAgreements(ctx);
  // A resolution's "(2015)" is not a separate date claim.
  const dates = dropOverlapping(detectDates(ctx), resolutions);
  const numbers = detectNumbers(ctx);
  const containers = [...dates, ...resolutions, ...agreements].filter((d) => CONTAINERS.includes(d.type));
  const keptNumbers = dropOverlapping(numbers, containers);
  const meetings = detectMeetings(ctx, dates);
  const quotes = detectQuotes(ctx);
  const all: RawDetection[] = [...quotes, ...meetings, ...resolutions, ...dates, ...keptNumbers, ...agreements];
  if (opts.entities) all.push(...detectEntities(ctx));
  all.sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));
  return all;
}

/** Drop items overlapping any of `over` (both lists sorted or not; sizes are small per text
 * region, so we sort `over` once and binary-search). */
function dropOverlapping(items: RawDetection[], over: RawDetection[]): RawDetection[] {
  const sorted = [...over].sort((a, b) => a.start - b.start);
  const starts = sorted.map((d) => d.start);
  const maxEnd: number[] = [];
  let mx = -1;
  for (const d of sorted) { mx = Math.max(mx, d.end); maxEnd.push(mx); }
  return items.filter((it) => {
    // last container starting before it.end
    let lo = 0, hi = starts.length - 1, k = -1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (starts[mid] < it.end) { k = mid; lo = mid + 1; } else hi = mid - 1; }
    return !(k >= 0 && maxEnd[k] > it.start);
  });
}
