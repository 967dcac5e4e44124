import { z } from "zod";

/**
 * The account lifecycle's shared rules (isomorphic): what a password must be, what a single-use
 * account link is, and why one may not be usable. Used by the server operations that enforce
 * them and by the forms that explain them before a round trip.
 */

/**
 * One password rule everywhere (invitation, reset, self-change): at least 10 characters, at most
 * 200 (bcrypt reads only 72 bytes; the cap keeps hashing cheap and bounded), not only spaces.
 * Length is what makes a password hard to guess; no composition rules (NIST SP 800-63B).
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `the password must have at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `the password must have at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((p) => p.trim().length > 0, "the password cannot be only spaces");

/** A person's display name as chosen when accepting an invitation. */
/**
 * A person's name: one line of visible text. Control characters (line breaks, NUL) and the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are refused:
 * a name is shown beside other people's words, and an unterminated override there reverses
 * what follows it. Joiners (ZWNJ in Persian and Arabic names) and the direction marks stay.
 */
export const ZPersonName = z.string().trim().min(1, "enter your name").max(100, "the name is longer than 100 characters")
  .refine((v) => !/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(v), "the name cannot contain control or text-direction characters")
  .refine((v) => /[\p{L}\p{N}]/u.test(v), "the name needs at least one letter or digit");

/** What a single-use account link does. One mechanism, two uses. */
export const ACCOUNT_TOKEN_KINDS = ["invitation", "password_reset"] as const;
export type AccountTokenKind = (typeof ACCOUNT_TOKEN_KINDS)[number];

/** How long a link stays usable. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 24 * 3600_000;

/** Why a link cannot be used (the page words each one: `accountLink.state.<state>`). */
export type AccountTokenState = "valid" | "unknown" | "expired" | "used" | "revoked";

/** The state of a stored link at `now` (pure). Revoked wins over used, used over expired. */
export function accountTokenState(row: { revokedAt: Date | null; usedAt: Date | null; expiresAt: Date } | null, now: Date): AccountTokenState {
  if (!row) return "unknown";
  if (row.revokedAt) return "revoked";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/**
 * Shape check of a link's secret before any database lookup: 43 base64url characters (32 random
 * bytes). Anything else is not one of ours.
 */
export function looksLikeAccountToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The path of a link (the page that consumes it). */
export function accountTokenPath(kind: AccountTokenKind, token: string): string {
  return `${kind === "invitation" ? "/invite" : "/reset"}/${token}`;
}
