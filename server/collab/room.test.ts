import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { WebSocket } from "ws";
import type { Actor } from "../../lib/policies";
import type { DocStore } from "../persistence/doc-store";
import { DEFAULT_LIMITS } from "./limits";
import { MessageType } from "../../lib/collab-messages";
import { MAX_UPDATES_PER_FLUSH, Room } from "./room";
import { FairTurns } from "./turns";
import { awarenessMessage } from "../test-support/wire";

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
    for (let i = 0; i < 100 && mirror.getText("t").length < n; i++) await new Promise((r) => setTimeout(r, 20));

    // At most MAX_UPDATES_PER_FLUSH per frame; fewer when a slice's time budget ends first (turns.ts).
    const frames = events.filter((e) => e === "frame").length;
    expect(frames).toBeGreaterThanOrEqual(Math.ceil(n / MAX_UPDATES_PER_FLUSH));
    const other = events.indexOf("other work");
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(events.length - 1); // not starved until the whole backlog was merged
    expect(mirror.getText("t").length).toBe(n);
    expect(Y.encodeStateVector(mirror)).toEqual(Y.encodeStateVector(room.doc));
    room.destroy();
  }, 30_000);
});

/** Apply `n` single-character edits from 5 writers to the room's document, as they would arrive. */
function flood(room: Room, n: number, char = "x"): void {
  const writers = Array.from({ length: 5 }, () => new Y.Doc());
  for (let i = 0; i < n; i++) {
    const w = writers[i % writers.length];
    const before = Y.encodeStateVector(w);
    w.getText("t").insert(w.getText("t").length, char);
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(w, before), writers.indexOf(w));
  }
}

describe("fair fan-out turns between rooms", () => {
  it("a quiet room's update goes out after at most one slice of a hot room's backlog, and every update of both arrives in order", async () => {
    // sliceMs 0: every slice merges exactly one chunk (64 updates), whatever the machine's speed.
    const turns = new FairTurns({ sliceMs: 0 });
    const hot = new Room("hot", memoryStore(), DEFAULT_LIMITS, { turns });
    const quiet = new Room("quiet", memoryStore(), DEFAULT_LIMITS, { turns });
    await Promise.all([hot.ready, quiet.ready]);
    const events: string[] = [];
    const hotMirror = new Y.Doc();
    const quietMirror = new Y.Doc();
    let hotSeenWhenQuietArrived = -1;
    const hotConn = hot.join(recordingSocket(events, hotMirror), actor, true);
    const quietSocket = recordingSocket([], quietMirror);
    const quietSend = quietSocket.send.bind(quietSocket);
    quietSocket.send = ((message: Uint8Array, opts: unknown, cb?: (err?: Error) => void) => {
      quietSend(message, opts as never, cb);
      if (quietMirror.getText("t").length > 0 && hotSeenWhenQuietArrived < 0) hotSeenWhenQuietArrived = hotMirror.getText("t").length;
    }) as typeof quietSocket.send;
    const quietConn = quiet.join(quietSocket, actor, true);
    await Promise.all([hotConn.queue, quietConn.queue]);

    const n = 2_000;
    flood(hot, n); // the hot room's backlog is queued first
    flood(quiet, 1, "q");
    for (let i = 0; i < 500 && (hotMirror.getText("t").length < n || quietMirror.getText("t").length < 1); i++) await new Promise((r) => setImmediate(r));

    // Before: the hot room's turn fanned out 1,024 updates before the quiet room's frame.
    expect(hotSeenWhenQuietArrived).toBeGreaterThanOrEqual(0);
    expect(hotSeenWhenQuietArrived).toBeLessThanOrEqual(64);
    expect(events.filter((e) => e === "frame").length).toBeGreaterThanOrEqual(Math.ceil(n / 64));
    expect(hotMirror.getText("t").toString()).toBe(hot.doc.getText("t").toString());
    expect(Y.encodeStateVector(hotMirror)).toEqual(Y.encodeStateVector(hot.doc));
    expect(quietMirror.getText("t").toString()).toBe("q");
    expect(turns.pending).toBe(0);
    hot.destroy();
    quiet.destroy();
  });

  it("a destroyed room sends what it still had queued and leaves the scheduler", async () => {
    const turns = new FairTurns({ sliceMs: 0, defer: () => {} }); // turns never run by themselves
    const room = new Room("gone", memoryStore(), DEFAULT_LIMITS, { turns });
    await room.ready;
    const mirror = new Y.Doc();
    const conn = room.join(recordingSocket([], mirror), actor, true);
    await conn.queue;
    flood(room, 300);
    expect(turns.pending).toBe(1);
    const text = room.doc.getText("t").toString();
    room.destroy();
    expect(mirror.getText("t").toString()).toBe(text);
    expect(turns.pending).toBe(0);
  });
});

/** A socket that applies the awareness frames it is sent to its own Awareness. */
function awarenessSocket(into: awarenessProtocol.Awareness) {
  return {
    OPEN: 1, readyState: 1,
    send(message: Uint8Array) {
      const d = decoding.createDecoder(message);
      if (decoding.readVarUint(d) === MessageType.Awareness) awarenessProtocol.applyAwarenessUpdate(into, decoding.readVarUint8Array(d), "server");
    },
    close() {}, terminate() {},
  } as unknown as WebSocket;
}


describe("room presence for joiners", () => {
  it("greets each joiner with the presence states as they are now, not as a previous joiner saw them", async () => {
    const room = new Room("presence", memoryStore(), DEFAULT_LIMITS);
    await room.ready;
    const writer = room.join(awarenessSocket(new awarenessProtocol.Awareness(new Y.Doc())), actor, false);
    await writer.queue;
    room.handleMessage(writer, awarenessMessage(7, { user: { colour: "#111111" } }, 1));

    const first = new awarenessProtocol.Awareness(new Y.Doc());
    await room.join(awarenessSocket(first), { ...actor, id: "u2" }, false).queue;
    expect((first.getStates().get(7)?.user as { colour: string }).colour).toBe("#111111");

    // The state changes; the encoded greeting the first joiner got must not be reused.
    room.handleMessage(writer, awarenessMessage(7, { user: { colour: "#222222" } }, 2));
    const second = new awarenessProtocol.Awareness(new Y.Doc());
    await room.join(awarenessSocket(second), { ...actor, id: "u3" }, false).queue;
    expect((second.getStates().get(7)?.user as { colour: string }).colour).toBe("#222222");

    // A state removed (its socket left) is not in the next greeting either.
    room.leave(writer);
    const third = new awarenessProtocol.Awareness(new Y.Doc());
    await room.join(awarenessSocket(third), { ...actor, id: "u4" }, false).queue;
    expect(third.getStates().has(7)).toBe(false);
    room.destroy();
  });
});
