import { parse as parseCookie } from "cookie";
import { encode, getToken } from "next-auth/jwt";
import { authOptions } from "./options";

const SESSION_COOKIE = "next-auth.session-token";

/**
 * A fresh session cookie for the browser that made `req`, carrying session version `version`:
 * used after the person changed their own password, which ended every session (version bump)
 * but should keep this one. The new token keeps the old one's claims (who, name) and gets a
 * full lifetime; the cookie has next-auth's own name and attributes (`__Secure-` under https).
 * Null when the request carries no valid token.
 */
export async function reissuedSessionCookie(req: Request, version: number) {
  let cookies: Record<string, string>;
  try {
    cookies = parseCookie(req.headers.get("cookie") ?? "") as Record<string, string>;
  } catch {
    return null;
  }
  const secure = Object.keys(cookies).some((k) => k.startsWith(`__Secure-${SESSION_COOKIE}`));
  const secret = process.env.NEXTAUTH_SECRET ?? "";
  const payload = await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie: secure }).catch(() => null);
  if (!payload?.sub) return null;
  const maxAge = authOptions().session?.maxAge ?? 7 * 24 * 3600;
  const { exp: _exp, iat: _iat, jti: _jti, ...claims } = payload as Record<string, unknown>;
  const value = await encode({ token: { ...claims, sv: version }, secret, maxAge });
  return { name: secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE, value, options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge } };
}
