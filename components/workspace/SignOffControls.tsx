"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { readError, useErrorMessage } from "../useErrorMessage";
import type { ClaimView } from "@/lib/claim-model";
import { canReview, mayApproveClaim, type Actor } from "@/lib/policies";
import { claimContentHash } from "@/lib/review/content-hash";
import { decisionState, type ClaimDecision } from "@/lib/review/decision-state";

export type DecisionState =
  | { kind: "none" }
  | { kind: "approved"; by: string | null; at: string }
  | { kind: "stale"; by: string | null; at: string }
  | { kind: "changes_requested"; by: string | null; at: string; note: string }
  | { kind: "excluded"; by: string | null; at: string; note: string };

export const NO_DECISION: DecisionState = { kind: "none" };

/** The UI view of a claim's latest sign-off; the rule itself is lib/review/decision-state.ts. */
export function decisionView(claim: ClaimView, d: ClaimDecision | undefined): DecisionState {
  if (!d) return NO_DECISION;
  const state = decisionState(d, claimContentHash(claim));
  if (state === "approved") return { kind: "approved", by: d.reviewerName, at: d.at };
  if (state === "changed_since_approval") return { kind: "stale", by: d.reviewerName, at: d.at };
  if (state === "excluded") return { kind: "excluded", by: d.reviewerName, at: d.at, note: d.note };
  return { kind: "changes_requested", by: d.reviewerName, at: d.at, note: d.note };
}

const BADGE_CLASS: Record<Exclude<DecisionState["kind"], "none">, string> = {
  approved: "bg-emerald-100 text-emerald-900",
  stale: "bg-amber-100 text-amber-900",
  changes_requested: "bg-orange-100 text-orange-900",
  excluded: "bg-slate-200 text-slate-800",
};

/**
 * The decision badge, and for reviewers the sign-off buttons. The four-eyes rule is checked
 * here only to explain a disabled button; the server decides.
 */
/** `vouched`: who created the claim and set its verdict as the server knows it (bound Yjs clients), never the document's own keys. */
export function SignOffControls({ articleId, claim, vouched, actor, decision, compact }: { articleId: string; claim: ClaimView; vouched: { createdBy: string | null; verdictBy: string | null }; actor: Actor; decision: DecisionState; compact: boolean }) {
  const t = useTranslations("signoff");
  const tp = useTranslations("people");
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const badge = decision.kind === "none" ? null : BADGE_CLASS[decision.kind];
  const approval = mayApproveClaim(actor, { ...claim, ...vouched });
  const reviewer = canReview(actor);
  const pending = claim.status === "needs_review" && decision.kind !== "approved";

  async function send(kind: "approved" | "changes_requested" | "excluded") {
    let note = "";
    if (kind !== "approved") {
      const answer = window.prompt(kind === "excluded" ? t("promptExclude") : t("promptChanges"));
      if (answer === null) return;
      note = answer.trim();
      if (!note) { setError(t("noteRequired")); return; }
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/articles/${encodeURIComponent(articleId)}/claims/${encodeURIComponent(claim.id)}/sign-off`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ decision: kind, note, contentHash: claimContentHash(claim) }),
      });
      if (!res.ok) setError(errorMessage(await readError(res), res.status));
    } catch {
      setError(errorMessage({ code: "network" }));
    } finally {
      setBusy(false);
    }
  }

  if (!badge && !(reviewer && !compact)) return null;
  return (
    <div className="mt-2 space-y-1" data-testid="sign-off">
      {badge && (
        <p className={`inline-block rounded px-1.5 py-0.5 text-[11px] font-medium ${badge}`} data-testid="decision-badge" data-decision={decision.kind}>
          {decision.kind !== "none" && <>{t(decision.kind)} · <bdi>{decision.by ?? tp("unnamed")}</bdi></>}
          {(decision.kind === "changes_requested" || decision.kind === "excluded") && decision.note && <>: <bdi>{decision.note}</bdi></>}
        </p>
      )}
      {reviewer && !compact && (
        <div className="flex flex-wrap items-center gap-2">
          {(pending || decision.kind === "stale") && (
            <>
              <button type="button" data-testid="approve" disabled={busy || !approval.ok} title={approval.ok ? t("approveTitle") : t(`reason.${approval.code}`)}
                onClick={() => void send("approved")} className="rounded bg-emerald-700 px-2 py-1 text-xs font-medium text-white disabled:opacity-40">{t("approve")}</button>
              <button type="button" data-testid="request-changes" disabled={busy} onClick={() => void send("changes_requested")} className="rounded border border-orange-600 px-2 py-1 text-xs text-orange-800">{t("requestChanges")}</button>
            </>
          )}
          {decision.kind !== "excluded" && (
            <button type="button" data-testid="exclude" disabled={busy} title={t("excludeTitle")}
              onClick={() => void send("excluded")} className="rounded border border-slate-400 px-2 py-1 text-xs">{t("exclude")}</button>
          )}
          {(pending || decision.kind === "stale") && !approval.ok && <span className="text-[11px] text-slate-600" data-testid="approve-reason">{t(`reason.${approval.code}`)}</span>}
        </div>
      )}
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
