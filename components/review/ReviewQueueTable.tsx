import Link from "next/link";
import { CLAIM_TYPE_META } from "@/lib/claim-types";
import { verdictLabel } from "@/lib/verdicts";
import type { ReviewQueueItem } from "@/lib/review/review-queue-item";

export type QueueRow = ReviewQueueItem;

function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (s < 90) return "just now";
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 36) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

/** The review queue as a table; each row opens the claim in its workspace. */
export function ReviewQueueTable({ rows, now }: { rows: QueueRow[]; now: number }) {
  return (
    <table className="mt-4 w-full border-collapse overflow-hidden rounded-lg bg-white text-sm shadow-sm" data-testid="review-queue">
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          <th className="p-3 text-start">Claim</th>
          <th className="p-3 text-start">Article</th>
          <th className="p-3 text-start">Type</th>
          <th className="p-3 text-start">Verdict</th>
          <th className="p-3 text-start">Author</th>
          <th className="p-3 text-start">Waiting since</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.claimId} className="border-t border-slate-100 align-top" data-testid="review-queue-row" data-reason={r.reason}>
            <td className="max-w-md p-3">
              <Link href={`/articles/${r.articleId}?claim=${encodeURIComponent(r.claimId)}`} lang={r.articleLanguage} dir={r.articleDirection} className="font-medium text-blue-800 hover:underline">
                {r.excerpt}
              </Link>
              <div className="mt-1 flex flex-wrap gap-2">
                {r.reason === "changed_since_approval" ? (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">changed since approval</span>
                ) : (
                  <span className="rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900">needs review</span>
                )}
                {r.lastDecision && (
                  <span className="text-xs text-slate-500">
                    last: {r.lastDecision.decision.replace("_", " ")} by {r.lastDecision.reviewerName}
                  </span>
                )}
              </div>
            </td>
            <td className="p-3" lang={r.articleLanguage} dir={r.articleDirection}>{r.articleTitle}</td>
            <td className="p-3">{CLAIM_TYPE_META[r.type]?.en ?? r.type}</td>
            <td className="p-3">{r.verdict ? verdictLabel(r.verdict, "en") : <span className="text-slate-400">none</span>}</td>
            <td className="p-3">{r.authorName}</td>
            <td className="p-3 text-slate-600"><time dateTime={r.waitingSince} title={r.waitingSince}>{ago(r.waitingSince, now)}</time></td>
          </tr>
        ))}
        {rows.length === 0 && (
          <tr><td colSpan={6} className="p-6 text-center text-slate-500">Nothing is waiting for review.</td></tr>
        )}
      </tbody>
    </table>
  );
}
