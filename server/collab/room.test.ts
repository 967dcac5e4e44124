import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import type { Actor } from "../../lib/policies";
import type { DocStore } from "../persistence/doc-store";
import { DEFAULT_LIMITS } from "./limits";
import { MAX_UPDATES_PER_FLUSH, Room } from "./room";

function memoryStore() {
  return { load: async () => null, append: () => {}, flush: async () => {} } as unknown as DocStore;
}

/** A socket that records the sync-update frames it is sent, and when. */
function recordingSocket(log: string[], doc: Y.Doc) {
  return {
    OPEN: 1, readyState: 1,
    send(message: Uint8Array, _opts: unknown, cb?: (err?: Error) => void) {
      const d = decoding.createDecoder(message);
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 2) {
        log.push("frame");
        Y.applyUpdate(doc, decoding.readVarUint8Array(d));
      }
      cb?.();
    },
    close() {}, terminate() {},
  } as unknown as WebSocket;
}

const actor = { id: "u1", name: "U", role: "editor" } as Actor;

describe("room fan-out under a flood", () => {
  it("fans out a large backlog over several event-loop turns, and every client still converges", async () => {
    const room = new Room("flood", memoryStore(), DEFAULT_LIMITS);
    await room.ready;
    const events: string[] = [];
    const mirror = new Y.Doc();
    const conn = room.join(recordingSocket(events, mirror), actor, true);
    await conn.queue;

    // 3,000 single-edit updates from several writers within one turn (what an overloaded
    // room's backlog looks like). The old flush merged them all in one Y.mergeUpdates call,
    // whose cost grows much faster than the batch, and answered nothing else meanwhile.
    const writers = Array.from({ length: 5 }, () => new Y.Doc());
    const n = 3_000;
    for (let i = 0; i < n; i++) {
      const w = writers[i % writers.length];
      const before = Y.encodeStateVector(w);
      w.getText("t").insert(w.getText("t").length, "x");
      Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(w, before), writers.indexOf(w));
    }
    // Something else the process must do (a health check, another room): it runs between frames.
    setImmediate(() => events.push("other work"));
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 100 && events.filter((e) => e === "frame").length < Math.ceil(n / MAX_UPDATES_PER_FLUSH); i++) await new Promise((r) => setTimeout(r, 20));

    const frames = events.filter((e) => e === "frame").length;
    expect(frames).toBe(Math.ceil(n / MAX_UPDATES_PER_FLUSH));
    const other = events.indexOf("other work");
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(events.length - 1); // not starved until the whole backlog was merged
    expect(mirror.getText("t").length).toBe(n);
    expect(Y.encodeStateVector(mirror)).toEqual(Y.encodeStateVector(room.doc));
    room.destroy();
  }, 30_000);
});
