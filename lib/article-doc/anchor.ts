import { z } from "zod";
import type { Anchor } from "../claim-model";
import { AppError } from "../errors";

/** Characters of context stored in `prefix` / `suffix` when we build an anchor. */
export const ANCHOR_CONTEXT = 32;
/** Longest span a claim may anchor (a quote's `words` is capped at 20 000 too). */
export const MAX_ANCHOR_LENGTH = 20_000;
/** Longest prefix/suffix accepted in an explicit anchor. */
export const MAX_ANCHOR_CONTEXT = 1_000;

/** Shape of a stored / explicit anchor (W3C TextPositionSelector + TextQuoteSelector). */
export const ZAnchor = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  exact: z.string().min(1).max(MAX_ANCHOR_LENGTH),
  prefix: z.string().max(MAX_ANCHOR_CONTEXT),
  suffix: z.string().max(MAX_ANCHOR_CONTEXT),
}).strict().refine((a) => a.end > a.start && a.exact.length === a.end - a.start, {
  message: "anchor must be non-empty and exact must span end - start characters",
});
export type TAnchor = z.infer<typeof ZAnchor>;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** True when offset `i` falls between the two halves of a surrogate pair. */
function splitsPair(body: string, i: number): boolean {
  return i > 0 && i < body.length && isHigh(body.charCodeAt(i - 1)) && isLow(body.charCodeAt(i));
}

/** Why the range [start, end) cannot be anchored in `body`, or null when it can. */
export function rangeProblem(body: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return "offsets must be integers";
  if (start < 0 || end > body.length) return `range ${start}-${end} is outside the body (length ${body.length})`;
  if (end <= start) return "range is empty";
  if (end - start > MAX_ANCHOR_LENGTH) return `range is longer than ${MAX_ANCHOR_LENGTH} characters`;
  if (splitsPair(body, start) || splitsPair(body, end)) return "range splits a surrogate pair";
  return null;
}

/**
 * Build the anchor of [start, end) in `body`: exact text plus up to 32 characters of context.
 * Throws AppError INVALID_INPUT for an empty range or one outside the body.
 */
export function buildAnchor(body: string, start: number, end: number): Anchor {
  const problem = rangeProblem(body, start, end);
  if (problem) throw new AppError("INVALID_INPUT", `cannot anchor: ${problem}`).withReason("cannotAnchor");
  return {
    start,
    end,
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - ANCHOR_CONTEXT), start),
    suffix: body.slice(end, end + ANCHOR_CONTEXT),
  };
}

/**
 * Why `anchor` does not match `body`, or null when it does: `exact` must be the text at
 * [start, end), `prefix` must end at start and `suffix` must begin at end (any length).
 */
export function anchorProblem(anchor: Anchor, body: string): string | null {
  const range = rangeProblem(body, anchor.start, anchor.end);
  if (range) return range;
  if (body.slice(anchor.start, anchor.end) !== anchor.exact) return "anchor text does not match the body at its offsets";
  if (anchor.prefix.length > anchor.start || body.slice(anchor.start - anchor.prefix.length, anchor.start) !== anchor.prefix) {
    return "anchor prefix does not match the body";
  }
  if (body.slice(anchor.end, anchor.end + anchor.suffix.length) !== anchor.suffix) return "anchor suffix does not match the body";
  return null;
}
