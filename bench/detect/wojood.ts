import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ClaimType } from "../../lib/claim-types";

/** Where the shared data lives: $SANAD_SHARED_DIR or ../shared relative to the project root. */
export function sharedDir(root: string): string {
  return process.env.SANAD_SHARED_DIR ?? path.resolve(root, "../shared");
}

export interface WojoodSentence {
  text: string;
  /** Gold spans in `text` offsets, by Wojood tag. */
  spans: Array<{ tag: string; start: number; end: number }>;
}

/** Read a Wojood IOB file: tokens joined by single spaces, `$#$` paragraph markers dropped,
 * nested tag columns all considered. Returns null when the file is absent. */
export function readWojood(file: string): WojoodSentence[] | null {
  if (!existsSync(file)) return null;
  const out: WojoodSentence[] = [];
  let toks: Array<{ tok: string; tags: string[] }> = [];
  const flush = () => {
    if (!toks.length) return;
    let text = "";
    const offs: Array<[number, number]> = [];
    for (const t of toks) {
      if (text) text += " ";
      offs.push([text.length, text.length + t.tok.length]);
      text += t.tok;
    }
    const spans: WojoodSentence["spans"] = [];
    const labels = new Set(toks.flatMap((t) => t.tags.filter((x) => x.startsWith("B-")).map((x) => x.slice(2))));
    for (const lab of labels) {
      for (let i = 0; i < toks.length; i++) {
        if (!toks[i].tags.includes(`B-${lab}`)) continue;
        let j = i + 1;
        while (j < toks.length && toks[j].tags.includes(`I-${lab}`)) j++;
        spans.push({ tag: lab, start: offs[i][0], end: offs[j - 1][1] });
      }
    }
    out.push({ text, spans });
    toks = [];
  };
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (!line.trim()) { flush(); continue; }
    const [tok, ...tags] = line.split(" ");
    if (tok === "$#$") continue;
    toks.push({ tok, tags });
  }
  flush();
  return out;
}

/** Wojood tag -> our claim type (targets: DATE and the number tags). */
export const WOJOOD_MAP: Record<string, ClaimType> = { DATE: "date", CARDINAL: "number", PERCENT: "number", MONEY: "number" };
