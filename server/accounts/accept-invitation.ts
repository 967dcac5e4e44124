import { z } from "zod";
import type { Db } from "../db/client";
import { ZNewPassword, ZPersonName } from "../../lib/accounts";
import { AppError } from "../../lib/errors";
import { parseRole } from "../../lib/policies";
import { parseInput } from "../../lib/validation";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/passwords";
import { consumeAccountToken, lookUpAccountToken, unusableToken } from "./account-token";

export const ZAcceptInvitationInput = z.object({
  token: z.string().max(200),
  name: ZPersonName,
  password: ZNewPassword,
}).strict();
export type TAcceptInvitationInput = z.infer<typeof ZAcceptInvitationInput>;

/**
 * Accept an invitation: create the account (the invited address and role; the name and password
 * the invitee chose) and consume the link, in one transaction. The link is consumed by one
 * conditional update (`usedAt` still null, not withdrawn, not expired), so of two concurrent
 * accepts exactly one creates an account. Anonymous (the invitee has no session); throttled per
 * address against guessing. Audited with the new person as the actor.
 */
export async function acceptInvitation(options: { db: Db; input: unknown; address: string; now?: Date }) {
  const { db, address } = options;
  const input = parseInput(ZAcceptInvitationInput, options.input);
  const now = options.now ?? new Date();
  const found = await lookUpAccountToken({ db, kind: "invitation", token: input.token, address, now });
  if (found.state !== "valid" || !found.row) throw unusableToken(found.state);
  const invitation = found.row;
  const role = parseRole(invitation.role) ?? "viewer";
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await consumeAccountToken(tx, invitation.id, now);
    // An account made for the address since the invitation (another invitation, single sign-on).
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Someone with this e-mail address already has an account.").withReason("accountExists");
    }
    const user = await tx.user.create({ data: { email: invitation.email, name: input.name, role, passwordHash }, select: { id: true, email: true, role: true } });
    await tx.accountToken.update({ where: { id: invitation.id }, data: { userId: user.id } });
    await recordAudit(tx, { articleId: null, actorId: user.id, action: "account.invitation_accepted", after: { invitationId: invitation.id, userId: user.id, email: invitation.email, role, invitedBy: invitation.createdById } });
    return { userId: user.id, email: user.email!, role };
  });
}
