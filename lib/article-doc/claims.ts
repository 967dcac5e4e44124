import * as Y from "yjs";
import { z } from "zod";
import type { Anchor, ClaimStatus } from "../claim-model";
import { ZClaimType, type ClaimFields, type ClaimType } from "../claim-types";
import { AppError } from "../errors";
import { anchorProblem, buildAnchor, ZAnchor } from "./anchor";
import { carriedFields, fieldsToYMap, initialFields, lenientFields, patchWrites, ZFieldsInput } from "./fields";
import { readClaim } from "./read";
import { checkActor, claimsMap, getClaimMap, getNested, newId, nowIso, parseInput, touch, ZClaimId, ZClaimStatus, ZVerdictKey, type Actor, type Origin } from "./internal";

/**
 * Claim-level operations on the article document. Each validates its input, refuses with
 * AppError what would break the document, and writes in one transaction with `origin`.
 */

/** Input of `addClaim`: a type and either offsets into the body or an explicit anchor. */
export const ZAddClaimInput = z.object({
  type: ZClaimType,
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  anchor: ZAnchor.optional(),
  fields: ZFieldsInput.optional(),
}).strict().refine((i) => i.anchor !== undefined || (i.start !== undefined && i.end !== undefined), {
  message: "give start and end, or an anchor",
}).refine((i) => !i.anchor || ((i.start === undefined || i.start === i.anchor.start) && (i.end === undefined || i.end === i.anchor.end)), {
  message: "start/end disagree with the anchor",
});
export type TAddClaimInput = z.infer<typeof ZAddClaimInput>;

/** A user id to assign, or null to unassign. */
export const ZUserId = z.string().trim().min(1).max(200).nullable();
/** A patch of claim fields (field name -> value), validated per field against the claim type. */
export const ZFieldsPatch = ZFieldsInput;
export type TFieldsPatch = z.infer<typeof ZFieldsPatch>;
/** Longest rationale accepted by `setRationale`. */
export const MAX_RATIONALE = 50_000;
/** A whole rationale text. */
export const ZRationale = z.string().max(MAX_RATIONALE);

/**
 * Add a claim anchored in `body`. With `start`/`end` the anchor is built from the body; an
 * explicit `anchor` must match the body (exact, prefix, suffix) and is stored normalised.
 * Fields default from the type's schema (quote: `words` = span; UN resolution: number parsed
 * from the span, year/symbol filled). Returns the new claim id.
 */
export function addClaim(doc: Y.Doc, body: string, input: TAddClaimInput, actor: Actor, origin?: Origin): string {
  const a = checkActor(actor);
  const i = parseInput(ZAddClaimInput, input, "claim");
  let anchor: Anchor;
  if (i.anchor) {
    const problem = anchorProblem(i.anchor, body);
    if (problem) throw new AppError("INVALID_INPUT", `cannot anchor: ${problem}`).withReason("cannotAnchor");
    anchor = buildAnchor(body, i.anchor.start, i.anchor.end);
  } else {
    anchor = buildAnchor(body, i.start!, i.end!);
  }
  const fields = initialFields(i.type, anchor.exact, i.fields);
  const id = newId();
  const now = nowIso();
  doc.transact(() => {
    const claim = newClaimMap(claimsMap(doc), id, i.type, anchor, fields, "");
    claim.set("status", "draft" satisfies ClaimStatus);
    claim.set("verdict", null);
    claim.set("verdictBy", null);
    claim.set("assigneeId", null);
    claim.set("createdBy", a.id);
    claim.set("createdAt", now);
    claim.set("updatedBy", a.id);
    claim.set("updatedAt", now);
  }, origin);
  return id;
}

function claimType(claim: Y.Map<unknown>): ClaimType {
  const t = ZClaimType.safeParse(claim.get("type"));
  if (!t.success) throw new AppError("INVALID_INPUT", "claim is malformed (type); delete and recreate it").withReason("claimMalformed");
  return t.data;
}

/**
 * Patch some fields of a claim. Each field is validated against the claim type's schema;
 * unknown fields are refused. Only the patched keys (and derived ones) are written, so two
 * people editing different fields of the same claim both win. For a UN resolution, a change
 * of number or body refills year and symbol unless the patch sets them.
 */
export function updateClaimFields(doc: Y.Doc, claimId: string, patch: TFieldsPatch, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const p = parseInput(ZFieldsPatch, patch, "fields patch");
  const claim = getClaimMap(doc, claimId);
  const type = claimType(claim);
  const fields = getNested(claim, "fields", Y.Map<unknown>);
  const writes = patchWrites(type, lenientFields(type, fields), p);
  doc.transact(() => {
    for (const [k, v] of Object.entries(writes)) fields.set(k, v);
    touch(claim, a);
  }, origin);
}

/**
 * Change a claim's type by REPLACING the claim: in one transaction the old claim is deleted
 * and a new one (new id, returned) is created on the same anchor with the compatible fields
 * carried over and the rationale (as text), sources, comments (fresh ids), assignee and creation
 * record copied. The verdict is not: the new claim's items are written by the person changing
 * the type, so a copied verdict would count as theirs and let whoever set it approve it (four
 * eyes); it is cleared, and a claim waiting for review goes back to researching. Why not in place: `type` and `fields` are the keys a
 * claim cannot be read without, and Y.UndoManager can leave a map key *missing* after an
 * undo/redo that meets a concurrent write (yjs issues #472, #514); keeping them write-once
 * makes that impossible. Concurrent edits to the old claim are lost, as with delete vs edit;
 * two concurrent type changes of one claim yield two claims.
 */
export function changeClaimType(doc: Y.Doc, claimId: string, type: ClaimType, actor: Actor, origin?: Origin): string {
  const a = checkActor(actor);
  const t = parseInput(ZClaimType, type, "claim type");
  getClaimMap(doc, claimId);
  const old = readClaim(doc, claimId);
  if (!old) throw new AppError("INVALID_INPUT", "claim is malformed; delete and recreate it").withReason("claimMalformed");
  if (old.type === t) return old.id;
  const fields = carriedFields(t, old.anchor.exact, old.fields as Record<string, unknown>);
  const id = newId();
  const now = nowIso();
  doc.transact(() => {
    const claims = claimsMap(doc);
    claims.delete(old.id);
    const claim = newClaimMap(claims, id, t, old.anchor, fields, old.rationale);
    claim.set("status", old.status === "needs_review" ? "researching" : old.status);
    claim.set("verdict", null);
    claim.set("verdictBy", null);
    claim.set("assigneeId", old.assigneeId);
    claim.set("createdBy", old.createdBy);
    claim.set("createdAt", old.createdAt);
    claim.set("updatedBy", a.id);
    claim.set("updatedAt", now);
    const sources = claim.get("sources") as Y.Array<Y.Map<unknown>>;
    sources.push(old.sources.map((s) => plainToYMap({ ...s, id: newId() })));
    const comments = claim.get("comments") as Y.Array<Y.Map<unknown>>;
    comments.push(old.comments.map((c) => plainToYMap({ ...c, id: newId() })));
  }, origin);
  return id;
}

/** @internal (restore.ts) A Y.Map with the keys of a plain object. */
export function plainToYMap(o: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(o)) m.set(k, v);
  return m;
}

/**
 * Insert a claim map with its write-once keys (type, anchor, fields, rationale, sources,
 * comments). Must run inside a transaction.
 */
export function newClaimMap(claims: Y.Map<unknown>, id: string, type: ClaimType, anchor: Anchor, fields: ClaimFields, rationale: string): Y.Map<unknown> {
  const claim = new Y.Map<unknown>();
  claims.set(id, claim);
  claim.set("type", type);
  claim.set("anchor", anchor);
  claim.set("fields", fieldsToYMap(fields as Record<string, unknown>));
  claim.set("rationale", new Y.Text(rationale));
  claim.set("sources", new Y.Array());
  claim.set("comments", new Y.Array());
  return claim;
}

/** Delete a claim with its sources, comments and rationale. Works on malformed claims too. */
export function deleteClaim(doc: Y.Doc, claimId: string, actor: Actor, origin?: Origin): void {
  checkActor(actor);
  const id = parseInput(ZClaimId, claimId, "claim id");
  const claims = claimsMap(doc);
  if (!claims.has(id)) throw new AppError("NOT_FOUND", `claim ${id} not found`);
  doc.transact(() => claims.delete(id), origin);
}

/** Set the working status (draft | researching | needs_review | changes_requested). */
export function setStatus(doc: Y.Doc, claimId: string, status: ClaimStatus, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const s = parseInput(ZClaimStatus, status, "status");
  const claim = getClaimMap(doc, claimId);
  doc.transact(() => {
    claim.set("status", s);
    touch(claim, a);
  }, origin);
}

/** Set or clear the verdict (a key of VERDICTS); records verdictBy = actor.id (null when cleared). */
export function setVerdict(doc: Y.Doc, claimId: string, verdict: string | null, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const v = parseInput(ZVerdictKey, verdict, "verdict");
  const claim = getClaimMap(doc, claimId);
  doc.transact(() => {
    claim.set("verdict", v);
    claim.set("verdictBy", v === null ? null : a.id);
    touch(claim, a);
  }, origin);
}

/** Assign the claim to a user, or unassign it with null. */
export function assignClaim(doc: Y.Doc, claimId: string, userId: string | null, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const u = parseInput(ZUserId, userId, "assignee");
  const claim = getClaimMap(doc, claimId);
  doc.transact(() => {
    claim.set("assigneeId", u);
    touch(claim, a);
  }, origin);
}

/** The claim's rationale as a collaborative Y.Text, for the UI to bind an editor to. */
export function getRationaleText(doc: Y.Doc, claimId: string): Y.Text {
  return getNested(getClaimMap(doc, claimId), "rationale", Y.Text);
}

/**
 * Replace the rationale with `text` (for non-UI callers). Only the differing middle part is
 * rewritten, so concurrent typing elsewhere in the text survives.
 */
export function setRationale(doc: Y.Doc, claimId: string, text: string, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const next = parseInput(ZRationale, text, "rationale");
  const claim = getClaimMap(doc, claimId);
  const ytext = getNested(claim, "rationale", Y.Text);
  const cur = ytext.toString();
  if (cur === next) return;
  let pre = 0;
  while (pre < cur.length && pre < next.length && cur[pre] === next[pre]) pre++;
  let suf = 0;
  while (suf < cur.length - pre && suf < next.length - pre && cur[cur.length - 1 - suf] === next[next.length - 1 - suf]) suf++;
  // Never cut between the halves of a surrogate pair.
  if (pre > 0 && (isLowSurrogate(cur.charCodeAt(pre)) || isLowSurrogate(next.charCodeAt(pre)))) pre--;
  if (suf > 0 && isLowSurrogate(cur.charCodeAt(cur.length - suf))) suf--; // same char in next
  doc.transact(() => {
    if (cur.length - pre - suf > 0) ytext.delete(pre, cur.length - pre - suf);
    if (next.length - pre - suf > 0) ytext.insert(pre, next.slice(pre, next.length - suf));
    touch(claim, a);
  }, origin);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
