/**
 * Extraction cost of an import by URL (decode + metadata + Readability on linkedom + furniture),
 * on the test fixtures and on a synthetic long article. Writes bench/results/import-extract.json.
 * Run: npx tsx bench/import/bench.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import iconv from "iconv-lite";
import { extractPage } from "../../server/articles/extract-page";
import { arabicPageHtml, englishPageHtml } from "../../server/test-support/page-fixtures";

function time(label: string, bytes: Uint8Array, runs: number) {
  extractPage(bytes, { httpCharset: null, url: "https://x.example/" }); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    extractPage(bytes, { httpCharset: null, url: "https://x.example/" });
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { label, bytes: bytes.length, runs, medianMs: +samples[Math.floor(runs / 2)].toFixed(2), p95Ms: +samples[Math.floor(runs * 0.95)].toFixed(2) };
}

const arabic = iconv.encode(arabicPageHtml(), "windows-1256");
const paragraph = "<p>قال وزير الخارجية القطري إن بلاده تدعم حكومة الوفاق الوطني وفق قرارات مجلس الأمن ذات الصلة، لا سيما القرار 2259، وإن الحل في ليبيا يجب أن يكون سياسياً.</p>";
const long = Buffer.from(arabicPageHtml().replace("<h2>", paragraph.repeat(3000) + "<h2>").replace("windows-1256", "utf-8"));
const results = [time("arabic fixture (windows-1256)", arabic, 200), time("english fixture (utf-8, JSON-LD)", Buffer.from(englishPageHtml()), 200), time("long arabic article (3,000 paragraphs)", long, 10)];
console.table(results);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/import-extract.json", JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2) + "\n");
