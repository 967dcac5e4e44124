import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/**
 * Whether a transaction changed the document (new structs or deletions): what Yjs checks
 * before it emits "update".
 */
export function transactionChanged(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/**
 * The update a transaction made, byte for byte what Yjs hands to `doc.on("update")` (v1
 * encoding) — for use in an "afterTransactionCleanup" handler, the moment Yjs encodes it.
 * Yjs encodes every transaction once any "update" listener exists; the collab room listens
 * to "afterTransactionCleanup" instead, so that an update a client sent, applied as it came,
 * is forwarded as the bytes it came in (room.ts), and only the server's own and relayed
 * transactions are encoded here. Yjs does not export its writeUpdateMessageFromTransaction;
 * this is that function on Yjs's exported pieces (UpdateEncoderV1, findIndexSS, getState,
 * Item/GC.write), and lib/transaction-update.test.ts checks it against Yjs's own output.
 * Null when the transaction changed nothing.
 */
export function encodeTransactionUpdate(tr: Y.Transaction): Uint8Array | null {
  if (!transactionChanged(tr)) return null;
  const encoder = new Y.UpdateEncoderV1();
  const store = tr.doc.store;
  // Structs: every client whose state moved past its clock before the transaction, and every
  // client the store holds that was unknown before (from clock 0); higher client ids first.
  const from = new Map<number, number>();
  for (const [client, clock] of tr.beforeState) if (Y.getState(store, client) > clock) from.set(client, clock);
  for (const client of store.clients.keys()) if (!tr.beforeState.has(client)) from.set(client, 0);
  encoding.writeVarUint(encoder.restEncoder, from.size);
  for (const [client, since] of [...from].sort((a, b) => b[0] - a[0])) {
    const structs = store.clients.get(client)!;
    const clock = Math.max(since, structs[0].id.clock);
    const start = Y.findIndexSS(structs, clock);
    encoding.writeVarUint(encoder.restEncoder, structs.length - start);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, clock);
    structs[start].write(encoder, clock - structs[start].id.clock);
    for (let i = start + 1; i < structs.length; i++) structs[i].write(encoder, 0);
  }
  // The transaction's delete set (sorted and merged by Yjs before the observers ran).
  encoding.writeVarUint(encoder.restEncoder, tr.deleteSet.clients.size);
  for (const [client, items] of [...tr.deleteSet.clients].sort((a, b) => b[0] - a[0])) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const item of items) {
      encoder.writeDsClock(item.clock);
      encoder.writeDsLen(item.len);
    }
  }
  return encoder.toUint8Array();
}
