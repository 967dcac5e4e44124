import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatIsoDate } from "@/lib/i18n/locale";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listUsers } from "@/server/users/list-users";
import { AppHeader } from "@/components/AppHeader";
import { RoleSelect } from "@/components/RoleSelect";
import { AccountActions } from "@/components/admin/AccountActions";
import { InvitePeople } from "@/components/admin/InvitePeople";
import { listPendingInvitations } from "@/server/accounts/list-invitations";
import { canManageUsers } from "@/lib/policies";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  if (!canManageUsers(actor)) notFound();
  const t = await getTranslations("people");
  const ta = await getTranslations("peopleAdmin");
  const locale = await getLocale();
  const users = await listUsers({ db: getDb(), actor });
  const pending = await listPendingInvitations({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
        <InvitePeople pending={pending} />
        <div className="mt-8 overflow-x-auto rounded-lg bg-white shadow-sm"><table className="stack-table w-full text-sm" data-testid="user-list">
          <thead className="bg-slate-100 text-slate-700"><tr><th className="p-3 text-start">{t("colName")}</th><th className="p-3 text-start">{t("colEmail")}</th><th className="p-3 text-start">{t("colRole")}</th><th className="p-3 text-start">{ta("colStatus")}</th><th className="p-3 text-start">{t("colSince")}</th><th className="p-3 text-start">{ta("colActions")}</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={`border-t border-slate-100 ${u.deactivatedAt ? "text-slate-500" : ""}`} data-testid="user-row" data-email={u.email ?? ""}>
                <td className="p-3"><bdi className="font-medium">{u.name ?? "—"}</bdi></td>
                <td className="p-3" data-label={t("colEmail")}><bdi dir="ltr" className="break-all">{u.email ?? "—"}</bdi></td>
                <td className="p-3" data-label={t("colRole")}><RoleSelect userId={u.id} role={u.role} disabled={u.id === actor.id} /></td>
                <td className="p-3" data-label={ta("colStatus")} data-testid="account-status">{u.deactivatedAt ? ta("deactivated") : ta("active")}</td>
                <td className="p-3 text-slate-600" data-label={t("colSince")}>{formatIsoDate(u.createdAt.toISOString().slice(0, 10), locale, "medium")}</td>
                <td className="p-3" data-label={ta("colActions")}><AccountActions userId={u.id} name={u.name ?? u.email ?? ""} active={!u.deactivatedAt} own={u.id === actor.id} /></td>
              </tr>
            ))}
          </tbody>
        </table></div>
      </main>
    </>
  );
}
