/**
 * The front door's rule for request targets (server/main.ts, before Next, the metrics or the
 * collaboration server see a request): an escaped NUL (`%00`) anywhere in the path or the
 * query is refused with 400. PostgreSQL can store U+0000 in neither text nor jsonb, so an id,
 * a slug or a search with one failed in the driver — a 500 on every route and page, and an
 * upgrade refused as "unexpected". A raw NUL never gets past Node's HTTP parser. JSON bodies
 * have the same rule (server/http/route.ts readJson).
 */
export function targetHasNul(url: string | undefined): boolean {
  return !!url && /%00/i.test(url);
}

export const NUL_TARGET_BODY = JSON.stringify({ error: "The address cannot contain the NUL character (%00).", code: "INVALID_INPUT", reason: "nulCharacter" });
