import { z } from "zod";
import type { Db } from "../db/client";
import { INVITATION_TTL_MS } from "../../lib/accounts";
import { AppError } from "../../lib/errors";
import { canManageUsers, ROLES, type Actor } from "../../lib/policies";
import { parseInput } from "../../lib/validation";
import { recordAudit } from "../audit/record-audit";
import { sendMail } from "../mail/send-mail";
import { accountLink, generateAccountToken } from "./account-token";
import { invitationMessage } from "./invitation-message";

export const ZCreateInvitationInput = z.object({
  email: z.string().trim().toLowerCase().email("enter a valid e-mail address").max(320),
  role: z.enum(ROLES),
}).strict();
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;

/**
 * Invite a person by e-mail with a role (admins only). Refused when an account with that address
 * exists, active or deactivated (a deactivated person is reactivated, never invited over).
 * A new invitation for the same address withdraws the earlier pending ones, so one link is live.
 * Returns the link once; only its hash is stored. E-mailed to the person when SMTP is set up. Audited.
 */
export async function createInvitation(options: { db: Db; actor: Actor; input: unknown; origin: string; now?: Date }) {
  const { db, actor } = options;
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "Only admins can invite people.");
  const input = parseInput(ZCreateInvitationInput, options.input);
  const now = options.now ?? new Date();
  const { token, tokenHash } = generateAccountToken();
  const row = await db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Someone with this e-mail address already has an account.").withReason("accountExists");
    }
    await tx.accountToken.updateMany({ where: { kind: "invitation", email: input.email, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const created = await tx.accountToken.create({
      data: { kind: "invitation", tokenHash, email: input.email, role: input.role, createdById: actor.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
    });
    await recordAudit(tx, { articleId: null, actorId: actor.id, action: "account.invited", after: { invitationId: created.id, email: input.email, role: input.role } });
    return created;
  });
  const link = accountLink("invitation", token, options.origin);
  const expiresAt = row.expiresAt.toISOString();
  // E-mailed too when the server sends mail (SANAD_SMTP_URL), in the inviting admin's language;
  // the admin is shown the link either way.
  const inviter = await db.user.findUnique({ where: { id: actor.id }, select: { locale: true } });
  const message = invitationMessage({ link, role: input.role, inviterName: actor.name, expiresAt, locale: inviter?.locale ?? "en" });
  const emailed = (await sendMail({ db, to: row.email, ...message })) !== null;
  return { id: row.id, email: row.email, role: row.role, expiresAt, link, emailed };
}
