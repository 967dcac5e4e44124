/**
 * The return address after sign-in: only a path on this app's own origin. Parsing with `URL`
 * against the app's origin — as a browser would — catches what prefix checks miss: `/\t/evil`
 * and `/\n/evil` (tabs and newlines are stripped, leaving `//evil`), `/\evil`, and so on. The
 * result is the parsed, normalised path (no raw control characters), or "/".
 */
export function safeReturnPath(value: string | string[] | undefined | null, appOrigin: string): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== "string" || !v.startsWith("/") || v.length > 2048) return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(appOrigin);
    target = new URL(v, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
