import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/locale";
import { AppHeader } from "@/components/AppHeader";
import { ClaimReviewFeedForm } from "@/components/admin/ClaimReviewFeedForm";
import { canManageUsers } from "@/lib/policies";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listClaimReviewFeeds } from "@/server/similar/list-claim-review-feeds";

export const dynamic = "force-dynamic";

/** /admin/claim-reviews (admins): import feeds and see what is subscribed. */
export default async function ClaimReviewFeedsPage() {
  const actor = await requireActor("/admin/claim-reviews");
  const t = await getTranslations("feeds");
  const locale = await getLocale();
  const format = await getFormatter();
  if (!canManageUsers(actor)) notFound();
  const feeds = await listClaimReviewFeeds({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <ClaimReviewFeedForm />
        {feeds.length === 0 ? <p className="mt-6 text-sm text-slate-500">{t("none")}</p> : (
          <table className="mt-6 w-full rounded-lg bg-white text-sm shadow-sm" data-testid="feed-list">
            <thead className="bg-slate-100 text-slate-600"><tr><th className="p-3 text-start">{t("feed")}</th><th className="p-3 text-start">{t("reviews")}</th><th className="p-3 text-start">{t("last")}</th></tr></thead>
            <tbody>
              {feeds.map((f) => (
                <tr key={f.feed} className="border-t border-slate-100">
                  <td className="p-3 break-all" dir="ltr">{f.feed}</td>
                  <td className="p-3">{format.number(f.reviews)}</td>
                  <td className="p-3 text-slate-600">{f.lastImport ? <bdi><time dateTime={f.lastImport.toISOString()}>{formatDateTime(f.lastImport.toISOString(), locale)}</time></bdi> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
