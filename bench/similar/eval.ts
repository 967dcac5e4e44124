import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { evaluateSimilar, parsePairs } from "../../lib/search/eval-similar";

/**
 * `npm run eval:similar`: precision@5 (and recall@5, top-1, MRR) of "checked before" on the
 * hand-made paraphrase pairs in seeds/similar, per language. Writes bench/results/similar-eval.json.
 */
const root = path.resolve(import.meta.dirname, "../..");
const out: Record<string, unknown> = {};
for (const lang of ["en", "ar"]) {
  const pairs = parsePairs(readFileSync(path.join(root, "seeds/similar", `paraphrases.${lang}.jsonl`), "utf8"));
  const r = evaluateSimilar(pairs);
  out[lang] = r;
  console.log(`${lang}: ${r.queries} paraphrase queries · precision@5 ${r.precisionAt5.toFixed(3)} · recall@5 ${r.recallAt5.toFixed(3)} · top-1 ${r.top1.toFixed(3)} · MRR ${r.mrr.toFixed(3)} · shown/query ${r.shownPerQuery.toFixed(2)}`);
}
mkdirSync(path.join(root, "bench/results"), { recursive: true });
writeFileSync(path.join(root, "bench/results/similar-eval.json"), `${JSON.stringify({ at: new Date().toISOString(), ...out }, null, 2)}\n`);
