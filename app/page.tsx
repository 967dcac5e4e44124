import Link from "next/link";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listArticles } from "@/server/articles/list-articles";
import { AppHeader } from "@/components/AppHeader";
import { canImportArticle } from "@/lib/policies";
import { CLAIM_STATUSES } from "@/lib/claim-model";

export const dynamic = "force-dynamic";

const STATUS_LABEL: Record<string, string> = { draft: "draft", researching: "researching", needs_review: "needs review", changes_requested: "changes requested" };

export default async function Dashboard() {
  const actor = await requireActor("/");
  const articles = await listArticles({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-7xl px-4 py-8">
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-semibold">Articles</h1>
          {canImportArticle(actor) && (
            <Link href="/articles/new" className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white">Import article</Link>
          )}
        </div>
        <table className="mt-6 w-full border-collapse overflow-hidden rounded-lg bg-white text-sm shadow-sm" data-testid="article-list">
          <thead className="bg-slate-100 text-start text-slate-600">
            <tr>
              <th className="p-3 text-start">Title</th>
              <th className="p-3 text-start">Outlet</th>
              <th className="p-3 text-start">Language</th>
              <th className="p-3 text-start">Claims</th>
              <th className="p-3 text-start">Verdicts drafted</th>
              <th className="p-3 text-start">Created</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => {
              const m = a.claimsByStatus;
              const total = Object.values(m).reduce((x, y) => x + y, 0);
              return (
                <tr key={a.id} className="border-t border-slate-100 align-top">
                  <td className="p-3">
                    <Link href={`/articles/${a.id}`} lang={a.language} dir={a.direction} className="font-medium text-blue-800 hover:underline">{a.title}</Link>
                  </td>
                  <td className="p-3" lang={a.language} dir={a.direction}>{a.outlet ?? "—"}</td>
                  <td className="p-3">{a.language === "ar" ? "Arabic (RTL)" : a.language === "en" ? "English" : a.language}</td>
                  <td className="p-3" data-testid="claim-counts">
                    <span className="font-medium">{total}</span>
                    {total > 0 && (
                      <span className="ms-2 text-slate-500">
                        {CLAIM_STATUSES.filter((s) => m[s]).map((s) => `${m[s]} ${STATUS_LABEL[s]}`).join(" · ")}
                      </span>
                    )}
                  </td>
                  <td className="p-3">{a.verdictsDrafted}</td>
                  <td className="p-3 text-slate-500"><time dateTime={a.createdAt.toISOString()}>{a.createdAt.toISOString().slice(0, 10)}</time></td>
                </tr>
              );
            })}
            {articles.length === 0 && (
              <tr><td colSpan={6} className="p-6 text-center text-slate-500">No articles yet. Import one to start.</td></tr>
            )}
          </tbody>
        </table>
      </main>
    </>
  );
}
