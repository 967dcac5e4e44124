import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";

/** Message types on the wire. 0–3 are y-websocket's; 100+ are Sanad's own. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Server -> client JSON: authoritative decisions (sign-offs, publication) for the article. */
  Decisions: 100,
  /** Process -> processes (relay only): "here is my state vector, send me what I lack". */
  RelaySyncRequest: 110,
  /** Process -> one process (relay only): the answer to a RelaySyncRequest. */
  RelaySyncReply: 111,
} as const;

export function encodeSyncStep1(stateVectorOf: Parameters<typeof syncProtocol.writeSyncStep1>[1]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep1(e, stateVectorOf);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Parameters<typeof syncProtocol.writeSyncStep2>[1], stateVector?: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

export function encodeDecisions(payload: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Decisions);
  encoding.writeVarString(e, JSON.stringify(payload));
  return encoding.toUint8Array(e);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Decode an awareness update (y-protocols format) so the server can vet each entry. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  if (n > 1000) throw new Error("too many awareness entries");
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state = JSON.parse(decoding.readVarString(d)) as unknown;
    if (state !== null && (typeof state !== "object" || Array.isArray(state))) throw new Error("awareness state must be an object or null");
    out.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  return out;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(e);
}

/** Relay: a process's state vector and a digest of its delete set; `wantAwareness` on load. */
export function encodeRelaySyncRequest(stateVector: Uint8Array, deleteSetDigest: string, wantAwareness: boolean): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.RelaySyncRequest);
  encoding.writeVarUint8Array(e, stateVector);
  encoding.writeVarString(e, deleteSetDigest);
  encoding.writeVarUint(e, wantAwareness ? 1 : 0);
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
