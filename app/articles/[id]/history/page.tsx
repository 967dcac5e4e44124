import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/AppHeader";
import { isAppError } from "@/lib/errors";
import { listArticleHistory } from "@/server/audit/article-history";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { canEditArticle, canReview } from "@/lib/policies";
import { claimsAtVersion, listVersions } from "@/server/versions/versions";
import { RestoreVersionButton, SaveVersionButton } from "@/components/history/VersionActions";
import { verdictLabel } from "@/lib/verdicts";

/** User-visible strings of the versions section (kept together for the i18n move). */
const versionLabels = {
  title: "Saved versions",
  none: "No saved versions yet. A version is kept every 10 minutes of activity, before larger deletions, and on demand.",
  reason: { periodic: "automatic", manual: "saved by hand", before_delete: "before a deletion", before_restore: "before a restore" } as Record<string, string>,
  claims: (n: number) => `${n} claim(s)`,
  show: "Show claims",
  at: "Claims at this version",
  noClaims: "No claims at this version.",
  noVerdict: "no verdict",
};

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> };

/** /articles/<id>/history: who changed statuses, verdicts, sign-offs and publications, and when. */
export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { version: versionId } = await searchParams;
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
  const versions = await listVersions({ db: getDb(), actor, articleId: article.id });
  const selected = versionId && versions.some((v) => v.id === versionId)
    ? await claimsAtVersion({ db: getDb(), actor, articleId: article.id, versionId })
    : null;
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

        <section className="mt-10" aria-labelledby="versions-title">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="versions-title" className="text-xl font-semibold">{versionLabels.title}</h2>
            {canEditArticle(actor) && <SaveVersionButton articleId={article.id} />}
          </div>
          <ol className="mt-3 divide-y divide-slate-100 rounded-lg bg-white shadow-sm" data-testid="versions">
            {versions.map((v) => (
              <li key={v.id} className={`flex flex-wrap items-baseline gap-x-2 p-3 text-sm ${v.id === versionId ? "bg-blue-50" : ""}`}>
                <time dateTime={v.at} className="text-slate-500">{v.at.slice(0, 16).replace("T", " ")} UTC</time>
                <span>{versionLabels.reason[v.reason] ?? v.reason}</span>
                {v.byName && <bdi className="font-medium">{v.byName}</bdi>}
                <span className="text-slate-600">{versionLabels.claims(v.claimCount)}</span>
                <Link href={`?version=${encodeURIComponent(v.id)}#version-claims`} className="ms-auto text-blue-800 underline">{versionLabels.show}</Link>
              </li>
            ))}
            {versions.length === 0 && <li className="p-6 text-center text-slate-500">{versionLabels.none}</li>}
          </ol>
          {selected && versionId && (
            <div id="version-claims" className="mt-4 rounded-lg bg-white p-4 shadow-sm" data-testid="version-claims">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">{versionLabels.at} · <time dateTime={selected.at}>{selected.at.slice(0, 16).replace("T", " ")} UTC</time></h3>
                {canReview(actor) && <RestoreVersionButton articleId={article.id} versionId={versionId} />}
              </div>
              <ul className="mt-3 space-y-2 text-sm">
                {selected.claims.map((c) => (
                  <li key={c.id} className="rounded border border-slate-100 p-2">
                    <p lang={article.language} dir={article.direction}>“{c.anchor.exact}”</p>
                    <p className="mt-1 text-slate-600">{c.type} · {c.status.replace("_", " ")} · {c.verdict ? verdictLabel(c.verdict, "en") : versionLabels.noVerdict}</p>
                    {c.rationale && <p className="mt-1 whitespace-pre-line text-slate-800" dir="auto">{c.rationale}</p>}
                  </li>
                ))}
                {selected.claims.length === 0 && <li className="text-slate-500">{versionLabels.noClaims}</li>}
              </ul>
            </div>
          )}
        </section>
      </main>
    </>
  );
}
