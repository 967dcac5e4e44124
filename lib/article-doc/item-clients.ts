import * as Y from "yjs";
import { CLAIMS_KEY } from "./internal";

/**
 * Which Yjs client wrote each part of a claim that carries authorship. Every Yjs item records
 * the client id that created it, and clients cannot write items under a client id the
 * server bound to someone else (server/collab/authorship.ts), so these client ids — unlike
 * the client-written `createdBy`, `verdictBy` or `authorId` keys — say who really wrote what.
 * The server maps them to users through the DocClient table.
 *
 * Reads only yjs's public-but-internal item fields (`_item`, `_map`, `id.client`); no
 * instanceof on foreign types, so it works on a doc of either module graph when called
 * through DocAccess's `api`.
 */
export interface ClaimItemClients {
  /** Client of the claim's Y.Map item (the claim's creator). */
  creator: number | null;
  /** Client of the item currently holding the `verdict` key, when a verdict is set. */
  verdict: number | null;
  /** Client of the item currently holding the `status` key. */
  status: number | null;
  /** Comment id -> client of the comment's Y.Map item (the comment's author). */
  comments: Record<string, number>;
}

interface ItemLike { id: { client: number; clock: number }; deleted: boolean; length: number }
interface TypeLike { _item: ItemLike | null; _map: Map<string, ItemLike & { content: { getContent(): unknown[] } }> }

function clientOfKey(map: TypeLike, key: string): number | null {
  const item = map._map.get(key);
  if (!item || item.deleted) return null;
  const value = item.content.getContent()[0];
  return value === null || value === undefined ? null : item.id.client;
}

/** Authorship clients of one claim, or null when there is no such claim map. */
export function claimItemClients(doc: Y.Doc, claimId: string): ClaimItemClients | null {
  const claim = doc.getMap(CLAIMS_KEY).get(claimId);
  if (!(claim instanceof Y.Map)) return null;
  const t = claim as unknown as TypeLike;
  const comments: Record<string, number> = {};
  const arr = claim.get("comments");
  if (arr instanceof Y.Array) {
    for (const m of arr.toArray()) {
      if (!(m instanceof Y.Map)) continue;
      const id = m.get("id");
      const item = (m as unknown as TypeLike)._item;
      if (typeof id === "string" && item) comments[id] = item.id.client;
    }
  }
  return { creator: t._item?.id.client ?? null, verdict: clientOfKey(t, "verdict"), status: clientOfKey(t, "status"), comments };
}

/** Authorship clients of every claim map in the document. */
export function allClaimItemClients(doc: Y.Doc): Map<string, ClaimItemClients> {
  const out = new Map<string, ClaimItemClients>();
  for (const id of doc.getMap(CLAIMS_KEY).keys()) {
    const c = claimItemClients(doc, id);
    if (c) out.set(id, c);
  }
  return out;
}

/** The item ids of the live claim maps (what a delete set must cover to delete a claim). */
export function liveClaimItems(doc: Y.Doc): Array<{ claimId: string; client: number; clock: number }> {
  const map = doc.getMap(CLAIMS_KEY) as unknown as TypeLike;
  const out: Array<{ claimId: string; client: number; clock: number }> = [];
  for (const [claimId, item] of map._map) if (!item.deleted) out.push({ claimId, client: item.id.client, clock: item.id.clock });
  return out;
}

/**
 * Claim ids a transaction touched (anything under a claim: a field, the rationale text, a
 * comment) and claim ids it removed from the claims map. Used to record who last changed a
 * claim and who deleted it.
 */
export function claimsTouchedBy(tr: Y.Transaction): { touched: Set<string>; removed: Set<string> } {
  const claims = tr.doc.getMap(CLAIMS_KEY);
  const touched = new Set<string>();
  const removed = new Set<string>();
  for (const [type, keys] of tr.changed) {
    if (type === (claims as unknown)) {
      for (const key of keys) if (key !== null) (claims.has(key) ? touched : removed).add(key);
      continue;
    }
    // Walk up to the child of the claims map: its key is the claim id.
    let t: Y.AbstractType<unknown> | null = type as Y.AbstractType<unknown>;
    while (t && t._item) {
      const parent = t._item.parent as unknown;
      if (parent === claims) {
        const key = t._item.parentSub;
        if (key && claims.has(key)) touched.add(key);
        break;
      }
      t = parent as Y.AbstractType<unknown>;
    }
  }
  return { touched, removed };
}

/** A Yjs item id: which client wrote it, at which clock. Stable across processes. */
export interface ItemRef { client: number; clock: number }

/** What notifications need to know about a claim's items (server/notifications/from-projection.ts). */
export interface ClaimNotificationItems {
  /** The item holding the current `assigneeId`, when someone is assigned. */
  assignee: ItemRef | null;
  /** For each offset in the rationale asked for: the item (client, clock) of the character there. */
  rationaleAt: (offset: number) => ItemRef | null;
  /** Comment id -> client of the item holding the comment's current `text` (who wrote that text). */
  commentTextClients: Record<string, number>;
}

interface TextItemLike { id: { client: number; clock: number }; deleted: boolean; countable: boolean; length: number; right: TextItemLike | null }

/**
 * The items behind a claim's assignment, rationale characters and comment texts. As with
 * `claimItemClients`, client ids are what the server binds to users: a client cannot forge
 * them, unlike the `assigneeId`'s companion keys or a comment's `authorId`.
 */
export function claimNotificationItems(doc: Y.Doc, claimId: string): ClaimNotificationItems | null {
  const claim = doc.getMap(CLAIMS_KEY).get(claimId);
  if (!(claim instanceof Y.Map)) return null;
  const t = claim as unknown as TypeLike;
  const assigneeItem = t._map.get("assigneeId");
  const assigneeValue = assigneeItem && !assigneeItem.deleted ? assigneeItem.content.getContent()[0] : null;
  const assignee = assigneeItem && typeof assigneeValue === "string" && assigneeValue ? { client: assigneeItem.id.client, clock: assigneeItem.id.clock } : null;

  const rationale = claim.get("rationale");
  const start = rationale instanceof Y.Text ? ((rationale as unknown as { _start: TextItemLike | null })._start) : null;
  const rationaleAt = (offset: number): ItemRef | null => {
    let at = 0;
    for (let item = start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      if (offset < at + item.length) return { client: item.id.client, clock: item.id.clock + (offset - at) };
      at += item.length;
    }
    return null;
  };

  const commentTextClients: Record<string, number> = {};
  const arr = claim.get("comments");
  if (arr instanceof Y.Array) {
    for (const m of arr.toArray()) {
      if (!(m instanceof Y.Map)) continue;
      const id = m.get("id");
      const client = clientOfKey(m as unknown as TypeLike, "text");
      if (typeof id === "string" && client !== null) commentTextClients[id] = client;
    }
  }
  return { assignee, rationaleAt, commentTextClients };
}
