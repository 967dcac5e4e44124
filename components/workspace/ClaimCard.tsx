"use client";
import { memo, useMemo } from "react";
import type * as Y from "yjs";
import { claimItemClients, getRationaleText } from "@/lib/article-doc";
import { useAuthorOf } from "./useDocAuthors";
import { CLAIM_TYPE_META } from "@/lib/claim-types";
import type { ClaimStatus, ClaimView } from "@/lib/claim-model";
import { VERDICTS } from "@/lib/verdicts";
import type { Actor } from "@/lib/policies";
import { ClaimFields } from "./ClaimFields";
import { Comments } from "./Comments";
import { CheckedBefore } from "./CheckedBefore";
import { claimTextOf } from "@/lib/publication/snapshot";
import { SourcesEditor } from "./SourcesEditor";
import { StatementEditor } from "./StatementEditor";
import { SignOffControls, type DecisionState } from "./SignOffControls";
import { useYTextarea } from "./useYTextarea";
import type { Peer } from "./useCollab";
import type { TeamMember } from "./types";

export const STATUS_LABELS: Record<ClaimStatus, string> = { draft: "Draft", researching: "Researching", needs_review: "Needs review", changes_requested: "Changes requested" };

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
  language: string;
  readOnly: boolean;
  focused: boolean;
  editors: Peer[];
  decision: DecisionState;
  actions: ClaimActions;
  onFocus: (id: string) => void;
}

/** Mounted only while its card is open, so the Y.Text binding starts with the element. */
function RationaleEditor({ ytext, origin, readOnly }: { ytext: Y.Text | null; origin: unknown; readOnly: boolean }) {
  const ref = useYTextarea(ytext, origin, readOnly);
  return <textarea ref={ref} data-testid="rationale" rows={4} dir="auto" readOnly={readOnly} className="mt-0.5 w-full rounded border border-slate-300 p-1.5 text-sm" />;
}

function ClaimCardView({ articleId, claim, doc, origin, actor, team, language, readOnly, focused, editors, decision, actions, onFocus }: Props) {
  const meta = CLAIM_TYPE_META[claim.type];
  const rationale = useMemo(() => { try { return getRationaleText(doc, claim.id); } catch { return null; } }, [doc, claim.id]);
  const names = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  const authorOf = useAuthorOf();
  // Comment authors as the server vouches for them (the Yjs client that wrote each comment).
  const commentClients = claimItemClients(doc, claim.id)?.comments ?? {};
  const commentAuthor = (commentId: string) => (commentClients[commentId] === undefined ? undefined : authorOf(commentClients[commentId]));
  const canSend = !readOnly && claim.verdict !== null && claim.status !== "needs_review";
  return (
    <li
      id={`claim-${claim.id}`}
      data-testid="claim-card"
      data-claim-id={claim.id}
      data-claim-type={claim.type}
      data-focused={focused ? "true" : undefined}
      onFocusCapture={() => onFocus(claim.id)}
      onClick={() => onFocus(claim.id)}
      className={`rounded-lg border bg-white p-3 shadow-sm ${focused ? "border-blue-500 ring-2 ring-blue-200" : "border-slate-200"}`}
      style={{ borderInlineStartWidth: 4, borderInlineStartColor: meta.colour }}
    >
      <div className="flex items-start gap-2">
        <span className="rounded px-1.5 py-0.5 text-[11px] font-semibold text-white" style={{ background: meta.colour }}>{language === "ar" ? meta.ar : meta.en}</span>
        <span className="text-[11px] text-slate-500">{STATUS_LABELS[claim.status]}</span>
        <span className="ms-auto flex -space-x-1" aria-label="Editing now">
          {editors.map((p) => (
            <span key={p.clientId} title={`${p.name} is here`} data-testid="card-editor" className="inline-flex h-5 w-5 items-center justify-center rounded-full text-[10px] font-bold text-white ring-2 ring-white" style={{ background: p.colour }}>
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
              <span className="text-slate-500">Verdict</span>
              <select data-testid="verdict-select" value={claim.verdict ?? ""} disabled={readOnly} onChange={(e) => actions.setVerdict(claim.id, e.target.value || null)} className="mt-0.5 w-full rounded border border-slate-300 px-1 py-1 text-sm">
                <option value="">— no verdict —</option>
                {VERDICTS.map((v) => <option key={v.key} value={v.key}>{language === "ar" ? `${v.ar} · ${v.en}` : v.en}</option>)}
              </select>
            </label>
            <label className="text-xs">
              <span className="text-slate-500">Assignee</span>
              <select value={claim.assigneeId ?? ""} disabled={readOnly} onChange={(e) => actions.assign(claim.id, e.target.value || null)} className="mt-0.5 w-full rounded border border-slate-300 px-1 py-1 text-sm">
                <option value="">Unassigned</option>
                {team.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </select>
            </label>
          </div>
          <label className="block text-xs">
            <span className="text-slate-500">Rationale (shared; everyone types here together)</span>
            <RationaleEditor ytext={rationale} origin={origin} readOnly={readOnly} />
          </label>
          <CheckedBefore articleId={articleId} claimId={claim.id} claimText={claimTextOf(claim)} readOnly={readOnly} />
          <SourcesEditor claimId={claim.id} sources={claim.sources} readOnly={readOnly} onAdd={(input) => actions.addSource(claim.id, input)} onRemove={(sid) => actions.removeSource(claim.id, sid)} />
          <Comments comments={claim.comments} actorId={actor.id} readOnly={readOnly} authorOf={commentAuthor}
            onAdd={(t) => actions.addComment(claim.id, t)} onEdit={(cid, t) => actions.editComment(claim.id, cid, t)} onDelete={(cid) => actions.deleteComment(claim.id, cid)} />
          <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-2 text-xs">
            <label>
              <span className="sr-only">Status</span>
              <select data-testid="status-select" value={claim.status} disabled={readOnly} onChange={(e) => actions.setStatus(claim.id, e.target.value as ClaimStatus)} className="rounded border border-slate-300 px-1 py-1">
                {(["draft", "researching", "needs_review"] as const).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
                {claim.status === "changes_requested" && <option value="changes_requested" disabled>{STATUS_LABELS.changes_requested}</option>}
              </select>
            </label>
            <button type="button" data-testid="send-for-review" disabled={!canSend} title={claim.verdict ? undefined : "Set a verdict first"}
              onClick={() => actions.setStatus(claim.id, "needs_review")} className="rounded bg-blue-700 px-2 py-1 font-medium text-white disabled:opacity-40">
              Send for review
            </button>
            {!readOnly && (
              <button type="button" className="ms-auto text-red-700 hover:underline" onClick={() => { if (window.confirm("Delete this claim for everyone?")) actions.remove(claim.id); }}>Delete claim</button>
            )}
          </div>
          <p className="text-[11px] text-slate-400">Created by {names.get(claim.createdBy) ?? "a teammate"} · {claim.createdAt.slice(0, 10)}{claim.assigneeId ? ` · assigned to ${names.get(claim.assigneeId) ?? "someone"}` : ""}</p>
        </div>
      )}
      <SignOffControls articleId={doc.guid} claim={claim} actor={actor} decision={decision} compact={!focused} />
    </li>
  );
}

export const ClaimCard = memo(ClaimCardView, (a, b) =>
  a.claim === b.claim && a.focused === b.focused && a.readOnly === b.readOnly && a.decision === b.decision && a.editors === b.editors && a.team === b.team && a.actions === b.actions,
);
