import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/AppHeader";
import { isAppError } from "@/lib/errors";
import { listArticleHistory } from "@/server/audit/article-history";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** /articles/<id>/history: who changed statuses, verdicts, sign-offs and publications, and when. */
export default async function ArticleHistoryPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/articles/${encodeURIComponent(id)}/history`);
  let history;
  try {
    history = await listArticleHistory({ db: getDb(), actor, articleId: id });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "FORBIDDEN") {
      return (
        <>
          <AppHeader actor={actor} />
          <main className="mx-auto max-w-4xl px-4 py-8"><p className="text-slate-700">{e.message}</p></main>
        </>
      );
    }
    throw e;
  }
  const { article, entries, publications } = history;
  const current = publications[0];
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <p className="text-sm"><Link href={`/articles/${article.id}`} className="text-blue-800 underline">← Back to the workspace</Link></p>
        <h1 className="mt-2 text-2xl font-semibold">History</h1>
        <p className="mt-1 text-slate-700" lang={article.language} dir={article.direction}>{article.title}</p>
        {current && (
          <p className="mt-3 text-sm text-slate-700" data-testid="publication-status">
            {current.kind === "retraction" ? "Retracted" : `Published, version ${current.version}`} ·{" "}
            <Link href={`/v/${encodeURIComponent(current.slug)}`} className="text-blue-800 underline">public page</Link>
          </p>
        )}
        <ol className="mt-6 divide-y divide-slate-100 rounded-lg bg-white shadow-sm" data-testid="history">
          {entries.map((e) => (
            <li key={e.id} className="p-4 text-sm" data-action={e.action}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <time dateTime={e.at} className="text-slate-500">{e.at.slice(0, 16).replace("T", " ")} UTC</time>
                <span className="font-medium">{e.actorName}</span>
                <span>{e.description}</span>
              </div>
              {e.claimExcerpt && (
                <p className="mt-1 text-slate-600" lang={article.language} dir={article.direction}>“{e.claimExcerpt}”</p>
              )}
              {e.note && <p className="mt-1 whitespace-pre-line rounded bg-slate-50 p-2 text-slate-800">{e.note}</p>}
            </li>
          ))}
          {entries.length === 0 && <li className="p-6 text-center text-slate-500">No recorded changes yet.</li>}
        </ol>
      </main>
    </>
  );
}
