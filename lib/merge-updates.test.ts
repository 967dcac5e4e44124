import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { mergeUpdatesBounded } from "./merge-updates";

describe("mergeUpdatesBounded", () => {
  it("gives the same document as one Y.mergeUpdates call, for lists shorter and longer than a chunk", () => {
    for (const n of [1, 5, 64, 65, 1000]) {
      const writer = new Y.Doc();
      const updates: Uint8Array[] = [];
      writer.on("update", (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < n; i++) {
        if (i % 7 === 3) writer.getText("t").delete(0, 1);
        else writer.getText("t").insert(i % 3, "ab");
      }
      const a = new Y.Doc();
      const b = new Y.Doc();
      Y.applyUpdate(a, mergeUpdatesBounded(updates, 8));
      Y.applyUpdate(b, Y.mergeUpdates(updates));
      expect(a.getText("t").toString()).toBe(writer.getText("t").toString());
      expect(Y.encodeStateAsUpdate(a)).toEqual(Y.encodeStateAsUpdate(b));
    }
  });
});
