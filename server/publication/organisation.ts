import { publicOrigin } from "../http/public-origin";

/**
 * Who publishes, and where: the fact-checking organisation named in ClaimReview markup and the
 * absolute base URL of the public pages. Configured by environment variables with defaults
 * that work for a local demo.
 *   SANAD_ORG_NAME    organisation name   (default "Sanad Fact Check")
 *   SANAD_ORG_URL     organisation URL    (default: the public base URL)
 *   SANAD_PUBLIC_URL  base URL of /v/...  (default: the public origin, server/http/public-origin.ts)
 */

function httpUrlOrNull(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:" ? v.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}

/** The absolute base URL public pages are served under, without a trailing slash. */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return httpUrlOrNull(env.SANAD_PUBLIC_URL) ?? publicOrigin(undefined, env);
}

export function organisation(env: Record<string, string | undefined> = process.env): { name: string; url: string } {
  return {
    name: env.SANAD_ORG_NAME?.trim() || "Sanad Fact Check",
    url: httpUrlOrNull(env.SANAD_ORG_URL) ?? publicBaseUrl(env),
  };
}

/** Public paths (relative); prefix with publicBaseUrl() for absolute URLs. */
export const publicPaths = {
  article: (slug: string) => `/v/${encodeURIComponent(slug)}`,
  claim: (slug: string, claimId: string) => `/v/${encodeURIComponent(slug)}/claims/${encodeURIComponent(claimId)}`,
  version: (slug: string, version: number) => `/v/${encodeURIComponent(slug)}/versions/${version}`,
  feed: () => "/v/feed.json",
};
