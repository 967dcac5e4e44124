import { createHash, randomBytes } from "node:crypto";
import { TOKEN_PREFIX } from "../../lib/api-tokens";

/** Characters of the token (after `sanad_`) kept in clear to tell tokens apart in lists. */
export const DISPLAY_PREFIX_LENGTH = 8;

/**
 * SHA-256 of the whole token. A plain fast hash is right here (unlike passwords): the secret
 * is 256 random bits, so there is nothing to brute-force, and every API request must look it
 * up by equality on an indexed column.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token: `sanad_` + 43 base64url characters (32 random bytes); shown once, stored hashed. */
export function generateToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, TOKEN_PREFIX.length + DISPLAY_PREFIX_LENGTH), tokenHash: hashToken(token) };
}

/** Cheap shape check before touching the database: anything else is not one of our tokens. */
export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(TOKEN_PREFIX.length));
}
