"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLES } from "@/lib/policies";
import { useFormSubmit } from "../useFormSubmit";
import { OneTimeLink } from "./OneTimeLink";

export interface PendingInvitationRow { id: string; email: string; role: string; invitedBy: string | null; expiresAt: string }

/** Invite by e-mail with a role (the link is shown once), and the pending invitations with "withdraw". */
export function InvitePeople({ pending }: { pending: PendingInvitationRow[] }) {
  const t = useTranslations("peopleAdmin");
  const tr = useTranslations("roles");
  const format = useFormatter();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string>("editor");
  const [created, setCreated] = useState<{ email: string; link: string; emailed: boolean } | null>(null);
  const { busy, error, send } = useFormSubmit();

  async function invite(e: React.FormEvent) {
    e.preventDefault();
    setCreated(null);
    const body = await send<{ email: string; link: string; emailed?: boolean }>("/api/admin/invitations", { json: { email, role } });
    if (!body) return;
    setCreated({ email: body.email, link: body.link, emailed: body.emailed === true });
    setEmail("");
    router.refresh();
  }

  async function revoke(row: PendingInvitationRow) {
    if (!window.confirm(t("revokeConfirm", { email: row.email }))) return;
    if (await send(`/api/admin/account-links/${encodeURIComponent(row.id)}`, { method: "DELETE" })) router.refresh();
  }

  return (
    <section className="mt-8 space-y-4" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="text-lg font-semibold">{t("inviteHeading")}</h2>
      <p className="text-sm text-slate-700">{t("inviteIntro")}</p>
      <form onSubmit={invite} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm" data-testid="invite-form">
        <label className="flex min-w-0 grow flex-col text-sm">{t("inviteEmail")}
          <input type="email" required maxLength={320} value={email} onChange={(e) => setEmail(e.target.value)} dir="ltr" autoComplete="off" className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="invite-email" />
        </label>
        <label className="flex flex-col text-sm">{t("inviteRole")}
          <select value={role} onChange={(e) => setRole(e.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="invite-role">
            {ROLES.map((r) => <option key={r} value={r}>{tr(r)}</option>)}
          </select>
        </label>
        <button disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">{busy ? t("inviting") : t("invite")}</button>
      </form>
      {created && <OneTimeLink heading={t(created.emailed ? "linkEmailed" : "linkReady", { email: created.email })} link={created.link} onDismiss={() => setCreated(null)} />}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <h3 className="text-base font-semibold">{t("pendingHeading")}</h3>
      {pending.length === 0 ? <p className="text-sm text-slate-600">{t("noPending")}</p> : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm"><table className="w-full text-sm" data-testid="pending-invitations">
          <thead className="bg-slate-100 text-slate-700"><tr>
            <th className="p-3 text-start">{t("inviteEmail")}</th><th className="p-3 text-start">{t("inviteRole")}</th>
            <th className="p-3 text-start">{t("colInvitedBy")}</th><th className="p-3 text-start">{t("colExpires")}</th><th className="p-3" />
          </tr></thead>
          <tbody>
            {pending.map((row) => (
              <tr key={row.id} className="border-t border-slate-100">
                <td className="p-3" dir="ltr">{row.email}</td>
                <td className="p-3">{tr(row.role as "viewer")}</td>
                <td className="p-3"><bdi>{row.invitedBy ?? "—"}</bdi></td>
                <td className="p-3"><bdi><time dateTime={row.expiresAt}>{format.dateTime(new Date(row.expiresAt), { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" })}</time></bdi></td>
                <td className="p-3 text-end"><button type="button" onClick={() => void revoke(row)} className="text-red-700 underline">{t("revoke")}</button></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </section>
  );
}
