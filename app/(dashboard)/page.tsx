import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listArticles } from "@/server/articles/list-articles";
import { AppHeader } from "@/components/AppHeader";
import { canImportArticle } from "@/lib/policies";
import { CLAIM_STATUSES } from "@/lib/claim-model";
import { formatIsoDate, intlLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

export default async function Dashboard() {
  const actor = await requireActor("/");
  const t = await getTranslations("dashboard");
  const ts = await getTranslations("status");
  const locale = await getLocale();
  const n = new Intl.NumberFormat(intlLocale(locale));
  const articles = await listArticles({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-7xl px-4 py-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          {canImportArticle(actor) && (
            <Link href="/articles/new" className="rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white">{t("import")}</Link>
          )}
        </div>
        <div className="mt-6 overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="stack-table w-full border-collapse text-sm" data-testid="article-list">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th className="p-3 text-start">{t("colTitle")}</th>
                <th className="p-3 text-start">{t("colOutlet")}</th>
                <th className="p-3 text-start">{t("colLanguage")}</th>
                <th className="p-3 text-start">{t("colClaims")}</th>
                <th className="p-3 text-start">{t("colDrafted")}</th>
                <th className="p-3 text-start">{t("colPublication")}</th>
                <th className="p-3 text-start">{t("colCreated")}</th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => {
                const byStatus = a.claimsByStatus;
                const total = Object.values(byStatus).reduce((x, y) => x + y, 0);
                const pub = a.publication;
                return (
                  <tr key={a.id} className="border-t border-slate-100 align-top">
                    <td className="p-3">
                      <Link href={`/articles/${a.id}`} lang={a.language} dir={a.direction} className="tap-target font-medium text-blue-800 hover:underline">{a.title}</Link>
                    </td>
                    <td className="p-3" data-label={t("colOutlet")}><bdi lang={a.language}>{a.outlet ?? "—"}</bdi></td>
                    <td className="p-3" data-label={t("colLanguage")}>{a.language === "ar" || a.language === "en" ? t(`language.${a.language}`) : a.language}</td>
                    <td className="p-3" data-label={t("colClaims")} data-testid="claim-counts">
                      <div>
                        <span className="font-medium" data-testid="claim-total">{n.format(total)}</span>
                        {total > 0 && (
                          <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-slate-600">
                            {CLAIM_STATUSES.filter((st) => byStatus[st]).map((st) => (
                              <li key={st} data-status={st}>{t("statusCount", { count: byStatus[st], status: ts(st) })}</li>
                            ))}
                            {a.approved > 0 && <li data-status="approved" className="text-emerald-800">{t("approvedCount", { count: a.approved })}</li>}
                          </ul>
                        )}
                      </div>
                    </td>
                    <td className="p-3" data-label={t("colDrafted")}>{n.format(a.verdictsDrafted)}</td>
                    <td className="p-3" data-label={t("colPublication")} data-testid="publication-cell">
                      <div>
                        {!pub ? <span className="text-slate-600">{t("notPublished")}</span>
                          : pub.kind === "retraction" ? <span className="text-red-800">{t("retracted")}</span>
                            : (
                              <>
                                <Link href={`/v/${encodeURIComponent(a.slug)}`} className="tap-target text-blue-800 underline">{t("publishedVersion", { version: pub.version })}</Link>
                                {a.changedSincePublication && <span className="ms-2 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" data-testid="changed-since-publication">{t("changedSincePublication")}</span>}
                              </>
                            )}
                      </div>
                    </td>
                    <td className="p-3 text-slate-600" data-label={t("colCreated")}><time dateTime={a.createdAt.toISOString()}>{formatIsoDate(a.createdAt.toISOString().slice(0, 10), locale, "medium")}</time></td>
                  </tr>
                );
              })}
              {articles.length === 0 && (
                <tr><td colSpan={7} className="p-6 text-center text-slate-600">{t("empty")}</td></tr>
              )}
            </tbody>
          </table>
        </div>
      </main>
    </>
  );
}
