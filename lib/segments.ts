/**
 * Splitting article text into segments by overlapping ranges (claims, suggestions, other
 * people's selections), so nested and overlapping highlights all stay visible and clickable.
 */
export interface TextRange {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ranges covering this segment, outermost (longest) first, innermost last. */
  ids: string[];
}

/**
 * Segments of [from, to) cut at every range boundary inside it. A sweep over sorted
 * boundaries: O((n + k) log n) for n ranges, k segments — fine for thousands of claims.
 */
export function segmentRanges(from: number, to: number, ranges: readonly TextRange[]): Segment[] {
  const inside = ranges.filter((r) => r.end > from && r.start < to && r.end > r.start);
  const cuts = new Set<number>([from, to]);
  for (const r of inside) {
    cuts.add(Math.max(from, r.start));
    cuts.add(Math.min(to, r.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...inside].sort((a, b) => a.start - b.start);
  const length = new Map(inside.map((r) => [r.id, r.end - r.start]));
  const active = new Set<TextRange>();
  const out: Segment[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i];
    const e = points[i + 1];
    while (next < byStart.length && byStart[next].start <= s) active.add(byStart[next++]);
    for (const r of active) if (r.end <= s) active.delete(r);
    const ids = [...active].filter((r) => r.start <= s && r.end >= e).sort((a, b) => length.get(b.id)! - length.get(a.id)! || a.id.localeCompare(b.id)).map((r) => r.id);
    out.push({ start: s, end: e, ids });
  }
  return out;
}
