import { UNSC_YEAR_RANGES } from "./unsc-table";

export type UnBody = "Security Council" | "General Assembly";

export interface ResolutionInfo {
  body: UnBody;
  number: number;
  /** Year of adoption, or null when the number is beyond the known table ("year unknown"). */
  year: number | null;
  /** Official symbol such as `S/RES/2259 (2015)`; null when the year is unknown. */
  symbol: string | null;
}

/** The last Security Council resolution number whose year we know. */
export const UNSC_LAST_KNOWN = UNSC_YEAR_RANGES[UNSC_YEAR_RANGES.length - 1][2];

/** Year of a Security Council resolution by number, or null when not known. Binary search. */
export function unscYear(number: number): number | null {
  if (!Number.isInteger(number) || number < 1) return null;
  let lo = 0;
  let hi = UNSC_YEAR_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [year, first, last] = UNSC_YEAR_RANGES[mid];
    if (number < first) hi = mid - 1;
    else if (number > last) lo = mid + 1;
    else return year;
  }
  return null;
}

/**
 * Normalised fields of a UN resolution. For the Security Council the year and symbol are
 * filled from the table; for the General Assembly (symbols carry a session number we do not
 * track) they are left null unless the caller knows them.
 */
export function describeResolution(number: number, body: UnBody = "Security Council", year?: number | null): ResolutionInfo {
  if (body === "Security Council") {
    const known = unscYear(number);
    const y = known ?? year ?? null;
    return { body, number, year: y, symbol: known !== null ? `S/RES/${number} (${known})` : null };
  }
  return { body, number, year: year ?? null, symbol: null };
}
