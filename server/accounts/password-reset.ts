import { z } from "zod";
import type { Db } from "../db/client";
import { PASSWORD_RESET_TTL_MS, ZNewPassword } from "../../lib/accounts";
import { AppError } from "../../lib/errors";
import { canManageUsers, type Actor } from "../../lib/policies";
import { parseInput } from "../../lib/validation";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/passwords";
import { runtimeSessionSink, type SessionChangeSink } from "../auth/session-changes";
import { accountLink, consumeAccountToken, generateAccountToken, lookUpAccountToken, unusableToken } from "./account-token";

/**
 * An admin issues a single-use, expiring password-reset link for a person (the same link
 * mechanism as invitations). Not for one's own account (that is the Account page, which asks for
 * the current password), nor for a deactivated one. A new link withdraws the person's earlier
 * pending ones. Returns the link once. Audited.
 */
export async function createPasswordReset(options: { db: Db; actor: Actor; userId: string; origin: string; now?: Date }) {
  const { db, actor, userId } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can reset passwords.");
  if (userId === actor.id) throw new AppError("CONFLICT", "Change your own password on your Account page.").withReason("ownAccount");
  const now = options.now ?? new Date();
  const { token, tokenHash } = generateAccountToken();
  const row = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, deactivatedAt: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.deactivatedAt) throw new AppError("CONFLICT", "This account is deactivated; reactivate it first.").withReason("accountDeactivated");
    if (!user.email) throw new AppError("CONFLICT", "This account has no e-mail address to sign in with.");
    await tx.accountToken.updateMany({ where: { kind: "password_reset", userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.accountToken.create({
      data: { kind: "password_reset", tokenHash, email: user.email, userId, createdById: actor.id, createdAt: now, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) },
    });
    await recordAudit(tx, { articleId: null, actorId: actor.id, action: "account.password_reset_issued", after: { tokenId: created.id, userId } });
    return created;
  });
  return { id: row.id, userId, expiresAt: row.expiresAt.toISOString(), link: accountLink("password_reset", token, options.origin) };
}

export const ZResetPasswordInput = z.object({ token: z.string().max(200), password: ZNewPassword }).strict();
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

/**
 * Use a reset link: set the new password, consume the link (one conditional update, so it works
 * once), and end every session of the person (session version bump; open sockets closed after
 * the commit). Anonymous; throttled per address against guessing. Audited with the person as
 * the actor. Returns the address to sign in with.
 */
export async function resetPasswordWithToken(options: { db: Db; input: unknown; address: string; sink?: SessionChangeSink; now?: Date }) {
  const { db, address } = options;
  const input = parseInput(ZResetPasswordInput, options.input);
  const now = options.now ?? new Date();
  const found = await lookUpAccountToken({ db, kind: "password_reset", token: input.token, address, now });
  if (found.state !== "valid" || !found.row?.userId) throw unusableToken(found.state);
  const link = found.row;
  const userId = link.userId!;
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    await consumeAccountToken(tx, link.id, now);
    const updated = await tx.user.updateMany({ where: { id: userId, deactivatedAt: null }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (updated.count === 0) throw unusableToken("revoked");
    await recordAudit(tx, { articleId: null, actorId: userId, action: "account.password_reset_used", after: { tokenId: link.id, userId, issuedBy: link.createdById } });
    return tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  });
  (options.sink ?? runtimeSessionSink())({ userId, kind: "signed-out" });
  return { email: user.email };
}
