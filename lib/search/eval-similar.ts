import { SimilarityIndex } from "./similarity";

/** One hand-made pair: a claim already checked, and a paraphrase of it as a new claim. */
export interface ParaphrasePair {
  checked: string;
  query: string;
}

export interface SimilarEval {
  queries: number;
  /** Of everything shown in the top 5 (above the score floor), the share that is the right past check. */
  precisionAt5: number;
  /** Share of queries whose past check is among the top 5 shown. */
  recallAt5: number;
  /** Share of queries whose past check is ranked first. */
  top1: number;
  /** Mean reciprocal rank of the past check (0 when not shown). */
  mrr: number;
  /** Results shown per query, on average (the floor hides weak candidates). */
  shownPerQuery: number;
}

/** Parse a JSON-lines file of pairs; throws on a malformed line so a broken seed fails loudly. */
export function parsePairs(jsonl: string): ParaphrasePair[] {
  return jsonl.split("\n").filter((l) => l.trim()).map((line, i) => {
    const v = JSON.parse(line) as Partial<ParaphrasePair>;
    if (typeof v.checked !== "string" || typeof v.query !== "string") throw new Error(`line ${i + 1}: expected {checked, query}`);
    return { checked: v.checked, query: v.query };
  });
}

/**
 * Every "checked" claim of a language forms the corpus; each paraphrase is a query whose only
 * relevant answer is its own checked claim, and every other checked claim is a distractor
 * (several share places, numbers or institutions with it on purpose).
 */
export function evaluateSimilar(pairs: ParaphrasePair[]): SimilarEval {
  const index = new SimilarityIndex(pairs.map((p, i) => ({ id: String(i), text: p.checked })));
  let shown = 0, relevantShown = 0, found = 0, first = 0, rr = 0;
  pairs.forEach((p, i) => {
    const hits = index.rank(p.query, { limit: 5 });
    shown += hits.length;
    const rank = hits.findIndex((h) => h.id === String(i));
    if (rank >= 0) { relevantShown++; found++; rr += 1 / (rank + 1); if (rank === 0) first++; }
  });
  const n = pairs.length || 1;
  return {
    queries: pairs.length,
    precisionAt5: shown === 0 ? 0 : relevantShown / shown,
    recallAt5: found / n,
    top1: first / n,
    mrr: rr / n,
    shownPerQuery: shown / n,
  };
}
