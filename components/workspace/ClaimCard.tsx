"use client";
import { useFormatter, useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import type * as Y from "yjs";
import { claimItemClients, getRationaleText } from "@/lib/article-doc";
import { useAuthorOf } from "./useDocAuthors";
import { CLAIM_TYPE_META } from "@/lib/claim-types";
import type { ClaimStatus, ClaimView } from "@/lib/claim-model";
import { VERDICTS } from "@/lib/verdicts";
import type { Actor } from "@/lib/policies";
import type { Language } from "@/lib/i18n/locale";
import { ClaimFields } from "./ClaimFields";
import { Comments } from "./Comments";
import { MentionList, MentionText, useMentions } from "./useMentions";
import { parseMentions } from "@/lib/mentions";
import { CheckedBefore } from "./CheckedBefore";
import { claimTextOf } from "@/lib/publication/snapshot";
import { SourcesEditor } from "./SourcesEditor";
import { StatementEditor } from "./StatementEditor";
import { SignOffControls, type DecisionState } from "./SignOffControls";
import { useYTextarea } from "./useYTextarea";
import type { Peer } from "./useCollab";
import type { TeamMember } from "./types";

export interface ClaimActions {
  updateFields(id: string, patch: Record<string, unknown>): string | null;
  setStatus(id: string, status: ClaimStatus): string | null;
  setVerdict(id: string, key: string | null): string | null;
  assign(id: string, userId: string | null): string | null;
  remove(id: string): string | null;
  addSource(id: string, input: { url: string; title: string; publisher: string; date: string; archivedUrl: string; note: string }): string | null;
  removeSource(id: string, sourceId: string): string | null;
  addComment(id: string, text: string): string | null;
  editComment(id: string, commentId: string, text: string): string | null;
  deleteComment(id: string, commentId: string): string | null;
  setStatement(id: string, statement: string): string | null;
}

interface Props {
  articleId: string;
  claim: ClaimView;
  doc: Y.Doc;
  origin: unknown;
  actor: Actor;
  team: TeamMember[];
  /** The article's language (the quoted text). */
  language: string;
  uiLanguage: Language;
  readOnly: boolean;
  focused: boolean;
  editors: Peer[];
  decision: DecisionState;
  actions: ClaimActions;
  onFocus: (id: string) => void;
}

/** Mounted only while its card is open, so the Y.Text binding starts with the element. */
function RationaleEditor({ ytext, origin, readOnly, label, team, text, names }: { ytext: Y.Text | null; origin: unknown; readOnly: boolean; label: string; team: TeamMember[]; text: string; names: ReadonlyMap<string, string> }) {
  const ref = useYTextarea(ytext, origin, readOnly);
  const mentions = useMentions(ref, team, readOnly);
  const mentioned = parseMentions(text);
  return (
    <>
      <textarea ref={ref} data-testid="rationale" rows={4} dir="auto" readOnly={readOnly} aria-label={label} className="mt-0.5 w-full rounded border border-slate-300 p-1.5 text-sm" />
      <MentionList state={mentions} />
      {mentioned.length > 0 && <p dir="auto" className="text-slate-700" data-testid="rationale-mentions">{mentioned.map((m, i) => <span key={i} className="me-1"><MentionText text={text.slice(m.start, m.end)} names={names} /></span>)}</p>}
    </>
  );
}

function ClaimCardView({ articleId, claim, doc, origin, actor, team, language, uiLanguage, readOnly, focused, editors, decision, actions, onFocus }: Props) {
  const t = useTranslations("claims");
  const ts = useTranslations("status");
  const format = useFormatter();
  const meta = CLAIM_TYPE_META[claim.type];
  const rationale = useMemo(() => { try { return getRationaleText(doc, claim.id); } catch { return null; } }, [doc, claim.id]);
  const names = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  const authorOf = useAuthorOf();
  // Comment authors as the server vouches for them (the Yjs client that wrote each comment).
  const itemClients = claimItemClients(doc, claim.id);
  const commentClients = itemClients?.comments ?? {};
  // The creator likewise: the user bound to the claim's own item, never the client-written createdBy.
  const creator = itemClients?.creator === null || itemClients?.creator === undefined ? undefined : authorOf(itemClients.creator);
  // Four eyes on screen from the same vouched facts the server decides on (sign-off-claim.ts), not from
  // the document's client-written createdBy/verdictBy, which anyone editing could set to hide Approve.
  const verdictSetter = itemClients?.verdict === null || itemClients?.verdict === undefined ? undefined : authorOf(itemClients.verdict);
  const vouched = { createdBy: creator?.id ?? null, verdictBy: verdictSetter?.id ?? null };
  const commentAuthor = (commentId: string) => (commentClients[commentId] === undefined ? undefined : authorOf(commentClients[commentId]));
  const canSend = !readOnly && claim.verdict !== null && claim.status !== "needs_review";
  return (
    <li
      id={`claim-${claim.id}`}
      data-testid="claim-card"
      data-claim-id={claim.id}
      data-claim-type={claim.type}
      data-focused={focused ? "true" : undefined}
      tabIndex={-1}
      aria-label={t("claimLabel", { type: meta[uiLanguage], status: ts(claim.status) })}
      onFocusCapture={() => onFocus(claim.id)}
      onClick={() => onFocus(claim.id)}
      className={`scroll-mt-2 rounded-lg border bg-white p-3 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-400 ${focused ? "border-blue-500 ring-2 ring-blue-200" : "border-slate-200"}`}
      style={{ borderInlineStartWidth: 4, borderInlineStartColor: meta.colour }}
    >
      <div className="flex items-start gap-2">
        <span className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-semibold text-slate-900"><span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: meta.colour }} />{meta[uiLanguage]}</span>
        <span className="text-[11px] text-slate-600" data-testid="card-status">{ts(claim.status)}</span>
        <span className="ms-auto flex -space-x-1 rtl:space-x-reverse" role="group" aria-label={t("editingNow")}>
          {editors.map((p) => (
            <span key={p.clientId} title={t("isHere", { name: p.name })} data-testid="card-editor" className="inline-flex h-5 w-5 items-center justify-center rounded-full text-[10px] font-bold text-white ring-2 ring-white" style={{ background: p.colour }}>
              {p.name.slice(0, 1)}
            </span>
          ))}
        </span>
      </div>
      <blockquote className="mt-1 line-clamp-3 border-s-2 border-slate-200 ps-2 text-sm" dir="auto" lang={language}>{claim.anchor.exact}</blockquote>
      {focused && (
        <div className="mt-2 space-y-3">
          <StatementEditor statement={claim.statement ?? ""} language={language} readOnly={readOnly} onCommit={(s) => actions.setStatement(claim.id, s)} />
          <ClaimFields type={claim.type} fields={claim.fields as Record<string, unknown>} readOnly={readOnly} onChange={(patch) => actions.updateFields(claim.id, patch)} />
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-[3fr_2fr]">
            <label className="text-xs">
              <span className="text-slate-600">{t("verdict")}</span>
              <select data-testid="verdict-select" value={claim.verdict ?? ""} disabled={readOnly} onChange={(e) => actions.setVerdict(claim.id, e.target.value || null)} className="mt-0.5 w-full rounded border border-slate-300 px-1 py-1 text-sm">
                <option value="">{t("noVerdict")}</option>
                {VERDICTS.map((v) => <option key={v.key} value={v.key}>{v[uiLanguage]}</option>)}
              </select>
            </label>
            <label className="text-xs">
              <span className="text-slate-600">{t("assignee")}</span>
              <select value={claim.assigneeId ?? ""} disabled={readOnly} onChange={(e) => actions.assign(claim.id, e.target.value || null)} className="mt-0.5 w-full rounded border border-slate-300 px-1 py-1 text-sm">
                <option value="">{t("unassigned")}</option>
                {team.filter((m) => m.active !== false || m.id === claim.assigneeId).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
            </label>
          </div>
          <div className="block text-xs">
            <span className="text-slate-600" aria-hidden="true">{t("rationale")}</span>
            <RationaleEditor ytext={rationale} origin={origin} readOnly={readOnly} label={t("rationale")} team={team} text={claim.rationale} names={names} />
          </div>
          <CheckedBefore articleId={articleId} claimId={claim.id} claimText={claimTextOf(claim)} readOnly={readOnly} />
          <SourcesEditor claimId={claim.id} sources={claim.sources} readOnly={readOnly} onAdd={(input) => actions.addSource(claim.id, input)} onRemove={(sid) => actions.removeSource(claim.id, sid)} />
          <Comments comments={claim.comments} actorId={actor.id} readOnly={readOnly} authorOf={commentAuthor} team={team}
            onAdd={(t) => actions.addComment(claim.id, t)} onEdit={(cid, t) => actions.editComment(claim.id, cid, t)} onDelete={(cid) => actions.deleteComment(claim.id, cid)} />
          <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2 text-xs">
            <label>
              <span className="sr-only">{t("status")}</span>
              <select data-testid="status-select" value={claim.status} disabled={readOnly} onChange={(e) => actions.setStatus(claim.id, e.target.value as ClaimStatus)} className="rounded border border-slate-300 px-1 py-1">
                {(["draft", "researching", "needs_review"] as const).map((s) => <option key={s} value={s}>{ts(s)}</option>)}
                {claim.status === "changes_requested" && <option value="changes_requested" disabled>{ts("changes_requested")}</option>}
              </select>
            </label>
            <button type="button" data-testid="send-for-review" disabled={!canSend} title={claim.verdict ? undefined : t("setVerdictFirst")}
              onClick={() => actions.setStatus(claim.id, "needs_review")} className="rounded bg-blue-700 px-2 py-1 font-medium text-white disabled:opacity-40">
              {t("sendForReview")}
            </button>
            {!readOnly && (
              <button type="button" data-testid="delete-claim" className="ms-auto text-red-700 hover:underline" onClick={() => { if (window.confirm(t("confirmDelete"))) actions.remove(claim.id); }}>{t("deleteClaim")}</button>
            )}
          </div>
          <p className="text-[11px] text-slate-600">
            {t.rich("createdBy", { name: creator?.name ?? t("aTeammate"), date: format.dateTime(new Date(claim.createdAt), { day: "numeric", month: "short", year: "numeric" }), n: (chunks) => <bdi>{chunks}</bdi> })}
            {claim.assigneeId && <> · {t.rich("assignedTo", { name: names.get(claim.assigneeId) ?? t("aTeammate"), n: (chunks) => <bdi>{chunks}</bdi> })}</>}
          </p>
        </div>
      )}
      <SignOffControls articleId={articleId} claim={claim} vouched={vouched} actor={actor} decision={decision} compact={!focused} />
    </li>
  );
}

export const ClaimCard = memo(ClaimCardView, (a, b) =>
  a.claim === b.claim && a.uiLanguage === b.uiLanguage && a.focused === b.focused && a.readOnly === b.readOnly && a.decision === b.decision && a.editors === b.editors && a.team === b.team && a.actions === b.actions,
);
