"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  addClaim, addComment, addSource, assignClaim, createUndoManager, deleteClaim, deleteComment, dismissSuggestion,
  editComment, removeSource, setStatus, setVerdict, suggestionKey, updateClaimFields,
} from "@/lib/article-doc";
import { CLAIM_FIELD_SCHEMAS, CLAIM_TYPE_META, type ClaimType } from "@/lib/claim-types";
import { detectClaims } from "@/lib/detect";
import { MAX_STATEMENT, setStatement } from "@/lib/article-doc";
import { draftStatement } from "@/lib/statement-draft";
import { canEditArticle, type Actor } from "@/lib/policies";
import { ArticleBody, selectionOffsets, type Mark } from "./ArticleBody";
import type { ClaimActions } from "./ClaimCard";
import { DocAuthorsContext, useDocAuthors } from "./useDocAuthors";
import { ClaimsPanel } from "./ClaimsPanel";
import { ArchiveProvider } from "./SourceArchive";
import { PresenceBar } from "./PresenceBar";
import { PublicationPanel } from "./PublicationPanel";
import { SelectionToolbar } from "./SelectionToolbar";
import { decisionView, type DecisionState } from "./SignOffControls";
import type { ArticleDecisions } from "@/lib/review/decision-state";
import { Suggestions } from "./Suggestions";
import { useClaims } from "./useClaims";
import { useCollab } from "./useCollab";
import type { TeamMember, WorkspaceArticle } from "./types";

/** Keep only the keys a type's schema knows, so a detector's extras never reach the document. */
function schemaFields(type: ClaimType, fields: Record<string, unknown>): Record<string, unknown> {
  const shape = (CLAIM_FIELD_SCHEMAS[type] as unknown as { shape: Record<string, unknown> }).shape;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k in shape));
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : "That change was refused.";
}

export function Workspace({ article, actor, team, initialClaimId = null }: { article: WorkspaceArticle; actor: Actor; team: TeamMember[]; initialClaimId?: string | null }) {
  const collab = useCollab(article.id, actor);
  const authorOf = useDocAuthors(article.id);
  const { doc, provider } = collab;
  const { claims, dismissed } = useClaims(doc);
  const readOnly = !canEditArticle(actor);
  // Transactions made with this origin are "mine": the undo manager tracks only them.
  const origin = useMemo(() => ({ sanadUser: actor.id }), [actor.id]);
  const undoManager = useMemo(() => createUndoManager(doc, origin), [doc, origin]);
  useEffect(() => () => undoManager.destroy(), [undoManager]);
  const docActor = useMemo(() => ({ id: actor.id, name: actor.name }), [actor.id, actor.name]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [toolbar, setToolbar] = useState<{ top: number; left: number; start: number; end: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);

  const run = useCallback((fn: () => void): string | null => {
    if (readOnly) return "Viewers can read but not change claims.";
    try {
      fn();
      return null;
    } catch (e) {
      return message(e);
    }
  }, [readOnly]);

  const actions: ClaimActions = useMemo(() => ({
    updateFields: (id, patch) => run(() => updateClaimFields(doc, id, patch, docActor, origin)),
    setStatus: (id, s) => run(() => setStatus(doc, id, s, docActor, origin)),
    setVerdict: (id, key) => run(() => setVerdict(doc, id, key, docActor, origin)),
    assign: (id, userId) => run(() => assignClaim(doc, id, userId, docActor, origin)),
    remove: (id) => run(() => deleteClaim(doc, id, docActor, origin)),
    addSource: (id, input) => run(() => { addSource(doc, id, input, docActor, origin); }),
    removeSource: (id, sid) => run(() => removeSource(doc, id, sid, docActor, origin)),
    addComment: (id, text) => run(() => { addComment(doc, id, text, docActor, origin); }),
    editComment: (id, cid, text) => run(() => editComment(doc, id, cid, text, docActor, origin)),
    deleteComment: (id, cid) => run(() => deleteComment(doc, id, cid, docActor, origin)),
    setStatement: (id, statement) => run(() => setStatement(doc, id, statement, docActor, origin)),
  }), [doc, docActor, origin, run]);

  // Focus: a highlight click focuses its card; focusing a card scrolls to its highlight.
  const focus = useCallback((id: string, from: "text" | "card") => {
    setFocusedId(id);
    requestAnimationFrame(() => {
      const target = from === "text"
        ? document.getElementById(`claim-${id}`)
        : stageRef.current?.querySelector(`[data-claim-ids~="${CSS.escape(id)}"]`);
      target?.scrollIntoView({ block: from === "card" ? "center" : "nearest", behavior: "smooth" });
    });
  }, []);
  useEffect(() => { provider.awareness.setLocalStateField("focusedClaim", focusedId); }, [provider, focusedId]);
  // Opened from search (?claim=…): focus that claim once it has synced in.
  const openedClaim = useRef<string | null>(initialClaimId);
  useEffect(() => {
    const id = openedClaim.current;
    if (id && claims.some((c) => c.id === id)) { openedClaim.current = null; focus(id, "text"); }
  }, [claims, focus]);

  // Selection -> toolbar and awareness (others see my selection in my colour).
  const onSelectionEnd = useCallback(() => {
    const stage = stageRef.current;
    const articleEl = stage?.querySelector<HTMLElement>("[data-testid=article-body]");
    if (!stage || !articleEl) return;
    const offsets = selectionOffsets(articleEl);
    provider.awareness.setLocalStateField("selection", offsets);
    if (!offsets || readOnly) return setToolbar(null);
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const box = stage.getBoundingClientRect();
    const left = Math.max(0, Math.min(rect.left - box.left, box.width - 540));
    // The stage scrolls: absolute positions count from its content, not from its visible top.
    setToolbar({ top: rect.bottom - box.top + stage.scrollTop + 6, left: left + stage.scrollLeft, ...offsets });
  }, [provider, readOnly]);

  const pick = useCallback((type: ClaimType) => {
    if (!toolbar) return;
    let id: string | null = null;
    const err = run(() => { id = addClaim(doc, article.body, { type, start: toolbar.start, end: toolbar.end }, docActor, origin); });
    setToolbar(null);
    window.getSelection()?.removeAllRanges();
    provider.awareness.setLocalStateField("selection", null);
    setNotice(err);
    if (id) focus(id, "text");
  }, [toolbar, run, doc, article.body, docActor, origin, provider, focus]);

  // Undo/redo of my own changes only.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || readOnly) return;
      const k = e.key.toLowerCase();
      if (k === "z" || k === "y") {
        e.preventDefault();
        if (k === "y" || e.shiftKey) undoManager.redo();
        else undoManager.undo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [undoManager, readOnly]);

  // Suggestions: computed in the browser from the immutable body (no round trip, no server load).
  const spansKey = JSON.stringify(claims.map((c) => [c.type, c.anchor.start, c.anchor.end]));
  const claimSpans = useMemo(() => (JSON.parse(spansKey) as Array<[string, number, number]>).map(([type, start, end]) => ({ type, start, end })), [spansKey]);
  const detections = useMemo(() => {
    try {
      return detectClaims(article.body, { lang: article.language === "ar" ? "ar" : "en", publishedAt: article.publishedAt ?? undefined });
    } catch {
      return [];
    }
  }, [article.body, article.language, article.publishedAt]);
  const openSuggestions = useMemo(() => detections
    .map((d) => ({ ...d, key: suggestionKey(d.type, d.start, d.end) }))
    .filter((d) => !dismissed.has(d.key) && !claimSpans.some((c) => c.type === d.type && c.start < d.end && d.start < c.end)),
  [detections, dismissed, claimSpans]);
  const acceptSuggestion = useCallback((key: string) => {
    const s = openSuggestions.find((x) => x.key === key);
    if (!s) return;
    let id: string | null = null;
    setNotice(run(() => {
      id = addClaim(doc, article.body, { type: s.type, start: s.start, end: s.end, fields: schemaFields(s.type, s.fields as Record<string, unknown>) }, docActor, origin);
      // pre-fill the checkable statement from the detection; the team edits it in the card
      const statement = draftStatement({ ...s, exact: article.body.slice(s.start, s.end), body: article.body, language: article.language, statement: (s as { statement?: string }).statement });
      if (statement) setStatement(doc, id, statement.slice(0, MAX_STATEMENT), docActor, origin);
    }));
    if (id) focus(id, "text");
  }, [openSuggestions, run, doc, article.body, article.language, docActor, origin, focus]);
  const dismiss = useCallback((key: string) => setNotice(run(() => dismissSuggestion(doc, key, docActor, origin))), [run, doc, docActor, origin]);
  const showSuggestion = useCallback((key: string) => {
    stageRef.current?.querySelector(`[data-suggestion="${CSS.escape(key)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  const decisions = useMemo(() => {
    const payload = (collab.decisions ?? {}) as Partial<ArticleDecisions>;
    const m = new Map<string, DecisionState>();
    for (const c of claims) {
      const d = payload.claims?.[c.id];
      if (d) m.set(c.id, decisionView(c, d));
    }
    return m;
  }, [collab.decisions, claims]);

  // Highlights depend on where claims are, not on what they say: typing in a rationale must
  // not re-render the article. The geometry key changes only when a claim moves, appears or goes.
  const geometryKey = JSON.stringify(claims.map((c) => [c.id, c.type, c.anchor.start, c.anchor.end]));
  const claimMarks: Mark[] = useMemo(() => (JSON.parse(geometryKey) as Array<[string, ClaimType, number, number]>).map(([id, type, start, end]) => {
    const meta = CLAIM_TYPE_META[type];
    return { id, start, end, kind: "claim" as const, colour: meta.colour, cue: meta.cue, label: article.language === "ar" ? meta.ar : meta.en };
  }), [geometryKey, article.language]);
  const marks: Mark[] = useMemo(() => {
    const out: Mark[] = [...claimMarks];
    for (const s of openSuggestions) out.push({ id: s.key, start: s.start, end: s.end, kind: "suggestion", colour: "#94a3b8", label: `Suggestion: ${CLAIM_TYPE_META[s.type].en}` });
    for (const p of collab.peers) {
      if (!p.isSelf && p.selection) out.push({ id: `peer:${p.clientId}`, start: p.selection.start, end: p.selection.end, kind: "peer", colour: p.colour, label: `${p.name} is selecting` });
    }
    return out;
  }, [claimMarks, openSuggestions, collab.peers]);

  const onMarkClick = useCallback((id: string) => {
    if (id.includes(":")) showSuggestion(id);
    else focus(id, "text");
  }, [focus, showSuggestion]);

  return (
    <DocAuthorsContext.Provider value={authorOf}>
    <main dir={article.direction} lang={article.language} className="mx-auto max-w-7xl px-4 py-5 lg:flex lg:h-[calc(100vh-3.6rem)] lg:flex-col" data-testid="workspace" data-ready={collab.ready ? "true" : "false"}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold">{article.title}</h1>
          <p className="text-sm text-slate-500">
            {article.outlet}{article.author ? <> · <bdi>{article.author}</bdi></> : null}{article.publishedAt ? ` · ${article.publishedAt}` : ""}
            {article.sourceUrl && <> · <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-800 hover:underline">original</a></>}
            {article.pageCaptureId && <> · <a href={`/articles/${article.id}/archive/${article.pageCaptureId}`} target="_blank" rel="noopener" className="text-blue-800 hover:underline" data-testid="page-capture-link">page as fetched</a></>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2" dir="ltr">
          <PresenceBar peers={collab.peers} connection={collab.connection} />
          {!readOnly && (
            <span className="flex gap-1">
              <button type="button" onClick={() => undoManager.undo()} className="rounded border border-slate-300 px-2 py-0.5 text-xs" title="Undo my last change (Ctrl/Cmd+Z)">Undo</button>
              <button type="button" onClick={() => undoManager.redo()} className="rounded border border-slate-300 px-2 py-0.5 text-xs" title="Redo (Shift+Ctrl/Cmd+Z)">Redo</button>
            </span>
          )}
          <a href={`/api/articles/${article.id}/export?format=json`} download className="rounded border border-slate-300 px-2 py-0.5 text-xs" data-testid="export-json">Export JSON-LD</a>
          <a href={`/api/articles/${article.id}/export?format=csv`} download className="rounded border border-slate-300 px-2 py-0.5 text-xs" data-testid="export-csv">Export CSV</a>
          <a href={`/articles/${article.id}/history`} className="rounded border border-slate-300 px-2 py-0.5 text-xs">History</a>
        </div>
      </div>
      {collab.fatal && <p role="alert" className="mt-3 rounded bg-red-50 p-3 text-red-800">{collab.fatal}</p>}
      {readOnly && <p className="mt-3 rounded bg-slate-100 p-2 text-sm text-slate-700" data-testid="viewer-notice">You are a viewer: you see the team&apos;s work live but cannot change it.</p>}
      {notice && <p role="alert" className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900" onClick={() => setNotice(null)}>{notice}</p>}
      {/* Two columns that scroll on their own: focusing a card scrolls the article, never the card away from the pointer. */}
      <div className="mt-4 grid gap-5 lg:min-h-0 lg:flex-1 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div ref={stageRef} data-testid="article-stage" className="relative rounded-lg bg-white p-6 shadow-sm lg:overflow-y-auto" onMouseUp={onSelectionEnd} onKeyUp={(e) => { if (e.shiftKey) onSelectionEnd(); }}>
          <ArticleBody body={article.body} blocks={article.blocks} language={article.language} direction={article.direction} marks={marks} focusedId={focusedId} onMarkClick={onMarkClick} />
          <SelectionToolbar position={toolbar} language={article.language} onPick={pick} onClose={() => setToolbar(null)} />
        </div>
        <aside className="space-y-5 lg:overflow-y-auto lg:pe-1" dir={article.direction}>
          <PublicationPanel articleId={article.id} actor={actor} refreshKey={`${JSON.stringify(collab.decisions)}|${claims.map((c) => `${c.id}:${c.status}:${c.updatedAt}`).join(",")}`} />
          <ArchiveProvider articleId={article.id}>
            <ClaimsPanel articleId={article.id} claims={claims} doc={doc} origin={origin} actor={actor} team={team} language={article.language} readOnly={readOnly}
              focusedId={focusedId} peers={collab.peers} decisions={decisions} actions={actions} onFocus={(id) => focus(id, "card")} />
          </ArchiveProvider>
          <section aria-label="Suggestions">
            <h2 className="mb-1 text-sm font-semibold">Suggestions <span className="text-slate-500">{openSuggestions.length}</span></h2>
            <Suggestions suggestions={openSuggestions} language={article.language} readOnly={readOnly} onAccept={acceptSuggestion} onDismiss={dismiss} onShow={showSuggestion} />
          </section>
        </aside>
      </div>
    </main>
    </DocAuthorsContext.Provider>
  );
}
