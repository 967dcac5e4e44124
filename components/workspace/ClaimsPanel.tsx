"use client";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type * as Y from "yjs";
import { CLAIM_TYPES, CLAIM_TYPE_META } from "@/lib/claim-types";
import { CLAIM_STATUSES, type ClaimView } from "@/lib/claim-model";
import type { Actor } from "@/lib/policies";
import type { Language } from "@/lib/i18n/locale";
import { ClaimCard, type ClaimActions } from "./ClaimCard";
import { NO_DECISION, type DecisionState } from "./SignOffControls";
import type { Peer } from "./useCollab";
import type { TeamMember } from "./types";

const PAGE = 100;
const NOBODY: Peer[] = [];

/** Claims in text order, filterable by type, status and assignee. Long lists render in pages. */
export function ClaimsPanel(props: {
  articleId: string;
  claims: ClaimView[];
  doc: Y.Doc;
  origin: unknown;
  actor: Actor;
  team: TeamMember[];
  language: string;
  uiLanguage: Language;
  readOnly: boolean;
  focusedId: string | null;
  peers: Peer[];
  decisions: Map<string, DecisionState>;
  actions: ClaimActions;
  onFocus: (id: string) => void;
}) {
  const { claims, language, uiLanguage, focusedId, peers, decisions } = props;
  const t = useTranslations("claims");
  const ts = useTranslations("status");
  const [type, setType] = useState("");
  const [status, setStatus] = useState("");
  const [assignee, setAssignee] = useState("");
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => claims.filter((c) =>
    (!type || c.type === type) && (!status || c.status === status) && (!assignee || (assignee === "none" ? !c.assigneeId : c.assigneeId === assignee))), [claims, type, status, assignee]);
  const editorsByClaim = useMemo(() => {
    const m = new Map<string, Peer[]>();
    for (const p of peers) if (!p.isSelf && p.focusedClaim) m.set(p.focusedClaim, [...(m.get(p.focusedClaim) ?? []), p]);
    return m;
  }, [peers]);
  const visible = shown.slice(0, limit);
  if (focusedId && !visible.some((c) => c.id === focusedId)) {
    const f = shown.find((c) => c.id === focusedId);
    if (f) visible.push(f);
  }
  const sel = "rounded border border-slate-300 px-1 py-1 text-xs";
  return (
    <section aria-label={t("heading")} data-testid="claims-panel">
      <div className="flex flex-wrap items-center gap-1">
        <h2 className="me-auto text-sm font-semibold">{t("heading")} <span className="text-slate-600" data-testid="claim-count">{shown.length !== claims.length ? t("countOf", { shown: shown.length, total: claims.length }) : t("count", { shown: shown.length })}</span></h2>
        <select aria-label={t("filterType")} className={sel} value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t("allTypes")}</option>
          {CLAIM_TYPES.map((type) => <option key={type} value={type}>{CLAIM_TYPE_META[type][uiLanguage]}</option>)}
        </select>
        <select aria-label={t("filterStatus")} className={sel} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t("allStatuses")}</option>
          {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{ts(s)}</option>)}
        </select>
        <select aria-label={t("filterAssignee")} className={sel} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          <option value="">{t("anyone")}</option>
          <option value="none">{t("unassigned")}</option>
          {props.team.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </div>
      {claims.length === 0 && <p className="mt-3 text-sm text-slate-600">{t("empty")}</p>}
      <ol className="mt-2 space-y-2">
        {visible.map((c) => (
          <ClaimCard key={c.id} articleId={props.articleId} claim={c} doc={props.doc} origin={props.origin} actor={props.actor} team={props.team} language={language} uiLanguage={uiLanguage}
            readOnly={props.readOnly} focused={c.id === focusedId} editors={editorsByClaim.get(c.id) ?? NOBODY}
            decision={decisions.get(c.id) ?? NO_DECISION} actions={props.actions} onFocus={props.onFocus} />
        ))}
      </ol>
      {shown.length > limit && (
        <button type="button" className="mt-2 w-full rounded border border-slate-300 py-1 text-xs" onClick={() => setLimit((l) => l + PAGE)}>
          {t("showMore", { n: Math.min(PAGE, shown.length - limit), rest: shown.length - limit })}
        </button>
      )}
    </section>
  );
}
