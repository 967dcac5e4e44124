/**
 * Detection speed: `npx tsx bench/detect/bench.ts`.
 * Builds ~10 MB of Arabic text from Wojood train+val (tokens joined into sentences, repeated),
 * measures detectClaims throughput (median of several runs) and memory, next to two peer
 * baselines over the same text: the normalisation pass alone, and a single-pass combined
 * regex scan for digits and month names. Also times a 10,000-word Arabic and English article.
 * Writes bench/results/detect-bench.json. Numbers only; no assertions.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detectClaims } from "../../lib/detect/index";
import { normalize } from "../../lib/detect/normalize";
import { readWojood, sharedDir } from "./wojood";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TARGET_CHARS = 10 * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function time(fn: () => unknown, runs: number): { ms: number; all: number[]; result: unknown } {
  const all: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    all.push(performance.now() - t0);
  }
  return { ms: median(all), all: all.map((x) => Math.round(x)), result };
}
const gc = (globalThis as { gc?: () => void }).gc;

const wdir = path.join(sharedDir(root), "data/wojood");
const sents = [...(readWojood(path.join(wdir, "train.txt")) ?? []), ...(readWojood(path.join(wdir, "val.txt")) ?? [])];
if (!sents.length) {
  console.log(`skipped: Wojood not found in ${wdir}`);
  process.exit(0);
}
// Paragraphs of ~8 sentences, like an article body.
let unit = "";
sents.forEach((s, i) => { unit += s.text + (i % 8 === 7 ? "\n" : " "); });
let big = "";
while (big.length < TARGET_CHARS) big += unit;
big = big.slice(0, TARGET_CHARS);

const words = (t: string, n: number) => t.split(/\s+/).slice(0, n).join(" ");
const enSeed = readFileSync(path.join(root, "seeds/001_en_port_deal.txt"), "utf8");
let enBig = "";
while (enBig.split(/\s+/).length < 10_000) enBig += enSeed + "\n";
const ar10k = words(big, 10_000).replace(/ \. /g, " .\n"); // restore some line breaks
const en10k = words(enBig, 10_000);

// Warm up (JIT, regex compilation).
detectClaims(ar10k, { lang: "ar" });
detectClaims(en10k, { lang: "en" });

const MONTHS = /\d+|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|ايلول|تشرين/g;
const normed = normalize(big).norm;
const baselineScan = time(() => { let c = 0; for (const _ of normed.matchAll(MONTHS)) c++; return c; }, RUNS);
const baselineNorm = time(() => normalize(big).norm.length, RUNS);

gc?.();
const mem0 = process.memoryUsage();
const full = time(() => detectClaims(big, { lang: "ar" }).length, RUNS);
const mem1 = process.memoryUsage();
const a10 = time(() => detectClaims(ar10k, { lang: "ar" }).length, 21);
const e10 = time(() => detectClaims(en10k, { lang: "en" }).length, 21);

const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
const cps = (ms: number) => Math.round(big.length / (ms / 1000));
const result = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  text: { chars: big.length, sentencesInUnit: sents.length, runs: RUNS },
  detectClaims: { medianMs: Math.round(full.ms), runsMs: full.all, charsPerSecond: cps(full.ms), detections: full.result },
  baselineNormalizeOnly: { medianMs: Math.round(baselineNorm.ms), charsPerSecond: cps(baselineNorm.ms) },
  baselineCombinedRegexScan: { medianMs: Math.round(baselineScan.ms), charsPerSecond: cps(baselineScan.ms), matches: baselineScan.result, note: "one pass over pre-normalised text: digits | month names" },
  memory: {
    heapUsedDeltaMB: mb(mem1.heapUsed - mem0.heapUsed),
    rssDeltaMB: mb(mem1.rss - mem0.rss),
    rssAfterMB: mb(mem1.rss),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    gcExposed: Boolean(gc),
    note: "deltas across the timed runs (no GC forced in between); run with `node --expose-gc --import tsx` for a cleaner baseline",
  },
  article10kWords: {
    ar: { chars: ar10k.length, medianMs: Math.round(a10.ms * 10) / 10, detections: a10.result },
    en: { chars: en10k.length, medianMs: Math.round(e10.ms * 10) / 10, detections: e10.result },
  },
};

console.log(`text: ${(big.length / 1e6).toFixed(1)}M chars of Wojood Arabic, median of ${RUNS} runs`);
console.log("what                         median ms    chars/s");
const row = (n: string, ms: number) => console.log(`${n.padEnd(28)} ${String(Math.round(ms)).padStart(9)} ${String(cps(ms)).padStart(10)}`);
row("detectClaims (all types)", full.ms);
row("baseline: normalize only", baselineNorm.ms);
row("baseline: 1-pass regex scan", baselineScan.ms);
console.log(`memory: heapUsed delta ${result.memory.heapUsedDeltaMB} MB, RSS delta ${result.memory.rssDeltaMB} MB, peak RSS of the whole process ${result.memory.peakRssMB} MB (includes the 10 MB text, its normalised copy and the baselines)`);
console.log(`10,000-word article: ar ${result.article10kWords.ar.medianMs} ms (${ar10k.length} chars), en ${result.article10kWords.en.medianMs} ms (${en10k.length} chars)`);
mkdirSync(path.join(root, "bench/results"), { recursive: true });
writeFileSync(path.join(root, "bench/results/detect-bench.json"), JSON.stringify(result, null, 2) + "\n");
console.log("wrote bench/results/detect-bench.json");
