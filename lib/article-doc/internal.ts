import * as Y from "yjs";
import { z } from "zod";
import { CLAIM_STATUSES } from "../claim-model";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { VERDICT_KEYS } from "../verdicts";

/**
 * Shared plumbing of the article document: layout keys, ids, clock, the actor type,
 * zod-to-AppError conversion and access to a claim's Y.Map. No I/O; works in the browser
 * and in Node 20.
 */

/** Top-level map: claimId -> claim Y.Map. */
export const CLAIMS_KEY = "claims";
/** Top-level map: suggestion key -> { by, at }. */
export const DISMISSED_KEY = "dismissed";

/** Who performs an operation. `id` is the user id recorded in createdBy/updatedBy/etc. */
export const ZActor = z.object({
  id: z.string().trim().min(1).max(200),
  name: z.string().trim().max(200),
});
export type Actor = z.infer<typeof ZActor>;

/** Optional transaction origin; pass the same value to `createUndoManager` to make it undoable. */
export type Origin = unknown;

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = "";
  // 62 symbols; the modulo bias (256 % 62) is irrelevant for collision-resistant ids.
  for (const b of bytes) out += ID_ALPHABET[b % 62];
  return out;
}

interface Hooks {
  newId: () => string;
  now: () => Date;
}
const defaultHooks: Hooks = { newId: randomId, now: () => new Date() };
let hooks: Hooks = defaultHooks;

/**
 * Test-only: replace the id generator and/or the clock (for deterministic randomised tests).
 * Returns a function that restores the defaults.
 */
export function setArticleDocHooks(h: Partial<Hooks>): () => void {
  hooks = { ...hooks, ...h };
  return () => {
    hooks = defaultHooks;
  };
}

/** A new random id (16 chars of [0-9A-Za-z], ~95 bits, from crypto.getRandomValues). */
export function newId(): string {
  return hooks.newId();
}

/** The current time as an ISO string. */
export function nowIso(): string {
  return hooks.now().toISOString();
}

export { parseInput };

/** A working status of a claim. */
export const ZClaimStatus = z.enum(CLAIM_STATUSES);
/** A verdict key of VERDICTS, or null for no verdict. */
export const ZVerdictKey = z.enum(VERDICT_KEYS).nullable();

/** Validated claim id (the key in the claims map). */
export const ZClaimId = z.string().min(1).max(100);

/** The claims map of an article document. */
export function claimsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CLAIMS_KEY);
}

/** The claim's Y.Map, or AppError NOT_FOUND (also for a non-map value written by a hostile client). */
export function getClaimMap(doc: Y.Doc, claimId: string): Y.Map<unknown> {
  const id = parseInput(ZClaimId, claimId, "claim id");
  const claim = claimsMap(doc).get(id);
  if (!(claim instanceof Y.Map)) throw new AppError("NOT_FOUND", `claim ${id} not found`);
  return claim;
}

/** A nested shared type of a claim, or AppError INVALID_INPUT when the claim is malformed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Y.AbstractType is generic over its event type
export function getNested<T extends Y.AbstractType<any>>(claim: Y.Map<unknown>, key: string, ctor: abstract new (...args: any[]) => T): T {
  const v = claim.get(key);
  if (!(v instanceof ctor)) throw new AppError("INVALID_INPUT", `claim is malformed (${key}); delete and recreate it`).withReason("claimMalformed");
  return v;
}

/** Record who changed the claim and when. Call inside the operation's transaction. */
export function touch(claim: Y.Map<unknown>, actor: Actor): void {
  claim.set("updatedBy", actor.id);
  claim.set("updatedAt", nowIso());
}

/** Validate the actor. */
export function checkActor(actor: Actor): Actor {
  return parseInput(ZActor, actor, "actor");
}

/** Find the index and map of an element with `id` in a Y.Array of Y.Map. */
export function findById(arr: Y.Array<unknown>, id: string): { index: number; map: Y.Map<unknown> } | null {
  let i = 0;
  for (const item of arr) {
    if (item instanceof Y.Map && item.get("id") === id) return { index: i, map: item };
    i++;
  }
  return null;
}
