import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/**
 * y-protocols messages as a hostile or hand-driven client sends them, for tests that talk to
 * the collab server below the providers.
 */

/** A sync "update" message (type 0, sync type 2). */
export function syncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** An awareness message (type 1) with one state (null: removed) for `clientId`. */
export function awarenessMessage(clientId: number, state: unknown, clock = 1): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

/** A sync update carrying what `write` adds to a copy of `base`, written under Yjs client id `clientId` (a forgery when it is someone else's). */
export function updateWrittenAs(base: Y.Doc, clientId: number, write: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  doc.clientID = clientId;
  const before = Y.encodeStateVector(doc);
  write(doc);
  const message = syncUpdate(Y.encodeStateAsUpdate(doc, before));
  doc.destroy();
  return message;
}
