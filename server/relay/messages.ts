import * as encoding from "lib0/encoding";
import { MessageType } from "../../lib/collab-messages";

/** Relay: a process's state vector and a digest of its delete set; `wantAwareness` on load. */
export function encodeRelaySyncRequest(stateVector: Uint8Array, deleteSetDigest: string, wantAwareness: boolean): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.RelaySyncRequest);
  encoding.writeVarUint8Array(e, stateVector);
  encoding.writeVarString(e, deleteSetDigest);
  encoding.writeVarUint(e, wantAwareness ? 1 : 0);
  return encoding.toUint8Array(e);
}

/**
 * Relay: a client id this process just bound to a user (server/persistence/client-bindings.ts).
 * Published before the update that made it, on the same channel, so a peer knows the owner
 * before it sees the content.
 */
export function encodeRelayBinding(clientId: number, userId: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.RelayBinding);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarString(e, userId);
  return encoding.toUint8Array(e);
}

/** Relay: the update the requester lacks (may be empty) and awareness states (may be empty). */
export function encodeRelaySyncReply(to: string, update: Uint8Array, awarenessUpdate: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.RelaySyncReply);
  encoding.writeVarString(e, to);
  encoding.writeVarUint8Array(e, update);
  encoding.writeVarUint8Array(e, awarenessUpdate);
  return encoding.toUint8Array(e);
}
