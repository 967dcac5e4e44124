import { performance } from "node:perf_hooks";
import * as decoding from "lib0/decoding";
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import * as awarenessProtocol from "y-protocols/awareness";
import type { WebSocket } from "ws";
import type { Actor } from "../../lib/policies";
import type { DocStore } from "../persistence/doc-store";
import { DEFAULT_LIMITS } from "./limits";
import { MessageType } from "../../lib/collab-messages";
import { BUSY_UPDATES, BUSY_WINDOW_MS, MAX_UPDATES_PER_FLUSH, MIN_FRAME_INTERVAL_MS, Room } from "./room";
import { FairTurns } from "./turns";
import { awarenessMessage } from "../test-support/wire";
import { concatRuns } from "../../lib/merge-updates";
import { encodeSyncUpdate } from "./protocol";

// The real functions, watched: which slices were joined without Yjs's merge.
vi.mock("../../lib/merge-updates", async (original) => {
  const m = await original<typeof import("../../lib/merge-updates")>();
  return { ...m, concatRuns: vi.fn(m.concatRuns) };
});

function memoryStore() {
  return { load: async () => null, append: () => {}, flush: async () => {}, setDrain: () => {} } as unknown as DocStore;
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

describe("updates forwarded as they came (applyAsReceived)", () => {
  /** A room with one reading client (a mirror document fed by its frames) and a store that records appends. */
  async function setup() {
    const appended: Uint8Array[] = [];
    let drain: (() => void) | null = null;
    const store = {
      load: async () => null, append: (_id: string, u: Uint8Array) => appended.push(u),
      flush: async () => drain?.(), setDrain: (_id: string, d: (() => void) | null) => { drain = d; },
    } as unknown as DocStore;
    const room = new Room("raw", store, DEFAULT_LIMITS, { frameIntervalMs: () => MIN_FRAME_INTERVAL_MS });
    await room.ready;
    const mirror = new Y.Doc();
    const frames: string[] = [];
    const conn = room.join(recordingSocket(frames, mirror), actor, true);
    await conn.queue;
    // Past MIN_FRAME_INTERVAL_MS, and the fan-out slice's turn.
    const settle = async () => { await new Promise((r) => setTimeout(r, MIN_FRAME_INTERVAL_MS + 5)); for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r)); };
    return { room, mirror, appended, settle };
  }
  /** Three consecutive edits of one writer, as three updates (each depends on the one before). */
  function edits() {
    const w = new Y.Doc();
    const out: Uint8Array[] = [];
    w.on("update", (u: Uint8Array) => out.push(u));
    w.getText("t").insert(0, "a");
    w.getText("t").insert(1, "b");
    w.getMap("claims").set("c1", "x");
    return { w, out };
  }

  it("joins a slice of typing from several writers in one copy, the bytes Y.mergeUpdates writes; other updates go to Yjs's merge", async () => {
    const { room, mirror, appended, settle } = await setup();
    const writers = Array.from({ length: 3 }, () => new Y.Doc());
    const sent: Uint8Array[] = [];
    const conns = writers.map(() => room.join(recordingSocket([], new Y.Doc()), actor, false));
    await Promise.all(conns.map((c) => c.queue));
    writers.forEach((w, k) => w.on("update", (u: Uint8Array) => { sent.push(u); room.handleMessage(conns[k], encodeSyncUpdate(u)); }));
    const joins = vi.mocked(concatRuns);
    joins.mockClear();
    for (let i = 0; i < 12; i++) writers[i % 3].getText("t").insert(writers[i % 3].getText("t").length, ["سند", "b", "😀"][i % 3]);
    await settle();
    expect(appended).toHaveLength(1);
    expect(Buffer.from(appended[0]).equals(Buffer.from(Y.mergeUpdates(sent)))).toBe(true);
    expect(joins.mock.results.map((r) => r.value !== null)).toEqual([true]);
    // A map entry (a claim) is not typing: that slice is merged by Yjs, and nothing is lost.
    sent.length = 0;
    writers[0].getText("t").insert(0, "x");
    writers[1].getMap("claims").set("c1", { text: "2259" });
    writers[2].getText("t").insert(0, "y");
    await settle();
    expect(joins.mock.results.map((r) => r.value !== null)).toEqual([true, false]);
    expect(Buffer.from(appended[1]).equals(Buffer.from(Y.mergeUpdates(sent)))).toBe(true);
    const all = new Y.Doc();
    for (const w of writers) Y.applyUpdate(all, Y.encodeStateAsUpdate(w));
    expect(Y.encodeStateAsUpdate(mirror)).toEqual(Y.encodeStateAsUpdate(all));
    room.destroy();
  });

  it("persists the bytes a client sent, not a new encoding of them, and sends nothing for an update already held", async () => {
    const { room, appended, settle } = await setup();
    const { out } = edits();
    room.applyAsReceived(out[0], "client", Y.decodeUpdate(out[0]).structs);
    await settle();
    expect(appended).toEqual([out[0]]);
    expect(appended[0]).toBe(out[0]); // a slice of one update appends it as it is
    room.applyAsReceived(out[0], "client", Y.decodeUpdate(out[0]).structs); // a duplicate: nothing new, nothing set aside
    await settle();
    expect(appended.length).toBe(1);
    room.destroy();
  });

  it("encodes what an update added when its bytes repeat content the document had (a reconnecting client's sync step 2)", async () => {
    const { room, mirror, appended, settle } = await setup();
    const { w, out } = edits();
    room.applyAsReceived(out[0], "client", Y.decodeUpdate(out[0]).structs);
    await settle();
    const both = Y.mergeUpdates([out[0], out[1]]); // repeats out[0]
    room.applyAsReceived(both, "client", Y.decodeUpdate(both).structs);
    await settle();
    expect(appended.length).toBe(2);
    expect(Buffer.from(appended[1]).equals(Buffer.from(both))).toBe(false);
    const known = Y.encodeStateVector((() => { const d = new Y.Doc(); Y.applyUpdate(d, out[0]); return d; })());
    expect(Y.decodeUpdate(appended[1]).structs.every((st) => st.id.clock >= (Y.decodeStateVector(known).get(st.id.client) ?? 0))).toBe(true);
    room.applyAsReceived(out[2], "client", Y.decodeUpdate(out[2]).structs);
    await settle();
    expect(Y.encodeStateVector(mirror)).toEqual(Y.encodeStateVector(w));
    room.destroy();
  });

  it("appends a fan-out slice's updates to the store merged once, and a store flush takes what still waits for a slice", async () => {
    const { room, mirror, appended, settle } = await setup();
    const { w, out } = edits();
    for (const u of out) room.applyAsReceived(u, "client", Y.decodeUpdate(u).structs);
    expect(appended.length).toBe(0); // waiting for the slice
    await (room as unknown as { store: DocStore }).store.flush("raw"); // drains: unload and shutdown see every edit
    expect(appended.length).toBe(1);
    expect(Y.encodeStateAsUpdate(w)).toEqual(Y.encodeStateAsUpdate((() => { const d = new Y.Doc(); Y.applyUpdate(d, appended[0]); return d; })()));
    await settle();
    expect(mirror.getText("t").toString()).toBe("ab");
    expect(appended.length).toBe(1);
    room.destroy();
  });

  it("forwards an update that must wait for a missing dependency, so clients and the store have it once the dependency comes", async () => {
    const { room, mirror, appended, settle } = await setup();
    const { w, out } = edits();
    room.applyAsReceived(out[1], "client", Y.decodeUpdate(out[1]).structs); // depends on out[0]: Yjs sets it aside
    expect(room.doc.store.pendingStructs).not.toBeNull();
    await settle();
    expect(appended.length).toBe(1);
    room.applyAsReceived(out[0], "client", Y.decodeUpdate(out[0]).structs);
    room.applyAsReceived(out[2], "client", Y.decodeUpdate(out[2]).structs);
    await settle();
    expect(mirror.getText("t").toString()).toBe("ab");
    expect(mirror.getMap("claims").get("c1")).toBe("x");
    const stored = new Y.Doc();
    for (const u of appended) Y.applyUpdate(stored, u);
    expect(Y.encodeStateAsUpdate(stored)).toEqual(Y.encodeStateAsUpdate(w));
    room.destroy();
  });

  it("encodes the transaction when the document already held pending content, which the bytes that integrate it do not carry", async () => {
    const { room, mirror, appended, settle } = await setup();
    const { w, out } = edits();
    // A peer process relayed out[1] before out[0] reached anyone: applied the ordinary way, it
    // changed nothing and is pending (nothing is sent for it).
    Y.applyUpdate(room.doc, out[1], "peer");
    await settle();
    expect(appended.length).toBe(0);
    room.applyAsReceived(out[0], "client", Y.decodeUpdate(out[0]).structs); // integrates out[0] AND the pending out[1]
    await settle();
    expect(mirror.getText("t").toString()).toBe("ab"); // forwarding out[0]'s bytes alone would give "a"
    const stored = new Y.Doc();
    for (const u of appended) Y.applyUpdate(stored, u);
    expect(stored.getText("t").toString()).toBe("ab");
    room.applyAsReceived(out[2], "client", Y.decodeUpdate(out[2]).structs);
    await settle();
    expect(Y.encodeStateVector(mirror)).toEqual(Y.encodeStateVector(w));
    room.destroy();
  });

  it("fans out the server's own and relayed transactions encoded as Yjs would", async () => {
    const { room, mirror, appended, settle } = await setup();
    const yjsOwn: Uint8Array[] = [];
    const probe = (u: Uint8Array) => yjsOwn.push(u);
    room.doc.on("update", probe);
    room.doc.transact(() => room.doc.getMap("claims").set("c9", "server"), "server");
    room.doc.off("update", probe);
    await settle();
    expect(appended).toEqual(yjsOwn);
    expect(mirror.getMap("claims").get("c9")).toBe("server");
    room.destroy();
  });
});

describe("frame interval", () => {
  /** A room with a frame interval of `intervalMs`, one reading client, and `edit()`: one appended character from a writer. */
  async function typingRoom(name: string, intervalMs: number) {
    const room = new Room(name, memoryStore(), DEFAULT_LIMITS, { frameIntervalMs: () => intervalMs });
    await room.ready;
    const frames: string[] = [];
    const mirror = new Y.Doc();
    const conn = room.join(recordingSocket(frames, mirror), actor, true);
    await conn.queue;
    const w = new Y.Doc();
    const edit = () => { const before = Y.encodeStateVector(w); w.getText("t").insert(w.getText("t").length, "x"); const u = Y.encodeStateAsUpdate(w, before); room.applyAsReceived(u, "client", Y.decodeUpdate(u).structs); };
    const turn = () => new Promise((r) => setImmediate(r));
    return { room, frames, mirror, edit, turn };
  }

  it("a busy room sends at most one update frame per MIN_FRAME_INTERVAL_MS; a quiet room's edits go out at once, even two close together", async () => {
    const { room, frames, mirror, edit, turn } = await typingRoom("interval", MIN_FRAME_INTERVAL_MS);
    // Quiet: two edits a turn apart (well within the interval), each in a frame of its own at once.
    edit();
    await turn();
    await turn();
    expect(frames.length).toBe(1);
    edit();
    await turn();
    await turn();
    expect(frames.length).toBe(2);
    await new Promise((r) => setTimeout(r, 10 * BUSY_WINDOW_MS)); // the room is quiet again
    // Busy: 30 edits, one per event-loop turn (a frame per turn before): once the room counts as
    // busy (BUSY_UPDATES within about BUSY_WINDOW_MS), at most one frame per interval.
    const before = frames.length;
    const t0 = performance.now();
    for (let i = 0; i < 30; i++) { edit(); await turn(); }
    const elapsed = performance.now() - t0;
    await new Promise((r) => setTimeout(r, MIN_FRAME_INTERVAL_MS + 10));
    for (let i = 0; i < 3; i++) await turn();
    expect(mirror.getText("t").length).toBe(32);
    // The first edits before the room counts as busy, then one frame per interval during the loop, and one after it.
    const sent = frames.length - before;
    expect(sent).toBeLessThanOrEqual(BUSY_UPDATES + Math.floor(elapsed / MIN_FRAME_INTERVAL_MS) + 2);
    expect(sent).toBeLessThan(20);
    room.destroy();
  });

  it("a busy room waits the interval the load gives (frame-interval.ts): a longer one sends fewer frames and loses no edit", async () => {
    const { room, frames, mirror, edit, turn } = await typingRoom("interval-load", 40);
    const before = frames.length;
    const t0 = performance.now();
    // An edit about every millisecond for ~70 ms: busy; at the 4 ms minimum ~15 frames or more.
    for (let i = 0; i < 60; i++) { edit(); await new Promise((r) => setTimeout(r, 1)); }
    const elapsed = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 3; i++) await turn();
    expect(mirror.getText("t").length).toBe(60);
    // Until the room counts as busy (its decayed count reaches BUSY_UPDATES: about 7 edits 1 ms
    // apart) each edit goes out at once; then one frame per 40 ms, and one after the loop.
    expect(frames.length - before).toBeLessThanOrEqual(2 * BUSY_UPDATES + Math.floor(elapsed / 40) + 2);
    room.destroy();
  });
});
