import * as decoding from "lib0/decoding";
import * as Y from "yjs";

/**
 * Merge updates in bounded chunks. `Y.mergeUpdates` costs far more than linear in the number
 * of updates it is given (measured here: 8,000 single-edit updates 1.2–3.2 s in one call,
 * 65 ms as chunks of 64 merged again), so no caller hands it an unbounded list.
 */
export function mergeUpdatesBounded(updates: Uint8Array[], chunk = 64): Uint8Array {
  if (updates.length === 1) return updates[0];
  if (updates.length <= chunk) return Y.mergeUpdates(updates);
  const merged: Uint8Array[] = [];
  for (let i = 0; i < updates.length; i += chunk) {
    const part = updates.slice(i, i + chunk);
    merged.push(part.length === 1 ? part[0] : Y.mergeUpdates(part));
  }
  return mergeUpdatesBounded(merged, chunk);
}

/**
 * One client's run of consecutive structs, as a client's typing sends it: the structs' bytes
 * and where they sit in that client's clock. `typingRun` finds it; `concatRuns` joins runs.
 */
export interface StructRun {
  client: number;
  clock: number;
  /** Clock units the run covers (the sum of its structs' lengths). */
  length: number;
  /** Number of structs. */
  count: number;
  /** The structs as encoded (update format v1), without the section header or delete set. */
  body: Uint8Array;
}

/**
 * The run of an update that holds one client's structs and deletes nothing, when every struct
 * is of a kind this reads (GC, or an item with string or deleted content: typing and its
 * deletion); null for anything else, which is then merged by Yjs. `decoded` is the same
 * update's `Y.decodeUpdate`: the structs' lengths come from it (a string's length in UTF-16
 * units, as Yjs decoded it), and only the byte boundaries from the reading here, which mirrors
 * Yjs's own v1 reader for these kinds. Whatever follows the structs (a delete set that
 * `decoded` shows empty, and any bytes Yjs ignores after it) is left out of the body.
 */
export function typingRun(update: Uint8Array, decoded: { structs: ReadonlyArray<{ id: { client: number; clock: number }; length: number }>; ds: { clients: Map<number, unknown> } }): StructRun | null {
  if (decoded.ds.clients.size !== 0 || decoded.structs.length === 0) return null;
  try {
    const d = decoding.createDecoder(update);
    if (decoding.readVarUint(d) !== 1) return null;
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    if (count !== decoded.structs.length || decoded.structs[0].id.client !== client || decoded.structs[0].id.clock !== clock) return null;
    const start = d.pos;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const s = decoded.structs[i];
      if (s.id.client !== client || s.id.clock !== clock + length) return null;
      if (!skipStruct(d)) return null;
      length += s.length;
    }
    if (d.pos > update.byteLength) return null;
    return { client, clock, length, count, body: update.subarray(start, d.pos) };
  } catch {
    return null; // cannot happen for an update Yjs decoded; never a reason to fail the edit
  }
}

const BIT6 = 32, BIT7 = 64, BIT8 = 128, BITS5 = 31;
const CONTENT_DELETED = 1, CONTENT_STRING = 4;

/** Skip one struct of the kinds typingRun accepts (yjs 13.6 v1 format); false for any other. */
function skipStruct(d: decoding.Decoder): boolean {
  const info = decoding.readUint8(d);
  const ref = info & BITS5;
  if (ref === 0) { decoding.readVarUint(d); return true; } // GC: its length
  if (ref !== CONTENT_STRING && ref !== CONTENT_DELETED) return false;
  if (info & BIT8) { decoding.readVarUint(d); decoding.readVarUint(d); } // origin
  if (info & BIT7) { decoding.readVarUint(d); decoding.readVarUint(d); } // right origin
  if ((info & (BIT7 | BIT8)) === 0) {
    // parent: a root type's name, or the id of the item holding it; then the map key, if any
    if (decoding.readVarUint(d) === 1) skipBytes(d);
    else { decoding.readVarUint(d); decoding.readVarUint(d); }
    if (info & BIT6) skipBytes(d);
  }
  if (ref === CONTENT_STRING) skipBytes(d);
  else decoding.readVarUint(d); // deleted content: its length
  return true;
}

/** Skip a length-prefixed byte string (a string's UTF-8, a key). */
function skipBytes(d: decoding.Decoder): void {
  const n = decoding.readVarUint(d);
  d.pos += n;
}

/**
 * Runs joined into one update (v1, no deletions) — what `Y.mergeUpdates` makes of the same
 * updates, in a single copy: the sections in descending client order, as Yjs writes them (its
 * merge relies on that order). Null unless each client's runs follow one another without a
 * gap or overlap in the order given: then the caller merges with Yjs. With the update come
 * its own runs, one per client, their bodies inside it: the store joins those again for its
 * log row (DocStore.append), and they hold on to nothing but the update.
 */
export function concatRuns(runs: ReadonlyArray<StructRun | null>, n = runs.length): { update: Uint8Array; runs: StructRun[] } | null {
  const byClient = new Map<number, StructRun[]>();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = runs[i];
    if (r === null) return null;
    const list = byClient.get(r.client);
    if (list === undefined) byClient.set(r.client, [r]);
    else {
      const last = list[list.length - 1];
      if (r.clock !== last.clock + last.length) return null;
      list.push(r);
    }
    bytes += r.body.byteLength;
  }
  const clients = [...byClient.keys()].sort((a, b) => b - a);
  const out = new Uint8Array(bytes + 5 + clients.length * 20 + 1);
  const joined: StructRun[] = [];
  let pos = writeVarUint(out, 0, clients.length);
  for (const client of clients) {
    const list = byClient.get(client)!;
    let count = 0, length = 0;
    for (const r of list) { count += r.count; length += r.length; }
    pos = writeVarUint(out, pos, count);
    pos = writeVarUint(out, pos, client);
    pos = writeVarUint(out, pos, list[0].clock);
    const start = pos;
    for (const r of list) { out.set(r.body, pos); pos += r.body.byteLength; }
    joined.push({ client, clock: list[0].clock, length, count, body: out.subarray(start, pos) });
  }
  out[pos++] = 0; // no deletions
  return { update: out.subarray(0, pos), runs: joined };
}

/** lib0's varuint (7 bits a byte, low first) into `out` at `pos`; the position after it. */
function writeVarUint(out: Uint8Array, pos: number, n: number): number {
  while (n > 0x7f) {
    out[pos++] = 0x80 | (n & 0x7f);
    n = Math.floor(n / 128);
  }
  out[pos++] = n;
  return pos;
}
