import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listUsers } from "@/server/users/list-users";
import { AppHeader } from "@/components/AppHeader";
import { RoleSelect } from "@/components/RoleSelect";
import { canManageUsers } from "@/lib/policies";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requireActor("/admin/users");
  if (!canManageUsers(actor)) notFound();
  const users = await listUsers({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">People and roles</h1>
        <p className="mt-1 text-sm text-slate-600">Viewers read; editors tag and research; reviewers also sign off and publish; admins also manage roles. New single-sign-on users start as viewers.</p>
        <table className="mt-6 w-full rounded-lg bg-white text-sm shadow-sm" data-testid="user-list">
          <thead className="bg-slate-100 text-slate-600"><tr><th className="p-3 text-start">Name</th><th className="p-3 text-start">Email</th><th className="p-3 text-start">Role</th><th className="p-3 text-start">Since</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-100">
                <td className="p-3" dir="auto">{u.name ?? "—"}</td>
                <td className="p-3">{u.email ?? "—"}</td>
                <td className="p-3"><RoleSelect userId={u.id} role={u.role} disabled={u.id === actor.id} /></td>
                <td className="p-3 text-slate-500">{u.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </>
  );
}
