import { reviewableContent, type ClaimView, type ReviewableContent } from "../claim-model";
import { sha256Utf8 } from "./sha256";

/**
 * The hash a reviewer signs off on. The server stores it in `SignOff.contentHash`; the
 * workspace recomputes it from the live claim (synchronously, in the browser) and shows
 * "approved" only while the two match. Both sides must therefore serialise identically:
 * canonical JSON (sorted keys, no whitespace) over UTF-8, hashed with SHA-256.
 *
 * Changing canonicalJson or reviewableContent invalidates every stored approval, so treat
 * their output as a persisted format.
 */

/**
 * Deterministic JSON: object keys sorted (by UTF-16 code unit, JS's default sort, identical in
 * every engine), arrays in order, object properties whose value is undefined dropped, no
 * whitespace. Inside arrays undefined becomes null and non-finite numbers become null, as in
 * JSON.stringify. Throws TypeError for values JSON cannot represent (bigint, functions, symbols)
 * rather than silently hashing something else.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  }
  // Dates and other objects with toJSON serialise as JSON.stringify would.
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return canonicalJson(withToJson.toJSON());
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

/** Hex SHA-256 of canonicalJson(content). Synchronous and identical in browser and Node. */
export function contentHash(content: ReviewableContent): string {
  return sha256Utf8(canonicalJson(content));
}

/** Convenience: the content hash of a live claim (only its reviewable parts count). */
export function claimContentHash(claim: ClaimView): string {
  return contentHash(reviewableContent(claim));
}
