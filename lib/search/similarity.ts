import { foldText, foldTokens } from "./fold";

/**
 * "Checked before": how alike a new claim is to claims already checked, across paraphrase and
 * in Arabic, with no model. Two signals over the SAME folded text the search index uses:
 * - BM25 over folded tokens (function words removed), normalised by the query's ideal score
 *   so a threshold means the same thing for a short and a long claim;
 * - character trigram Dice over the folded text, which survives different inflections,
 *   clitics the stemmer missed, spelling variants and word order.
 * The blend and the floor were chosen on seeds/similar (see `npm run eval:similar`).
 */

export interface SimilarDoc {
  id: string;
  text: string;
}

export interface SimilarHit {
  id: string;
  score: number;
  bm25: number;
  ngram: number;
}

const STOP_RAW = [
  "the a an of to in on at for and or but is are was were be been by with from as that this it its his her their he she they we you not no has have had will would said says say than then there which who whom what when",
  "في من على الى إلى عن مع ان أن إن كان كانت قد لقد هذا هذه ذلك تلك التي الذي الذين ما لا لم لن هو هي هم كما أو او ثم بين عند بعد قبل حتى كل أي",
].join(" ");
const STOPWORDS = new Set(foldTokens(STOP_RAW));

const K1 = 1.2;
const B = 0.75;
const W_BM25 = 0.55;
const W_NGRAM = 0.45;
/** Below this blended score a candidate is not shown as "similar". */
export const SIMILAR_MIN_SCORE = 0.22;

/** Content tokens of a claim for similarity (folded, function words dropped). */
export function similarityTokens(text: string): string[] {
  return foldTokens(text).filter((t) => !STOPWORDS.has(t));
}

function trigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of foldText(text).split(" ")) {
    if (!word || STOPWORDS.has(word)) continue;
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const g = padded.slice(i, i + 3);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** Dice coefficient of two trigram multisets, 0..1. */
export function ngramSimilarity(a: string, b: string): number {
  return dice(trigrams(a), trigrams(b));
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0, total = 0;
  for (const [g, n] of a) { total += n; const m = b.get(g); if (m) shared += Math.min(n, m); }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

interface IndexedDoc {
  id: string;
  tf: Map<string, number>;
  length: number;
  grams: Map<string, number>;
}

/** A small in-memory BM25 + trigram index over candidate claims (built per request or per eval). */
export class SimilarityIndex {
  private docs: IndexedDoc[] = [];
  private df = new Map<string, number>();
  private totalLength = 0;

  constructor(docs: SimilarDoc[] = []) {
    for (const d of docs) this.add(d);
  }

  add(doc: SimilarDoc): void {
    const tokens = similarityTokens(doc.text);
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.totalLength += tokens.length;
    this.docs.push({ id: doc.id, tf, length: tokens.length, grams: trigrams(doc.text) });
  }

  get size(): number {
    return this.docs.length;
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Candidates ranked by blended score, best first; those under `minScore` are dropped. */
  rank(query: string, opts: { limit?: number; minScore?: number } = {}): SimilarHit[] {
    const limit = opts.limit ?? 5;
    const minScore = opts.minScore ?? SIMILAR_MIN_SCORE;
    const terms = [...new Set(similarityTokens(query))];
    if (terms.length === 0 || this.docs.length === 0) return [];
    const queryGrams = trigrams(query);
    const avg = this.totalLength / this.docs.length || 1;
    const idf = new Map(terms.map((t) => [t, this.idf(t)]));
    // The best a document could score: every query term present once in a document of average length.
    const ideal = terms.reduce((sum, t) => sum + idf.get(t)!, 0) || 1;
    const hits: SimilarHit[] = [];
    for (const doc of this.docs) {
      let bm25 = 0;
      for (const t of terms) {
        const f = doc.tf.get(t);
        if (!f) continue;
        bm25 += idf.get(t)! * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / avg)));
      }
      const bm25Norm = Math.min(1, bm25 / ideal);
      const ngram = dice(queryGrams, doc.grams);
      const score = W_BM25 * bm25Norm + W_NGRAM * ngram;
      if (score >= minScore) hits.push({ id: doc.id, score, bm25: bm25Norm, ngram });
    }
    return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
