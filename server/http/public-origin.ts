/**
 * The address people reach Sanad at, for absolute links that leave the request: invitation and
 * reset links, links in e-mails, exports, and the origin check's list of this app's own origins.
 * One reading of `NEXTAUTH_URL` (next-auth's own setting, https in production) for all of them.
 */

type Env = Record<string, string | undefined>;

/** `NEXTAUTH_URL`'s origin when it is a well-formed http(s) URL; otherwise null (never guessed at). */
export function configuredOrigin(env: Env = process.env): string | null {
  const value = env.NEXTAUTH_URL?.trim();
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origin absolute links are built on: the configured one, else `fallback` (the origin the
 * current request came to, when there is one), else the local default. No trailing slash.
 */
export function publicOrigin(fallback?: string, env: Env = process.env): string {
  return configuredOrigin(env) ?? fallback ?? "http://localhost:3000";
}
