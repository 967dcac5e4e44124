/**
 * Cost of reading an archived PDF's text (unpdf / PDF.js, server/archive/pdf-text.ts), in
 * process, on generated PDFs: the two-page fixture, an Arabic page, a 100-page and a
 * 1,000-page document of 40 lines a page, and 3,000 short pages (many pages, little text:
 * the per-page cost). Tells how far a real PDF is from the extract worker's 20 s cap.
 * Writes bench/results/pdf-text.json (with the load average: the machine is shared).
 * Run: npx tsx bench/pdf/bench.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { pdfText } from "../../server/archive/pdf-text";
import { arabicPdf, latinPdf, UN_PAGE_1, UN_PAGE_2, UN_TITLE } from "../../server/test-support/pdf-fixtures";

async function time(label: string, bytes: Buffer, runs: number) {
  await pdfText(bytes); // warm up
  const samples: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    pages = (await pdfText(bytes)).pageCount;
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { label, bytes: bytes.length, pages, runs, medianMs: +samples[Math.floor(runs / 2)].toFixed(1), maxMs: +samples[runs - 1].toFixed(1) };
}

async function main() {
  const dense = Array.from({ length: 40 }, (_, i) => `${i + 1}. Decides that the parties shall meet under the auspices of the Secretary-General and report.`);
  const short = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}.`);
  const loadBefore = loadavg()[0];
  const results = [
    await time("UN fixture (2 pages)", latinPdf([UN_PAGE_1, UN_PAGE_2], UN_TITLE), 50),
    await time("Arabic page", arabicPdf(), 50),
    await time("100 pages x 40 lines", latinPdf(Array.from({ length: 100 }, () => dense)), 5),
    await time("1,000 pages x 40 lines", latinPdf(Array.from({ length: 1_000 }, () => dense)), 3),
    await time("3,000 pages x 8 short lines", latinPdf(Array.from({ length: 3_000 }, () => short)), 3),
  ];
  console.table(results);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/pdf-text.json", JSON.stringify({ date: new Date().toISOString(), node: process.version, loadAverage1m: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) }, results }, null, 2) + "\n");
}

void main();
