import type * as Y from "yjs";
import { z } from "zod";
import { checkActor, getClaimMap, parseInput, touch, type Actor, type Origin } from "./internal";

/**
 * A claim's checkable statement: one sentence a reader understands without the article, in
 * the article's language. Stored as a plain string under the claim's "statement" key (last
 * writer wins, like the fields): it is short, and a nested Y.Text would have to exist from the
 * claim's creation to be safe from concurrent first writes. A missing key reads as "".
 */
export const MAX_STATEMENT = 1000;

/** Whitespace collapsed to single spaces (one sentence, no line breaks), trimmed, capped. */
export const ZStatement = z.string().transform((s) => s.replace(/\s+/gu, " ").trim()).pipe(z.string().max(MAX_STATEMENT, `the statement is longer than ${MAX_STATEMENT} characters`));

/** Set (or clear, with "") a claim's statement. */
export function setStatement(doc: Y.Doc, claimId: string, statement: string, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const s = parseInput(ZStatement, statement, "statement");
  const claim = getClaimMap(doc, claimId);
  if ((claim.get("statement") ?? "") === s) return;
  doc.transact(() => {
    claim.set("statement", s);
    touch(claim, a);
  }, origin);
}
