import { safeFetch } from "../fetch/safe-fetch";

/** What a ClaimReview feed may be served as. */
const FEED_TYPES = ["application/ld+json", "application/json", "text/json", "text/plain", "application/feed+json"];
const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 10_000;

/**
 * GET a ClaimReview feed by URL, through the one guarded fetch every user-given URL goes through
 * (`server/fetch/safe-fetch.ts`: http/https only, no credentials, private and local addresses refused
 * after DNS and on every redirect unless SANAD_FETCH_ALLOW lists them, size and time caps).
 */
export async function fetchFeedText(url: string): Promise<string> {
  const res = await safeFetch({ url, accept: FEED_TYPES, maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS });
  return res.body.toString("utf8");
}
