import * as Y from "yjs";
import { CLAIMS_KEY } from "../../lib/article-doc/internal";

/**
 * A comment belongs to the person who wrote it: its Y.Map item's client id is bound to them
 * (authorship.ts), so the name shown over it is vouched for — and so must be its words. This
 * finds, in an update not yet applied, any change to a comment by someone else: a field of
 * the comment's map written over (its text, its edit time), the comment or one of its fields
 * deleted, or the claim's whole `comments` list replaced while it holds others' comments.
 * Deleting the claim itself (which deletes its comments) is a claim deletion, guarded
 * elsewhere, and allowed here.
 *
 * Work is proportional to the update (its new items and deleted ranges), not to the document.
 */

type Decoded = ReturnType<typeof Y.decodeUpdate>;

interface CommentTouch { claimId: string; commentItem: Y.Item }

/** The claim id of a claim map (a value of the root claims map), else null. */
function claimIdOf(type: Y.AbstractType<unknown> | null | undefined): string | null {
  const item = type?._item;
  if (!item || !(type instanceof Y.Map)) return null;
  const parent = item.parent as Y.AbstractType<unknown> | null;
  return parent && parent._item === null && parent === parent.doc?.share.get(CLAIMS_KEY) ? item.parentSub : null;
}

/** When `type` is a comment's map: its item and its claim's id. */
function commentOf(type: Y.AbstractType<unknown> | null | undefined): CommentTouch | null {
  const item = type?._item;
  if (!item || !(type instanceof Y.Map)) return null;
  const list = item.parent as Y.AbstractType<unknown> | null;
  if (!(list instanceof Y.Array) || list._item?.parentSub !== "comments") return null;
  const claimId = claimIdOf(list._item.parent as Y.AbstractType<unknown>);
  return claimId ? { claimId, commentItem: item } : null;
}

function typeOfItem(item: Y.Item): Y.AbstractType<unknown> | null {
  return item.content instanceof Y.ContentType ? (item.content.type as Y.AbstractType<unknown>) : null;
}

function storedItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const s = Y.getItem(doc.store, id);
  return s instanceof Y.Item ? s : null;
}

/** Comments (of claims that exist in `doc`) that this update would change or remove. */
export function commentsTouchedBy(doc: Y.Doc, decoded: Decoded): CommentTouch[] {
  const out: CommentTouch[] = [];
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || s.parentSub === null) continue;
    if (s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue; // already held: overwrites nothing
    const parentId = s.parent instanceof Y.ID ? s.parent : null;
    const parentItem = parentId ? storedItem(doc, parentId) : null;
    if (!parentItem || parentItem.deleted) continue;
    const parent = typeOfItem(parentItem);
    const comment = commentOf(parent);
    if (comment) out.push(comment);
    else if (s.parentSub === "comments") {
      // the claim's whole comments list replaced: every comment in it is removed
      const claimId = claimIdOf(parent);
      const list = parent instanceof Y.Map ? parent.get("comments") : null;
      if (claimId && list instanceof Y.Array) {
        for (const m of list.toArray()) if (m instanceof Y.Map && m._item) out.push({ claimId, commentItem: m._item });
      }
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (const r of ranges) {
      const end = Math.min(r.clock + r.len, Y.getState(doc.store, client));
      if (r.clock >= end) continue;
      for (let i = Y.findIndexSS(structs, r.clock); i < structs.length && structs[i].id.clock < end; i++) {
        const s = structs[i];
        if (!(s instanceof Y.Item) || s.deleted) continue;
        // the comment itself, or one of its fields
        const own = commentOf(typeOfItem(s));
        const field = commentOf(s.parent as Y.AbstractType<unknown>);
        if (own) out.push(own);
        else if (field) out.push(field);
      }
    }
  }
  return out;
}
