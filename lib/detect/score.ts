import type { ClaimType } from "../claim-types";
import { fold } from "./normalize";

/**
 * Pure scoring of detections against gold spans, shared by the eval script and the seed test.
 * Overlap: a prediction is correct when it overlaps a gold span of the same type; a gold span
 * is recalled when some prediction of the same type overlaps it. Exact: same start and end.
 * For quotes the overlap scores also require the speaker to match (see speakerMatches).
 */

/** A span with type and optional fields (gold line or detection). */
export interface ScoredSpan {
  type: ClaimType;
  start: number;
  end: number;
  fields?: Record<string, unknown>;
}

export interface PRF { precision: number; recall: number; f1: number }
export interface TypeScore {
  gold: number;
  predicted: number;
  overlap: PRF;
  exact: PRF;
}

const prf = (tpPred: number, pred: number, tpGold: number, gold: number): PRF => {
  const precision = pred ? tpPred / pred : gold ? 0 : 1;
  const recall = gold ? tpGold / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
};
const round = (x: number) => Math.round(x * 1000) / 1000;

const TITLES = new Set(["الشيخ", "الدكتور", "د", "السيد", "السيده", "الرئيس", "الوزير", "dr", "mr", "mrs", "ms"]);
const tokens = (s: string) => fold(s).toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter((t) => t && !TITLES.has(t));

/** Speakers match when the tokens of one (titles removed) are all in the other. */
export function speakerMatches(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return false;
  const ta = tokens(a), tb = tokens(b);
  if (!ta.length || !tb.length) return false;
  const [short, long] = ta.length <= tb.length ? [ta, new Set(tb)] : [tb, new Set(ta)];
  return short.every((t) => long.has(t));
}

const overlaps = (a: ScoredSpan, b: ScoredSpan) => a.start < b.end && b.start < a.end;
const same = (g: ScoredSpan, p: ScoredSpan) =>
  g.type === p.type && overlaps(g, p) && (g.type !== "quote" || speakerMatches(g.fields?.speaker, p.fields?.speaker));

/** Score predictions against gold for the given types (default: every type in either list). */
export function scoreSpans(gold: ScoredSpan[], pred: ScoredSpan[], types?: ClaimType[]): Record<string, TypeScore> {
  const ts = types ?? [...new Set([...gold, ...pred].map((x) => x.type))];
  const out: Record<string, TypeScore> = {};
  for (const t of ts) {
    const g = gold.filter((x) => x.type === t);
    const p = pred.filter((x) => x.type === t);
    // Spans are few per document; the quadratic loop is fine. Large corpora call this per sentence.
    const tpPred = p.filter((x) => g.some((y) => same(y, x))).length;
    const tpGold = g.filter((y) => p.some((x) => same(y, x))).length;
    const exPred = p.filter((x) => g.some((y) => y.start === x.start && y.end === x.end)).length;
    const exGold = g.filter((y) => p.some((x) => y.start === x.start && y.end === x.end)).length;
    out[t] = { gold: g.length, predicted: p.length, overlap: prf(tpPred, p.length, tpGold, g.length), exact: prf(exPred, p.length, exGold, g.length) };
  }
  return out;
}

/** Sum raw counts over many documents (micro average), e.g. Wojood sentences. */
export class ScoreAccumulator {
  private c = new Map<string, { g: number; p: number; tpP: number; tpG: number; exP: number; exG: number }>();
  add(gold: ScoredSpan[], pred: ScoredSpan[], types: ClaimType[]): void {
    for (const t of types) {
      const g = gold.filter((x) => x.type === t), p = pred.filter((x) => x.type === t);
      const k = this.c.get(t) ?? { g: 0, p: 0, tpP: 0, tpG: 0, exP: 0, exG: 0 };
      k.g += g.length; k.p += p.length;
      k.tpP += p.filter((x) => g.some((y) => same(y, x))).length;
      k.tpG += g.filter((y) => p.some((x) => same(y, x))).length;
      k.exP += p.filter((x) => g.some((y) => y.start === x.start && y.end === x.end)).length;
      k.exG += g.filter((y) => p.some((x) => y.start === x.start && y.end === x.end)).length;
      this.c.set(t, k);
    }
  }
  result(): Record<string, TypeScore> {
    const out: Record<string, TypeScore> = {};
    for (const [t, k] of this.c) out[t] = { gold: k.g, predicted: k.p, overlap: prf(k.tpP, k.p, k.tpG, k.g), exact: prf(k.exP, k.p, k.exG, k.g) };
    return out;
  }
}

/** The seed-article targets: recall >= 0.9 and precision >= 0.85 (overlap) per type. */
export const SEED_TARGETS: Array<{ type: ClaimType; recall: number; precision: number }> = [
  { type: "quote", recall: 0.9, precision: 0.85 },
  { type: "meeting", recall: 0.9, precision: 0.85 },
  { type: "un_resolution", recall: 0.9, precision: 0.85 },
  { type: "date", recall: 0.9, precision: 0.85 },
];

/** Parse a gold JSONL file's content. */
export function parseGold(jsonl: string): Array<ScoredSpan & { text: string }> {
  return jsonl.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** The four core types of the news evaluation (issue 12). */
export const CORE_TYPES: ClaimType[] = ["quote", "meeting", "un_resolution", "date"];

/** A gold span of the news set: `alt` lists other designations of a quote's speaker that the
 * sentence itself uses ("المبعوث الأممي" for the named envoy). */
export type GoldSpan = ScoredSpan & { text?: string; alt?: string[] };

/**
 * Strict match for the core types: same type, overlapping spans, and the claim's key field
 * right — quotes the speaker (or an `alt`), meetings at least one participant when the gold
 * names any, resolutions the number, dates the ISO value.
 */
export function coreMatch(g: GoldSpan, p: ScoredSpan): boolean {
  if (g.type !== p.type || !overlaps(g, p)) return false;
  const gf = g.fields ?? {}, pf = p.fields ?? {};
  switch (g.type) {
    case "quote": return [gf.speaker, ...(g.alt ?? [])].some((s) => speakerMatches(s, pf.speaker));
    case "meeting": {
      const gp = (gf.participants as string[] | undefined) ?? [];
      const pp = (pf.participants as string[] | undefined) ?? [];
      return gp.length === 0 || gp.some((a) => pp.some((b) => speakerMatches(a, b)));
    }
    case "un_resolution": return (gf.number ?? null) === (pf.number ?? null);
    case "date": return (gf.value ?? null) === (pf.value ?? null);
    default: return true;
  }
}

/** Raw counts for micro averages: predictions that match, gold spans matched. */
export interface CoreCounts { gold: number; predicted: number; tpPred: number; tpGold: number }

/** Count core matches per type for one document. */
export function coreCounts(gold: GoldSpan[], pred: ScoredSpan[], types: ClaimType[] = CORE_TYPES): Record<string, CoreCounts> {
  const out: Record<string, CoreCounts> = {};
  for (const t of types) {
    const g = gold.filter((x) => x.type === t), p = pred.filter((x) => x.type === t);
    out[t] = {
      gold: g.length,
      predicted: p.length,
      tpPred: p.filter((x) => g.some((y) => coreMatch(y, x))).length,
      tpGold: g.filter((y) => p.some((x) => coreMatch(y, x))).length,
    };
  }
  return out;
}

/** Add counts into `into` (per type, plus a "micro" total over all of them). */
export function addCounts(into: Record<string, CoreCounts>, c: Record<string, CoreCounts>): void {
  for (const [t, v] of Object.entries(c)) {
    for (const key of [t, "micro"]) {
      const k = (into[key] ??= { gold: 0, predicted: 0, tpPred: 0, tpGold: 0 });
      k.gold += v.gold; k.predicted += v.predicted; k.tpPred += v.tpPred; k.tpGold += v.tpGold;
    }
  }
}

/** Precision/recall/F1 of summed counts. */
export function countsPRF(c: CoreCounts): PRF {
  return prf(c.tpPred, c.predicted, c.tpGold, c.gold);
}

/** Targets of issue 12 on the news dev half, per language, micro over the core types. */
export const NEWS_TARGETS = { recall: 0.9, precision: 0.9 };
