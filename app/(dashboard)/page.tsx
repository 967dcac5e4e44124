import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
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
  const db = getDb();
  const [articles, claims, signOffs, publications] = await Promise.all([
    db.article.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, slug: true, title: true, outlet: true, language: true, direction: true, createdAt: true } }),
    db.claim.findMany({ select: { id: true, articleId: true, status: true, verdict: true, contentHash: true, updatedAt: true } }),
    db.signOff.findMany({ orderBy: { createdAt: "asc" }, select: { claimId: true, decision: true, contentHash: true } }),
    db.publication.findMany({ orderBy: { version: "asc" }, select: { articleId: true, version: true, kind: true, publishedAt: true } }),
  ]);
  // The same rules as the cards: a status each, and "approved" only while the approval still holds.
  const latestDecision = new Map(signOffs.map((s) => [s.claimId, s]));
  const perArticle = new Map<string, { byStatus: Record<string, number>; total: number; drafted: number; approved: number; lastChange: number }>();
  for (const c of claims) {
    const a = perArticle.get(c.articleId) ?? { byStatus: {}, total: 0, drafted: 0, approved: 0, lastChange: 0 };
    a.byStatus[c.status] = (a.byStatus[c.status] ?? 0) + 1;
    a.total++;
    if (c.verdict) a.drafted++;
    const d = latestDecision.get(c.id);
    if (d?.decision === "approved" && d.contentHash === c.contentHash) a.approved++;
    a.lastChange = Math.max(a.lastChange, c.updatedAt.getTime());
    perArticle.set(c.articleId, a);
  }
  const latestPublication = new Map(publications.map((p) => [p.articleId, p]));
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
          <table className="w-full border-collapse text-sm" data-testid="article-list">
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
                const s = perArticle.get(a.id) ?? { byStatus: {} as Record<string, number>, total: 0, drafted: 0, approved: 0, lastChange: 0 };
                const pub = latestPublication.get(a.id);
                const changed = pub?.kind === "publish" && s.lastChange > pub.publishedAt.getTime();
                return (
                  <tr key={a.id} className="border-t border-slate-100 align-top">
                    <td className="p-3">
                      <Link href={`/articles/${a.id}`} lang={a.language} dir={a.direction} className="font-medium text-blue-800 hover:underline">{a.title}</Link>
                    </td>
                    <td className="p-3"><bdi lang={a.language}>{a.outlet ?? "—"}</bdi></td>
                    <td className="p-3">{a.language === "ar" || a.language === "en" ? t(`language.${a.language}`) : a.language}</td>
                    <td className="p-3" data-testid="claim-counts">
                      <span className="font-medium" data-testid="claim-total">{n.format(s.total)}</span>
                      {s.total > 0 && (
                        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-slate-600">
                          {CLAIM_STATUSES.filter((st) => s.byStatus[st]).map((st) => (
                            <li key={st} data-status={st}>{t("statusCount", { count: s.byStatus[st], status: ts(st) })}</li>
                          ))}
                          {s.approved > 0 && <li data-status="approved" className="text-emerald-800">{t("approvedCount", { count: s.approved })}</li>}
                        </ul>
                      )}
                    </td>
                    <td className="p-3">{n.format(s.drafted)}</td>
                    <td className="p-3" data-testid="publication-cell">
                      {!pub ? <span className="text-slate-600">{t("notPublished")}</span>
                        : pub.kind === "retraction" ? <span className="text-red-800">{t("retracted")}</span>
                          : (
                            <>
                              <Link href={`/v/${encodeURIComponent(a.slug)}`} className="text-blue-800 underline">{t("publishedVersion", { version: pub.version })}</Link>
                              {changed && <span className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" data-testid="changed-since-publication">{t("changedSincePublication")}</span>}
                            </>
                          )}
                    </td>
                    <td className="p-3 text-slate-600"><time dateTime={a.createdAt.toISOString()}>{formatIsoDate(a.createdAt.toISOString().slice(0, 10), locale, "medium")}</time></td>
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
