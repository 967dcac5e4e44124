import { describe, expect, it } from "vitest";
import { ClientReservations } from "./client-reservations";

describe("client id reservations", () => {
  it("an announced id is its user's while the state lives and for the grace after, then lapses", () => {
    let now = 1_000;
    const reserved = new ClientReservations(60_000, () => now);
    expect(reserved.hold(7, "huda")).toBeUndefined();
    expect(reserved.hold(7, "omar")).toBe("huda"); // the squatter is told who holds it
    expect(reserved.userOf(7)).toBe("huda");
    now += 10 * 60_000; // a live state never lapses
    expect(reserved.userOf(7)).toBe("huda");
    reserved.letGo(7);
    now += 59_999;
    expect(reserved.hold(7, "omar")).toBe("huda");
    now += 1;
    expect(reserved.userOf(7)).toBeUndefined(); // never wrote: not locked for ever
    expect(reserved.hold(7, "omar")).toBeUndefined();
  });

  it("a reconnect within the grace keeps the id; only the last let-go counts", () => {
    let now = 0;
    const reserved = new ClientReservations(1_000, () => now);
    reserved.hold(9, "huda");
    reserved.letGo(9);
    now = 900;
    reserved.hold(9, "huda"); // the same tab reconnected
    now = 1_500; // the first let-go's grace is over, but the id is held again
    expect(reserved.userOf(9)).toBe("huda");
    reserved.letGo(9);
    now = 2_400;
    expect(reserved.userOf(9)).toBe("huda");
    now = 2_500;
    expect(reserved.userOf(9)).toBeUndefined();
  });
});
