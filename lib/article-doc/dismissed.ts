import * as Y from "yjs";
import { z } from "zod";
import { CLAIM_TYPES, type ClaimType } from "../claim-types";
import { checkActor, DISMISSED_KEY, nowIso, parseInput, type Actor, type Origin } from "./internal";

/**
 * Dismissed claim-detection suggestions, shared by the team:
 * `doc.getMap("dismissed")`: suggestion key -> { by, at }.
 */

const KEY_RE = new RegExp(`^(${CLAIM_TYPES.join("|")}):(\\d{1,9}):(\\d{1,9})$`);

/** A suggestion key `${type}:${start}:${end}` with start < end. */
export const ZSuggestionKey = z.string().max(100).refine((k) => {
  const m = KEY_RE.exec(k);
  return m !== null && Number(m[2]) < Number(m[3]);
}, { message: "expected a suggestion key type:start:end" });

/** The key of a claim-detection suggestion. */
export function suggestionKey(type: ClaimType, start: number, end: number): string {
  return `${type}:${start}:${end}`;
}

/** The dismissed map of an article document. */
function dismissedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DISMISSED_KEY);
}

/** Mark a suggestion as dismissed for everyone working on the article. */
export function dismissSuggestion(doc: Y.Doc, key: string, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const k = parseInput(ZSuggestionKey, key, "suggestion key");
  doc.transact(() => dismissedMap(doc).set(k, { by: a.id, at: nowIso() }), origin);
}

/** Bring a dismissed suggestion back (no-op when it was not dismissed). */
export function restoreSuggestion(doc: Y.Doc, key: string, actor: Actor, origin?: Origin): void {
  checkActor(actor);
  const k = parseInput(ZSuggestionKey, key, "suggestion key");
  const m = dismissedMap(doc);
  if (m.has(k)) doc.transact(() => m.delete(k), origin);
}

/** Keys of dismissed suggestions (malformed keys written by a hostile client are ignored). Never throws. */
export function readDismissed(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  try {
    for (const k of dismissedMap(doc).keys()) if (ZSuggestionKey.safeParse(k).success) out.add(k);
  } catch {
    // defensive: return what we have
  }
  return out;
}

/** Keys in the dismissed map that are not valid suggestion keys (for invariant checks). */
export function malformedDismissedKeys(doc: Y.Doc): string[] {
  return [...dismissedMap(doc).keys()].filter((k) => !ZSuggestionKey.safeParse(k).success);
}
