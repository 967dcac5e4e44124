/**
 * What the detector gets wrong on the news set, for the people tuning it:
 * `npx tsx bench/detect/misses.ts [split ...] [--type quote|meeting|un_resolution|date] [--lang ar|en]`
 * (default splits: dev test fresh blind_dev). Per article: gold spans not matched (with the
 * fields the gold expects and what overlapping predictions said) and predictions that match no
 * gold. The blind_test split is refused: it is only ever reported (`npm run eval:detect`).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { detectClaims } from "../../lib/detect/index";
import { coreMatch, CORE_TYPES, type ScoredSpan } from "../../lib/detect/score";
import { loadNews } from "./news";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); if (i < 0) return undefined; const v = args[i + 1]; args.splice(i, 2); return v; };
const onlyType = flag("--type");
const onlyLang = flag("--lang");
const splits = args.length ? args : ["dev", "test", "fresh", "blind_dev"];
if (splits.includes("blind_test")) {
  console.error("blind_test is only reported (npm run eval:detect); it is never looked at for tuning.");
  process.exit(2);
}
const short = (f: Record<string, unknown> | undefined) => JSON.stringify(f ?? {});
const types = CORE_TYPES.filter((t) => !onlyType || t === onlyType);
for (const a of loadNews(root).filter((x) => splits.includes(x.split) && (!onlyLang || x.lang === onlyLang))) {
  const pred = (detectClaims(a.text, { lang: a.lang, publishedAt: a.published ?? undefined }) as ScoredSpan[]).filter((p) => types.includes(p.type));
  const gold = a.gold.filter((g) => types.includes(g.type));
  const lines: string[] = [];
  for (const g of gold) {
    if (pred.some((p) => coreMatch(g, p))) continue;
    const near = pred.filter((p) => p.type === g.type && p.start < g.end && g.start < p.end);
    lines.push(`  MISSED ${g.type} «${a.text.slice(g.start, g.end).slice(0, 120)}» gold ${short(g.fields)}${g.alt ? ` alt ${JSON.stringify(g.alt)}` : ""}`);
    for (const p of near) lines.push(`         overlapping prediction «${a.text.slice(p.start, p.end).slice(0, 120)}» ${short(p.fields)}`);
  }
  for (const p of pred) {
    if (gold.some((g) => coreMatch(g, p))) continue;
    if (gold.some((g) => g.type === p.type && g.start < p.end && p.start < g.end)) continue; // shown under MISSED
    lines.push(`  WRONG  ${p.type} «${a.text.slice(p.start, p.end).slice(0, 120)}» ${short(p.fields)}`);
  }
  if (lines.length) console.log(`\n${a.id} (${a.split}, published ${a.published ?? "unknown"})\n${lines.join("\n")}`);
}
