import * as Y from "yjs";
import type { ClaimView, CommentView } from "../claim-model";
import { newClaimMap, plainToYMap } from "./claims";
import { checkActor, claimsMap, findById, nowIso, type Actor, type Origin } from "./internal";

/*
 * Putting back claims from an earlier version of the document (read with `readClaims` from a
 * DocVersion). Authorship is part of what is put back: the server vouches for who created a
 * claim, set its verdict and wrote each comment by the Yjs client id of the item holding it
 * (item-clients.ts), and four eyes rests on it. So a restore is written in parts, each by the
 * person who wrote that part in the version (server/versions/versions.ts runs each part as
 * that person): the claim by its creator (`restoreClaims`), then its verdict by whoever set it
 * (`restoreVerdict`), then its comments by their authors (`restoreComments`). Were everything
 * written by the restorer, the claim's real author or verdict setter could approve it.
 */

/**
 * Re-create every claim of `claims` whose id is not in the document now, with its id, content,
 * status, assignee and sources, written by `actor` (its creator) — but without its verdict and
 * comments, which their own writers put back. Claims that exist now are left as they are: a
 * restore never overwrites later work. Returns the ids re-created. One transaction.
 */
export function restoreClaims(doc: Y.Doc, claims: ClaimView[], actor: Actor, origin?: Origin): string[] {
  const a = checkActor(actor);
  const live = claimsMap(doc);
  const restored: string[] = [];
  const now = nowIso();
  doc.transact(() => {
    for (const old of claims) {
      if (live.has(old.id)) continue;
      const claim = newClaimMap(live, old.id, old.type, old.anchor, old.fields, old.rationale);
      claim.set("status", old.status);
      claim.set("verdict", null);
      claim.set("verdictBy", null);
      claim.set("assigneeId", old.assigneeId);
      claim.set("createdBy", old.createdBy);
      claim.set("createdAt", old.createdAt);
      claim.set("updatedBy", a.id);
      claim.set("updatedAt", now);
      (claim.get("sources") as Y.Array<Y.Map<unknown>>).push(old.sources.map((s) => plainToYMap({ ...s })));
      restored.push(old.id);
    }
  }, origin);
  return restored;
}

/**
 * Put back a restored claim's verdict, written by `actor` (who set it in the version). Only
 * while the claim has no verdict: one set by someone in the meantime is later work and stays.
 * Returns whether it was written.
 */
export function restoreVerdict(doc: Y.Doc, claimId: string, verdict: string, actor: Actor, origin?: Origin): boolean {
  const a = checkActor(actor);
  const claim = claimsMap(doc).get(claimId);
  if (!(claim instanceof Y.Map) || (claim.get("verdict") ?? null) !== null) return false;
  doc.transact(() => {
    claim.set("verdict", verdict);
    claim.set("verdictBy", a.id);
  }, origin);
  return true;
}

/**
 * Append comments of a restored claim, written by their author (the caller writes each
 * author's run of comments as that person, in the version's order). A comment whose id is
 * there already is skipped. Returns how many were added.
 */
export function restoreComments(doc: Y.Doc, claimId: string, comments: CommentView[], origin?: Origin): number {
  const claim = claimsMap(doc).get(claimId);
  const list = claim instanceof Y.Map ? claim.get("comments") : null;
  if (!(list instanceof Y.Array)) return 0;
  const missing = comments.filter((c) => !findById(list as Y.Array<unknown>, c.id));
  if (missing.length === 0) return 0;
  doc.transact(() => {
    (list as Y.Array<Y.Map<unknown>>).push(missing.map((c) => plainToYMap({ ...c })));
  }, origin);
  return missing.length;
}
