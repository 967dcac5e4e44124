/**
 * Annotation helper for the news gold set: `npx tsx bench/detect/gold-offsets.ts`.
 * Gold lines are written by hand with the span's text (and `nth` when the same text occurs
 * more than once, 0-based); this fills in `start`/`end` and checks spans that already have
 * them. It only locates text the annotator chose: it never runs a detector.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seeds/gold/news");
let bad = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith(".gold.jsonl"))) {
  const text = readFileSync(path.join(dir, f.replace(/\.gold\.jsonl$/, ".txt")), "utf8");
  const lines = readFileSync(path.join(dir, f), "utf8").split("\n").filter((l) => l.trim());
  const out = lines.map((l) => {
    const g = JSON.parse(l);
    if (typeof g.start !== "number") {
      let at = -1;
      for (let k = 0; k <= (g.nth ?? 0); k++) at = text.indexOf(g.text, at + 1);
      if (at < 0) { console.error(`${f}: not found: ${g.text}`); bad++; return l; }
      g.start = at; g.end = at + g.text.length;
    } else if (text.slice(g.start, g.end) !== g.text) { console.error(`${f}: offsets do not match: ${g.text}`); bad++; }
    if (g.type === "quote" && g.fields.words === undefined) g.fields = { ...g.fields, words: g.text.slice(1, -1), direct: true };
    const { type, start, end, text: t, fields, ...rest } = g;
    delete rest.nth;
    return JSON.stringify({ type, start, end, text: t, fields, ...rest });
  });
  writeFileSync(path.join(dir, f), out.join("\n") + "\n");
}
if (bad) { console.error(`${bad} problem(s)`); process.exit(1); }
console.log("gold offsets ok");
