import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
import { accountTokenPath, accountTokenState, looksLikeAccountToken, type AccountTokenKind, type AccountTokenState } from "../../lib/accounts";
import { AppError } from "../../lib/errors";
import { hashToken } from "../api/token-secret";
import { SignInThrottle } from "../auth/throttle";
import { publicOrigin } from "../http/public-origin";

/**
 * Single-use account links (invitations and password resets): 32 random bytes, shown once,
 * stored as their SHA-256 (like API tokens: a fast hash is right for 256 random bits, and the
 * lookup is by equality on a unique column).
 */
export function generateAccountToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/**
 * The absolute link for a token, on the public origin (`NEXTAUTH_URL`'s, or without it the
 * origin the admin's request came to).
 */
export function accountLink(kind: AccountTokenKind, token: string, requestOrigin: string): string {
  return new URL(accountTokenPath(kind, token), publicOrigin(requestOrigin)).toString();
}

/**
 * Guessing links is throttled with the sign-in throttle, under one pseudo-account per address:
 * an unknown token counts as a failed sign-in from that address (so spraying tokens and
 * spraying passwords share the address's allowance). Real tokens that are expired, used or
 * revoked are not guesses and do not count.
 */
const GUESS_ACCOUNT = "#account-link";

async function checkTokenThrottle(db: Db, address: string): Promise<void> {
  if ((await new SignInThrottle(db).waitMs(GUESS_ACCOUNT, address)) > 0) throw new AppError("RATE_LIMITED", "Too many attempts from here. Wait a few minutes, then try again.");
}

async function recordTokenGuess(db: Db, address: string): Promise<void> {
  await new SignInThrottle(db).fail(GUESS_ACCOUNT, address);
}

interface AccountTokenLookup {
  state: AccountTokenState;
  row: { id: string; kind: string; email: string; role: string | null; userId: string | null; createdById: string; expiresAt: Date } | null;
}

/**
 * Find a link by its secret, of one kind, and say whether it is usable now. Throttled per
 * address; a malformed or unknown secret is recorded as a guess.
 */
export async function lookUpAccountToken(options: { db: Db; kind: AccountTokenKind; token: string; address: string; now?: Date }): Promise<AccountTokenLookup> {
  const { db, kind, token, address } = options;
  const now = options.now ?? new Date();
  await checkTokenThrottle(db, address);
  const row = looksLikeAccountToken(token) ? await db.accountToken.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
  if (!row || row.kind !== kind) {
    await recordTokenGuess(db, address);
    return { state: "unknown", row: null };
  }
  return { state: accountTokenState(row, now), row };
}

/** The reason an unusable link's error carries (catalogue `errors.reasons.<key>`; the link page words the state itself). */
const LINK_REASON = { valid: "linkUnknown", unknown: "linkUnknown", expired: "linkExpired", used: "linkUsed", revoked: "linkRevoked" } as const;

/** The AppError for a link that cannot be used; its reason (the state) lets the page word it. */
export function unusableToken(state: AccountTokenState): AppError {
  const message = {
    valid: "This link can be used.",
    unknown: "This link is not valid. Ask an admin for a new one.",
    expired: "This link has expired. Ask an admin for a new one.",
    used: "This link has already been used.",
    revoked: "This link was withdrawn. Ask an admin for a new one.",
  }[state];
  return new AppError(state === "unknown" ? "NOT_FOUND" : "CONFLICT", message).withReason(LINK_REASON[state]);
}

/**
 * Use a link, inside the transaction that acts on it: marks it used only if it is still unused,
 * unrevoked and unexpired (a conditional update, so two tabs cannot both use it), and otherwise
 * throws `unusableToken` with the state it is in now.
 */
export async function consumeAccountToken(tx: Tx, id: string, now: Date): Promise<void> {
  const consumed = await tx.accountToken.updateMany({ where: { id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (consumed.count === 0) throw unusableToken(accountTokenState(await tx.accountToken.findUnique({ where: { id } }), now));
}
