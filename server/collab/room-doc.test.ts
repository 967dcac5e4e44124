import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { RoomDoc } from "./room-doc";

describe("RoomDoc", () => {
  it("emits every document event a Y.Doc emits, with the same arguments", () => {
    const events = ["beforeAllTransactions", "beforeTransaction", "beforeObserverCalls", "afterTransaction", "afterTransactionCleanup", "afterAllTransactions", "update", "updateV2"] as const;
    const seen = (doc: Y.Doc) => {
      const log: string[] = [];
      for (const e of events) doc.on(e, (...args: unknown[]) => { log.push(`${e}:${args.length}`); });
      doc.getText("t").insert(0, "سند");
      return log;
    };
    const plain = seen(new Y.Doc());
    expect(plain.length).toBeGreaterThanOrEqual(events.length);
    expect(seen(new RoomDoc())).toEqual(plain);
  });

  it("calls a copy of the listeners: one added during an emit is not called by it; off removes", () => {
    const doc = new RoomDoc();
    const calls: string[] = [];
    const late = () => calls.push("late");
    const first = () => { calls.push("first"); doc.on("afterTransaction", late); };
    doc.on("afterTransaction", first);
    doc.getText("t").insert(0, "a");
    expect(calls).toEqual(["first"]);
    calls.length = 0;
    doc.off("afterTransaction", first);
    doc.getText("t").insert(0, "b");
    expect(calls).toEqual(["late"]);
  });

  it("a listener of a two-listener event that removes the other still lets it run this time", () => {
    const doc = new RoomDoc();
    const calls: string[] = [];
    const b = () => calls.push("b");
    const a = () => { calls.push("a"); doc.off("afterTransaction", b); };
    doc.on("afterTransaction", a);
    doc.on("afterTransaction", b);
    doc.getText("t").insert(0, "a");
    expect(calls).toEqual(["a", "b"]);
  });
});
