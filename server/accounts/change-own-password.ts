import { z } from "zod";
import type { Db } from "../db/client";
import { ZNewPassword } from "../../lib/accounts";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/policies";
import { parseInput } from "../../lib/validation";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { runtimeSessionSink, type SessionChangeSink } from "../auth/session-changes";
import { SignInThrottle } from "../auth/throttle";

export const ZChangeOwnPasswordInput = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: ZNewPassword }).strict();
export type TChangeOwnPasswordInput = z.infer<typeof ZChangeOwnPasswordInput>;

/**
 * A signed-in person changes their own password. The current password is required (a session
 * left open on a shared computer must not be enough) and its check is held to the sign-in
 * throttle, so a stolen session is no faster a password oracle than the sign-in form. Every
 * session of the person ends (session version bump; open sockets are closed after the commit);
 * the caller re-issues the current browser's cookie with the returned version. Audited.
 */
export async function changeOwnPassword(options: { db: Db; actor: Actor; input: unknown; address: string; sink?: SessionChangeSink }): Promise<{ sessionVersion: number }> {
  const { db, actor, address } = options;
  const input = parseInput(ZChangeOwnPasswordInput, options.input);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { email: true, passwordHash: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!user.email || !user.passwordHash) throw new AppError("CONFLICT", "This account signs in through single sign-on and has no password here.").withReason("noPassword");
  const throttle = new SignInThrottle(db);
  if ((await throttle.waitMs(user.email, address)) > 0) throw new AppError("RATE_LIMITED", "Too many failed attempts from here. Wait a few minutes, then try again.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await throttle.fail(user.email, address);
    throw new AppError("INVALID_INPUT", "The current password is not correct.").withReason("wrongCurrentPassword");
  }
  await throttle.succeed(user.email, address);
  const passwordHash = await hashPassword(input.newPassword);
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await recordAudit(tx, { articleId: null, actorId: actor.id, action: "account.password_changed", after: { userId: actor.id } });
    return row;
  });
  (options.sink ?? runtimeSessionSink())({ userId: actor.id, kind: "signed-out" });
  return { sessionVersion: updated.sessionVersion };
}
