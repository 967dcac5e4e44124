import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/AppHeader";
import { isAppError } from "@/lib/errors";
import { CLAIM_TYPE_META, type ClaimType } from "@/lib/claim-types";
import { errorKey } from "@/lib/i18n/errors";
import { formatDateTime, languageOf } from "@/lib/i18n/locale";
import { verdictLabel } from "@/lib/verdicts";
import { listArticleHistory } from "@/server/audit/article-history";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { canEditArticle, canReview } from "@/lib/policies";
import { claimsAtVersion, listVersions } from "@/server/versions/versions";
import { RestoreVersionButton, SaveVersionButton } from "@/components/history/VersionActions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> };

/** /articles/<id>/history: who changed statuses, verdicts, sign-offs and publications, and when. */
export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { version: versionId } = await searchParams;
  const actor = await requireActor(`/articles/${encodeURIComponent(id)}/history`);
  const t = await getTranslations("history");
  const te = await getTranslations("errors");
  const tp = await getTranslations("people");
  const locale = await getLocale();
  const language = languageOf(locale);
  let history;
  try {
    history = await listArticleHistory({ db: getDb(), actor, articleId: id });
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.code === "FORBIDDEN") {
      return (
        <>
          <AppHeader actor={actor} />
          <main className="mx-auto max-w-4xl px-4 py-8"><p className="text-slate-700">{te(errorKey(e.code))}</p></main>
        </>
      );
    }
    throw e;
  }
  const { article, entries, publications } = history;
  const current = publications[0];
  const tStatus = await getTranslations("status");
  const tRoles = await getTranslations("roles");
  // Event sentences worded here from the raw values (server/audit auditEventParams).
  const word = (action: string, value: string | null) => {
    if (!value) return t("none");
    if (action === "claim.status_changed") return tStatus.has(value as "draft") ? tStatus(value as "draft") : value;
    if (action === "claim.verdict_changed") return verdictLabel(value, language);
    if (action === "user.role_changed") return tRoles.has(value as "viewer") ? tRoles(value as "viewer") : value;
    return value;
  };
  const describe = (e: (typeof entries)[number]) => {
    // Checked at run time: an action without a sentence in the catalogue falls back to the server's.
    const key = `event.${e.action.replace(".", "_")}` as "event.claim_created";
    if (!t.has(key)) return e.description;
    const type = e.params.type && e.params.type in CLAIM_TYPE_META ? CLAIM_TYPE_META[e.params.type as ClaimType][language] : t("claim");
    return t(key, { type, from: word(e.action, e.params.from), to: word(e.action, e.params.to), version: e.params.version ?? 0, count: e.params.count ?? 0 });
  };
  const versions = await listVersions({ db: getDb(), actor, articleId: article.id });
  const selected = versionId && versions.some((v) => v.id === versionId)
    ? await claimsAtVersion({ db: getDb(), actor, articleId: article.id, versionId })
    : null;
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <p className="text-sm"><Link href={`/articles/${article.id}`} className="tap-target text-blue-800 underline"><span className="inline-block rtl:-scale-x-100" aria-hidden="true">←</span> {t("back")}</Link></p>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-700" lang={article.language} dir={article.direction}>{article.title}</p>
        {current && (
          <p className="mt-3 text-sm text-slate-700" data-testid="publication-status">
            {current.kind === "retraction" ? t("retracted") : t("published", { version: current.version })} ·{" "}
            <Link href={`/v/${encodeURIComponent(current.slug)}`} className="text-blue-800 underline">{t("publicPage")}</Link>
          </p>
        )}
        <ol className="mt-6 divide-y divide-slate-100 rounded-lg bg-white shadow-sm" data-testid="history">
          {entries.map((e) => (
            <li key={e.id} className="p-4 text-sm" data-action={e.action}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <bdi><time dateTime={e.at} className="text-slate-600">{formatDateTime(e.at, locale)}</time></bdi>
                <bdi className="font-medium">{e.actorName ?? tp(e.byPerson ? "unnamed" : "someone")}</bdi>
                <span>{describe(e)}</span>
              </div>
              {e.claimExcerpt && (
                <p className="mt-1 text-slate-600" lang={article.language} dir={article.direction}><bdi>{t("quoted", { text: e.claimExcerpt })}</bdi></p>
              )}
              {e.note && <p dir="auto" className="mt-1 whitespace-pre-line rounded bg-slate-50 p-2 text-slate-800">{e.note}</p>}
            </li>
          ))}
          {entries.length === 0 && <li className="p-6 text-center text-slate-600">{t("empty")}</li>}
        </ol>

        <section className="mt-10" aria-labelledby="versions-title">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="versions-title" className="text-xl font-semibold">{t("versions.title")}</h2>
            {canEditArticle(actor) && <SaveVersionButton articleId={article.id} />}
          </div>
          <ol className="mt-3 divide-y divide-slate-100 rounded-lg bg-white shadow-sm" data-testid="versions">
            {versions.map((v) => (
              <li key={v.id} className={`flex flex-wrap items-baseline gap-x-2 p-3 text-sm ${v.id === versionId ? "bg-blue-50" : ""}`}>
                <bdi><time dateTime={v.at} className="text-slate-600">{formatDateTime(v.at, locale)}</time></bdi>
                <span>{t.has(`versions.reason.${v.reason}` as "versions.reason.manual") ? t(`versions.reason.${v.reason}` as "versions.reason.manual") : v.reason}</span>
                {v.byPerson && <bdi className="font-medium">{v.byName ?? tp("unnamed")}</bdi>}
                <span className="text-slate-600">{t("versions.claims", { count: v.claimCount })}</span>
                <Link href={`?version=${encodeURIComponent(v.id)}#version-claims`} className="tap-target ms-auto text-blue-800 underline">{t("versions.show")}</Link>
              </li>
            ))}
            {versions.length === 0 && <li className="p-6 text-center text-slate-600">{t("versions.none")}</li>}
          </ol>
          {selected && versionId && (
            <div id="version-claims" className="mt-4 rounded-lg bg-white p-4 shadow-sm" data-testid="version-claims">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">{t("versions.at")} · <bdi><time dateTime={selected.at}>{formatDateTime(selected.at, locale)}</time></bdi></h3>
                {canReview(actor) && <RestoreVersionButton articleId={article.id} versionId={versionId} />}
              </div>
              <ul className="mt-3 space-y-2 text-sm">
                {selected.claims.map((c) => (
                  <li key={c.id} className="rounded border border-slate-100 p-2">
                    <p lang={article.language} dir={article.direction}><bdi>{t("quoted", { text: c.anchor.exact })}</bdi></p>
                    <p className="mt-1 text-slate-600">{c.type in CLAIM_TYPE_META ? CLAIM_TYPE_META[c.type as ClaimType][language] : c.type} · {tStatus.has(c.status as "draft") ? tStatus(c.status as "draft") : c.status} · {c.verdict ? verdictLabel(c.verdict, language) : t("versions.noVerdict")}</p>
                    {c.rationale && <p className="mt-1 whitespace-pre-line text-slate-800" dir="auto">{c.rationale}</p>}
                  </li>
                ))}
                {selected.claims.length === 0 && <li className="text-slate-600">{t("versions.noClaims")}</li>}
              </ul>
            </div>
          )}
        </section>
      </main>
    </>
  );
}
