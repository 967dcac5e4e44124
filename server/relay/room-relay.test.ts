import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocStore } from "../persistence/doc-store";
import { MemoryRelayHub } from "./relay";
import { decodeEnvelope, encodeEnvelope, redactRedisUrl } from "./redis-relay";
import { DEFAULT_LIMITS } from "../collab/limits";
import { MessageType } from "../../lib/collab-messages";
import { Room } from "../collab/room";

/** A store that remembers what it was asked to append (no database). */
function memoryStore(initial: Uint8Array | null = null) {
  const appended: Uint8Array[] = [];
  const store = {
    appended,
    load: async () => (appended.length ? Y.mergeUpdates([...(initial ? [initial] : []), ...appended]) : initial),
    append: (_id: string, u: Uint8Array) => void appended.push(u),
    flush: async () => {},
    setDrain: () => {},
  };
  return store;
}

const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error(`timed out: ${what}`);
};

describe("rooms over a relay (in-memory hub)", () => {
  it("relays local updates once, applies remote ones without persisting or re-publishing them, and heals a lost one", async () => {
    const hub = new MemoryRelayHub();
    const published: Array<{ from: string; type: number }> = [];
    hub.drop = (_id, m, from) => {
      published.push({ from, type: m[0] });
      return false;
    };
    const s1 = memoryStore();
    const s2 = memoryStore();
    const r1 = new Room("art", s1 as unknown as DocStore, DEFAULT_LIMITS, {}, hub.relay("p1"));
    const r2 = new Room("art", s2 as unknown as DocStore, DEFAULT_LIMITS, {}, hub.relay("p2"));
    await Promise.all([r1.ready, r2.ready]);
    expect(hub.subscriberCount("art")).toBe(2);

    r1.doc.getMap("m").set("a", 1);
    r1.doc.getMap("m").set("b", 2); // same turn: coalesced into one relayed frame
    await until(() => r2.doc.getMap("m").get("b") === 2, "relayed");
    expect(published.filter((p) => p.from === "p1" && p.type === MessageType.Sync)).toHaveLength(1);
    expect(published.filter((p) => p.from === "p2" && p.type === MessageType.Sync)).toHaveLength(0); // not re-published
    expect(s1.appended).toHaveLength(1); // persisted as merged for the frame: one append per fan-out slice
    expect(s2.appended).toHaveLength(0); // the originating process persists

    // Lose the next update frame from p1; a state-vector request from p2 heals it.
    hub.drop = (_id, m, from) => from === "p1" && m[0] === MessageType.Sync;
    r1.doc.getMap("m").set("lost", true);
    await new Promise((r) => setTimeout(r, 20));
    expect(r2.doc.getMap("m").has("lost")).toBe(false);
    hub.drop = () => false;
    r2.peers!.requestFromPeers();
    await until(() => r2.doc.getMap("m").get("lost") === true, "healed");
    expect(s2.appended).toHaveLength(0);

    // A process with nothing to add stays silent.
    const before = published.length;
    hub.drop = (_id, m, from) => {
      published.push({ from, type: m[0] });
      return false;
    };
    r2.peers!.requestFromPeers();
    await new Promise((r) => setTimeout(r, 20));
    expect(published.slice(before).map((p) => p.type)).toEqual([MessageType.RelaySyncRequest]);

    r1.destroy();
    r2.destroy();
    expect(hub.subscriberCount("art")).toBe(0);
  });

  it("persistMissing writes only what the store lacks", async () => {
    const hub = new MemoryRelayHub();
    const s = memoryStore();
    const room = new Room("art2", s as unknown as DocStore, DEFAULT_LIMITS, {}, hub.relay());
    await room.ready;
    expect(await room.peers!.persistMissing()).toBe(false);
    const other = new Y.Doc();
    other.getText("t").insert(0, "relayed");
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(other), Symbol("not-store")); // as if persisted by its originator...
    s.appended.length = 0; // ...which died before writing
    expect(await room.peers!.persistMissing()).toBe(true);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await s.load())!);
    expect(stored.getText("t").toString()).toBe("relayed");
    expect(await room.peers!.persistMissing()).toBe(false);
    room.destroy();
  });

  it("envelopes carry the sender id and binary payload; URLs are redacted", () => {
    const payload = new Uint8Array([0, 255, 1, 2]);
    const env = decodeEnvelope(encodeEnvelope("abc123", payload))!;
    expect(env.from).toBe("abc123");
    expect([...env.message]).toEqual([...payload]);
    expect(redactRedisUrl("redis://user:secret@host:6379/0")).not.toContain("secret");
  });
});
