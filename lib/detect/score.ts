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
