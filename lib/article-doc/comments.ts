import * as Y from "yjs";
import { z } from "zod";
import { AppError } from "../errors";
import { checkActor, findById, getClaimMap, getNested, newId, nowIso, parseInput, touch, type Actor, type Origin } from "./internal";

/** Comments of a claim: a Y.Array of Y.Map { id, authorId, authorName, text, createdAt, editedAt }. */

/** Limits on comments. */
export const MAX_COMMENT_LENGTH = 5_000;
export const MAX_COMMENTS_PER_CLAIM = 1_000;

/** Text of a comment: trimmed, 1–5000 characters. */
export const ZCommentText = z.string().trim().min(1, "comment is empty").max(MAX_COMMENT_LENGTH);
export type TCommentText = z.infer<typeof ZCommentText>;
const ZCommentId = z.string().min(1).max(100);

/** Add a comment by `actor` to a claim; returns the comment id. */
export function addComment(doc: Y.Doc, claimId: string, text: TCommentText, actor: Actor, origin?: Origin): string {
  const a = checkActor(actor);
  const t = parseInput(ZCommentText, text, "comment");
  const claim = getClaimMap(doc, claimId);
  const comments = getNested(claim, "comments", Y.Array<unknown>);
  if (comments.length >= MAX_COMMENTS_PER_CLAIM) throw new AppError("INVALID_INPUT", `a claim holds at most ${MAX_COMMENTS_PER_CLAIM} comments`).withReason("tooManyComments", { max: MAX_COMMENTS_PER_CLAIM });
  const id = newId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set("id", id);
    m.set("authorId", a.id);
    m.set("authorName", a.name);
    m.set("text", t);
    m.set("createdAt", nowIso());
    m.set("editedAt", null);
    comments.push([m]);
    touch(claim, a);
  }, origin);
  return id;
}

/** The actor's own comment, or NOT_FOUND / FORBIDDEN. */
function ownComment(doc: Y.Doc, claimId: string, commentId: string, actor: Actor) {
  const claim = getClaimMap(doc, claimId);
  const comments = getNested(claim, "comments", Y.Array<unknown>);
  const id = parseInput(ZCommentId, commentId, "comment id");
  const found = findById(comments, id);
  if (!found) throw new AppError("NOT_FOUND", `comment ${id} not found`);
  if (found.map.get("authorId") !== actor.id) throw new AppError("FORBIDDEN", "only the author may change a comment");
  return { claim, comments, ...found };
}

/** Edit the text of one's own comment (FORBIDDEN for someone else's); sets editedAt. */
export function editComment(doc: Y.Doc, claimId: string, commentId: string, text: TCommentText, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const t = parseInput(ZCommentText, text, "comment");
  const { claim, map } = ownComment(doc, claimId, commentId, a);
  doc.transact(() => {
    map.set("text", t);
    map.set("editedAt", nowIso());
    touch(claim, a);
  }, origin);
}

/** Delete one's own comment (FORBIDDEN for someone else's). */
export function deleteComment(doc: Y.Doc, claimId: string, commentId: string, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const { claim, comments, index } = ownComment(doc, claimId, commentId, a);
  doc.transact(() => {
    comments.delete(index, 1);
    touch(claim, a);
  }, origin);
}
