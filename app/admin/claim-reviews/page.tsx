import { notFound } from "next/navigation";
import { AppHeader } from "@/components/AppHeader";
import { ClaimReviewFeedForm } from "@/components/admin/ClaimReviewFeedForm";
import { canManageUsers } from "@/lib/policies";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listClaimReviewFeeds } from "@/server/similar/list-claim-review-feeds";

export const dynamic = "force-dynamic";

const labels = {
  title: "ClaimReview feeds",
  intro: "Other fact-checkers' ClaimReview feeds (schema.org JSON or JSON-LD: a single ClaimReview, an array, a @graph or a DataFeed). Their reviews appear under \"Checked before\" on every claim card. Re-importing a feed updates it.",
  feed: "Feed", reviews: "Reviews", last: "Last import", none: "No feed imported yet.",
};

/** /admin/claim-reviews (admins): import feeds and see what is subscribed. */
export default async function ClaimReviewFeedsPage() {
  const actor = await requireActor("/admin/claim-reviews");
  if (!canManageUsers(actor)) notFound();
  const feeds = await listClaimReviewFeeds({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{labels.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{labels.intro}</p>
        <ClaimReviewFeedForm />
        {feeds.length === 0 ? <p className="mt-6 text-sm text-slate-500">{labels.none}</p> : (
          <table className="mt-6 w-full rounded-lg bg-white text-sm shadow-sm" data-testid="feed-list">
            <thead className="bg-slate-100 text-slate-600"><tr><th className="p-3 text-start">{labels.feed}</th><th className="p-3 text-start">{labels.reviews}</th><th className="p-3 text-start">{labels.last}</th></tr></thead>
            <tbody>
              {feeds.map((f) => (
                <tr key={f.feed} className="border-t border-slate-100">
                  <td className="p-3 break-all" dir="ltr">{f.feed}</td>
                  <td className="p-3">{f.reviews}</td>
                  <td className="p-3 text-slate-500">{f.lastImport?.toISOString().slice(0, 16).replace("T", " ") ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
