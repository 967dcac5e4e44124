import { formatIsoDate } from "../../lib/i18n/locale";
import type { Role } from "../../lib/policies";
import { mailLanguage } from "../mail/mail-translator";

export interface InvitationMessageInput {
  /** The absolute link from createInvitation (shown once to the admin). */
  link: string;
  role: Role;
  /** The inviting admin's display name; null words it as "an admin". */
  inviterName: string | null;
  /** ISO timestamp the link stops working (createInvitation's `expiresAt`). */
  expiresAt: string;
  /** The language to write in ("en", "ar", "ar-u-nu-arab"…; anything else: English). */
  locale: string;
}

/**
 * The e-mail that carries an invitation, in English or Arabic, as plain text (pure: no I/O).
 * For the mailer to send; Sanad itself shows the link to the admin to pass on. The wording
 * lives in the catalogues (`accountMail`), so both languages are checked like every UI string.
 */
export function invitationMessage(input: InvitationMessageInput): { subject: string; text: string } {
  const mail = mailLanguage(input.locale);
  const t = mail.translator("accountMail");
  const roles = mail.translator("roles");
  const inviter = input.inviterName?.trim() || t("someone");
  const expires = formatIsoDate(input.expiresAt.slice(0, 10), mail.tag, "medium");
  return {
    subject: t("invitationSubject", { inviter }),
    text: t("invitationText", { inviter, role: roles(input.role), link: input.link, expires }),
  };
}
