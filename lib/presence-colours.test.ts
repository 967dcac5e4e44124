import { describe, expect, it } from "vitest";
import { assignPresenceColours, PRESENCE_PALETTE } from "./presence-colours";

describe("assignPresenceColours", () => {
  it("gives everyone in a room a different colour while the palette lasts", () => {
    for (let trial = 0; trial < 200; trial++) {
      const ids = Array.from({ length: 2 + (trial % (PRESENCE_PALETTE.length - 1)) }, (_, i) => `user-${trial}-${i}-${(trial * 7919 + i) % 97}`);
      const colours = assignPresenceColours(ids);
      expect(new Set(colours.values()).size).toBe(ids.length);
    }
  });
  it("is the same for every client whatever order they saw people in", () => {
    const ids = ["cm1", "cm2", "cm3", "zz", "aa"];
    expect([...assignPresenceColours([...ids].reverse())].sort()).toEqual([...assignPresenceColours(ids)].sort());
  });
  it("separates two ids whose hashes collide (the two-oranges bug)", () => {
    const palette = ["#a", "#b"];
    // With two colours, any two ids either differ or collide; both must still differ.
    expect(new Set(assignPresenceColours(["x", "y"], palette).values()).size).toBe(2);
  });
});
