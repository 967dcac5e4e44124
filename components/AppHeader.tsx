import Link from "next/link";
import { canManageUsers, type Actor } from "@/lib/policies";
import { SignOutButton } from "./SignOutButton";
import { HeaderSearch } from "./search/HeaderSearch";

export function AppHeader({ actor }: { actor: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold">Sanad <span lang="ar">سند</span></Link>
        <nav className="flex gap-4 text-sm text-slate-700">
          <Link href="/">Articles</Link>
          <Link href="/review">Review queue</Link>
          {canManageUsers(actor) && <Link href="/admin/users">People</Link>}
          {canManageUsers(actor) && <Link href="/admin/claim-reviews">Feeds</Link>}
          {canManageUsers(actor) && <Link href="/admin/webhooks">Webhooks</Link>}
          <Link href="/settings/tokens">API tokens</Link>
        </nav>
        <HeaderSearch />
        <div className="ms-auto flex items-center gap-3 text-sm">
          <span data-testid="current-user">{actor.name}</span>
          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs uppercase tracking-wide text-slate-600">{actor.role}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
