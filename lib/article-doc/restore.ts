import type * as Y from "yjs";
import type { ClaimView } from "../claim-model";
import { newClaimMap, plainToYMap } from "./claims";
import { checkActor, claimsMap, nowIso, type Actor, type Origin } from "./internal";

/**
 * Put back claims from an earlier version of the document (read with `readClaims` from a
 * DocVersion): every claim of `claims` whose id is not in the document now is re-created with
 * its id, content, sources and comments. Claims that exist now are left as they are: a restore
 * never overwrites later work. Returns the ids restored. One transaction.
 *
 * The re-created items are new Yjs items written by whoever restores (the server binds their
 * client id to that user), so the restorer is their vouched creator and verdict setter: a
 * second person approves them.
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
      claim.set("verdict", old.verdict);
      claim.set("verdictBy", old.verdict === null ? null : a.id);
      claim.set("assigneeId", old.assigneeId);
      claim.set("createdBy", old.createdBy);
      claim.set("createdAt", old.createdAt);
      claim.set("updatedBy", a.id);
      claim.set("updatedAt", now);
      (claim.get("sources") as Y.Array<Y.Map<unknown>>).push(old.sources.map((s) => plainToYMap({ ...s })));
      (claim.get("comments") as Y.Array<Y.Map<unknown>>).push(old.comments.map((c) => plainToYMap({ ...c })));
      restored.push(old.id);
    }
  }, origin);
  return restored;
}
