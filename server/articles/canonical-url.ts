/**
 * The URL an article is known by, so that importing it twice opens the same article.
 * Normalised: lower-case host, no default port, no fragment, no tracking parameters
 * (utm_*, fbclid, gclid…), no trailing slash on a non-root path.
 */

const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|at_medium|at_campaign|ocid|cmpid)$/i;

/** Normalise an http(s) URL (see the file header); null when it is not one. */
export function normaliseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  for (const key of Array.from(url.searchParams.keys())) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, "");
  return url.toString();
}

function siteOf(host: string): string {
  return host.toLowerCase().replace(/^(?:www|m|amp|mobile)\./, "");
}

/**
 * The canonical URL of a fetched page: its <link rel="canonical"> (or og:url) when that points
 * to the same site as the page we actually fetched — a page may not claim another site's
 * article and so capture its re-imports — otherwise the final URL after redirects.
 */
export function canonicalUrlOf(declared: string | null, finalUrl: string): string {
  const final = normaliseUrl(finalUrl) ?? finalUrl;
  if (!declared) return final;
  let resolved: string;
  try {
    resolved = new URL(declared, finalUrl).toString();
  } catch {
    return final;
  }
  const canonical = normaliseUrl(resolved);
  if (!canonical) return final;
  return siteOf(new URL(canonical).hostname) === siteOf(new URL(final).hostname) ? canonical : final;
}
