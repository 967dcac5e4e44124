import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CompactionPool } from "./compaction-pool";

/** The compaction thread: the same document as a rebuild on the event loop, and its failures are the caller's errors. */
describe("compaction pool", () => {
  const pool = new CompactionPool();
  afterAll(() => pool.close());

  it("rebuilds snapshot + rows into the same document, in a thread of its own, garbage-collecting deleted text", async () => {
    const doc = new Y.Doc();
    const rows: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => rows.push(u));
    doc.getText("body").insert(0, "الاجتماع عُقد في عمّان يوم الثلاثاء. ");
    doc.getMap("claims").set("c1", "2259");
    const snapshot = Y.mergeUpdates(rows.splice(0));
    doc.getText("body").insert(0, "Amman, Tuesday — ");
    doc.getText("body").delete(0, 7);
    doc.getText("draft").insert(0, "a long paragraph later removed. ".repeat(100));
    doc.getText("draft").delete(0, doc.getText("draft").length);
    doc.getMap("claims").delete("c1");

    const rebuilt = await pool.rebuild(snapshot, rows);
    expect(pool.started).toBe(1);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, rebuilt);
    expect(loaded.getText("body").toString()).toBe(doc.getText("body").toString());
    expect(loaded.getMap("claims").has("c1")).toBe(false);
    // As a Y.Doc encodes it (deleted content collected), not a merge of the inputs.
    expect(Buffer.from(rebuilt).equals(Buffer.from(Y.encodeStateAsUpdate(doc)))).toBe(true);
    expect(rebuilt.byteLength).toBeLessThan(Y.mergeUpdates([snapshot, ...rows]).byteLength);
  });

  it("fails a malformed row with an error, and the next rebuild works", async () => {
    await expect(pool.rebuild(null, [new Uint8Array([255, 255, 255, 255])])).rejects.toThrow();
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "ok");
    const again = await pool.rebuild(null, [Y.encodeStateAsUpdate(doc)]);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, again);
    expect(loaded.getText("t").toString()).toBe("ok");
  });

  it.runIf(process.platform === "linux")("runs at the lowest scheduling priority, the rest of the process at its own", async () => {
    const nice = () => readdirSync(`/proc/${process.pid}/task`).map((tid) => Number(readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8").split(") ")[1].split(" ")[16]));
    await pool.rebuild(null, []);
    expect(nice().filter((n) => n === 19)).toHaveLength(1); // the compaction thread
    expect(nice()[0]).toBe(0); // the main thread (the event loop)
  });

  it("warm() starts the thread before any task, and the next task runs on it", async () => {
    const fresh = new CompactionPool();
    try {
      fresh.warm();
      fresh.warm();
      expect(fresh.started).toBe(1);
      const doc = new Y.Doc();
      doc.getText("t").insert(0, "warm");
      await fresh.rebuild(null, [Y.encodeStateAsUpdate(doc)]);
      expect(fresh.started).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
