import { describe, expect, it } from "vitest";
import { versionsToThin, type VersionStamp } from "./retention";

const NOW = new Date("2026-11-29T12:00:00Z");
const at = (daysAgo: number, hours = 0) => new Date(NOW.getTime() - daysAgo * 86_400_000 - hours * 3_600_000);
let n = 0;
const v = (daysAgo: number, hours = 0, reason = "periodic"): VersionStamp => ({ id: `v${n++}`, createdAt: at(daysAgo, hours), reason });

describe("version retention", () => {
  it("keeps every version of the last week", () => {
    const vs = Array.from({ length: 6 * 24 }, (_, h) => v(0, h));
    expect(versionsToThin(vs, NOW)).toEqual([]);
  });

  it("keeps the newest of each day between a week and three months", () => {
    const day10 = [v(10, 1), v(10, 5), v(10, 9, "before_delete")];
    const day11 = [v(11, 2), v(11, 3)];
    const dropped = versionsToThin([v(0), ...day10, ...day11], NOW);
    expect(dropped.sort()).toEqual([day10[1].id, day10[2].id, day11[1].id].sort());
  });

  it("keeps the newest of each week after three months, and every version saved by hand", () => {
    const manual = v(200, 5, "manual");
    const week = [v(200, 1), v(200, 2), v(201)];
    const dropped = versionsToThin([v(0), manual, ...week], NOW);
    expect(dropped).not.toContain(manual.id);
    expect(dropped).not.toContain(week[0].id);
    expect(dropped).toContain(week[1].id);
  });

  it("never drops the article's newest version, however old", () => {
    const only = [v(400), v(400, 1)];
    expect(versionsToThin(only, NOW)).toEqual([only[1].id]);
  });

  it("thins a year of ten-minute versions to about a hundred", () => {
    const year = Array.from({ length: 365 * 24 * 6 }, (_, i) => v(0, i / 6));
    const kept = year.length - versionsToThin(year, NOW).length;
    // 7 days of everything (1,008) + 83 days + ~39 weeks
    expect(kept).toBeGreaterThan(1008 + 83);
    expect(kept).toBeLessThan(1008 + 83 + 45);
  });
});
