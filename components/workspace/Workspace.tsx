"use client";
import { useLocale, useTranslations } from "next-intl";
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
import { directionOf, formatIsoDate, languageOf } from "@/lib/i18n/locale";
import { isAppError } from "@/lib/errors";
import { errorBodyOf, wordError, type ErrorTranslator } from "@/lib/i18n/errors";
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
import { useKeyboardSelection } from "./useKeyboardSelection";
import type { TeamMember, WorkspaceArticle } from "./types";

/** Keep only the keys a type's schema knows, so a detector's extras never reach the document. */
function schemaFields(type: ClaimType, fields: Record<string, unknown>): Record<string, unknown> {
  const shape = (CLAIM_FIELD_SCHEMAS[type] as unknown as { shape: Record<string, unknown> }).shape;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => k in shape));
}

/** Below Tailwind's lg breakpoint the workspace is one column with Article | Claims tabs. */
function useWide(): boolean {
  const [wide, setWide] = useState(true);
  useEffect(() => {
    const mq = window.matchMedia("(min-width: 1024px)");
    const update = () => setWide(mq.matches);
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, []);
  return wide;
}

export function Workspace({ article, actor, team, initialClaimId = null }: { article: WorkspaceArticle; actor: Actor; team: TeamMember[]; initialClaimId?: string | null }) {
  const t = useTranslations("workspace");
  const te = useTranslations("errors");
  const locale = useLocale();
  const uiLanguage = languageOf(locale);
  const wide = useWide();
  const [tab, setTab] = useState<"article" | "claims">(initialClaimId ? "claims" : "article");
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
    if (readOnly) return te("viewerReadOnly");
    try {
      fn();
      return null;
    } catch (e) {
      // The document layer's reason, worded in the interface language (its English message only in English).
      if (!isAppError(e)) return te("refused");
      const why = wordError(te as unknown as ErrorTranslator, locale, errorBodyOf(e));
      return `${te("refused")} ${why}`;
    }
  }, [readOnly, te, locale]);

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
  // From the text (a highlight, a new claim, a queue link) the card is scrolled to and takes
  // the keyboard focus. From a card, the article scrolls to the highlight — only when the
  // article is beside the cards: on a phone it is another tab, and scrolling would move the
  // tapped card away.
  const focus = useCallback((id: string, from: "text" | "card") => {
    setFocusedId(id);
    if (from === "text" && !wide) setTab("claims");
    // A new claim's card appears a frame or two later (useClaims batches per frame): wait for it.
    let frames = 0;
    const settle = () => {
      if (from === "text") {
        const card = document.getElementById(`claim-${id}`);
        if (!card) { if (++frames < 60) requestAnimationFrame(settle); return; }
        card.scrollIntoView({ block: "nearest" });
        if (!card.contains(document.activeElement)) card.focus({ preventScroll: true });
      } else if (wide) {
        stageRef.current?.querySelector(`[data-claim-ids~="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    };
    requestAnimationFrame(() => requestAnimationFrame(settle));
  }, [wide]);
  useEffect(() => { provider?.awareness.setLocalStateField("focusedClaim", focusedId); }, [provider, focusedId]);

  // Selection -> toolbar and awareness (others see my selection in my colour).
  const onSelectionEnd = useCallback(() => {
    const stage = stageRef.current;
    const articleEl = stage?.querySelector<HTMLElement>("[data-testid=article-body]");
    if (!stage || !articleEl) return;
    const offsets = selectionOffsets(articleEl);
    provider?.awareness.setLocalStateField("selection", offsets);
    if (!offsets || readOnly) return setToolbar(null);
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    const box = stage.getBoundingClientRect();
    const left = Math.max(0, Math.min(rect.left - box.left, box.width - Math.min(540, box.width)));
    // The stage scrolls: absolute positions count from its content, not from its visible top.
    setToolbar({ top: rect.bottom - box.top + stage.scrollTop + 6, left: left + stage.scrollLeft, ...offsets });
  }, [provider, readOnly]);

  // Touch selection raises no mouseup: follow the selection itself (settled for 250 ms). When
  // the selection is gone (a click elsewhere, a tap on a card) the toolbar goes too: left open
  // it covered the article and its letter keys would tag text that is no longer selected.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const sel = window.getSelection();
        const body = stageRef.current?.querySelector("[data-testid=article-body]");
        if (sel && !sel.isCollapsed && body && sel.anchorNode && body.contains(sel.anchorNode)) onSelectionEnd();
        else setToolbar(null);
      }, 250);
    };
    document.addEventListener("selectionchange", onChange);
    return () => { clearTimeout(timer); document.removeEventListener("selectionchange", onChange); };
  }, [onSelectionEnd]);
  const onArticleKeyDown = useKeyboardSelection({ body: article.body, language: article.language, direction: article.direction, onSelection: onSelectionEnd });

  const pick = useCallback((type: ClaimType) => {
    if (!toolbar) return;
    let id: string | null = null;
    const err = run(() => { id = addClaim(doc, article.body, { type, start: toolbar.start, end: toolbar.end }, docActor, origin); });
    setToolbar(null);
    window.getSelection()?.removeAllRanges();
    provider?.awareness.setLocalStateField("selection", null);
    setNotice(err);
    if (id) focus(id, "text");
  }, [toolbar, run, doc, article.body, docActor, origin, provider, focus]);

  // Undo/redo of my own changes only.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || readOnly) return;
      // Physical keys (code), so Ctrl+Z works on an Arabic layout too.
      const k = e.code === "KeyZ" ? "z" : e.code === "KeyY" ? "y" : e.key.toLowerCase();
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
    return { id, start, end, kind: "claim" as const, colour: meta.colour, cue: meta.cue, label: meta[uiLanguage] };
  }), [geometryKey, uiLanguage]);
  const marks: Mark[] = useMemo(() => {
    const out: Mark[] = [...claimMarks];
    for (const s of openSuggestions) out.push({ id: s.key, start: s.start, end: s.end, kind: "suggestion", colour: "#94a3b8", label: t("suggestionMark", { type: CLAIM_TYPE_META[s.type][uiLanguage] }) });
    for (const p of collab.peers) {
      if (!p.isSelf && p.selection) out.push({ id: `peer:${p.clientId}`, start: p.selection.start, end: p.selection.end, kind: "peer", colour: p.colour, label: t("peerSelecting", { name: p.name }) });
    }
    return out;
  }, [claimMarks, openSuggestions, collab.peers, t, uiLanguage]);

  const onMarkClick = useCallback((id: string) => {
    if (id.includes(":")) showSuggestion(id);
    else focus(id, "text");
  }, [focus, showSuggestion]);

  // A review-queue or search link (?claim=<id>) opens with that claim focused and in view, once it exists.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !initialClaimId || !claims.some((c) => c.id === initialClaimId)) return;
    opened.current = true;
    focus(initialClaimId, "text");
  }, [initialClaimId, claims, focus]);

  const FATAL_KEY = {
    session_ended: "collabUnauthenticated", forbidden: "collabForbidden", not_found: "collabNotFound", role_changed: "collabRoleChanged",
    client_id_taken: "collabClientIdTaken", mass_deletion: "collabMassDeletion", document_too_large: "collabDocumentTooLarge",
    awareness_too_large: "collabAwarenessTooLarge", refused: "collabRefused",
  } as const;
  const fatalKey = collab.fatal ? FATAL_KEY[collab.fatal] : "collabRefused";
  const tabClass = (on: boolean) => `flex-1 rounded-md px-3 py-1.5 text-sm font-medium ${on ? "bg-slate-900 text-white" : "text-slate-800"}`;
  return (
    <DocAuthorsContext.Provider value={authorOf}>
    <main dir={directionOf(uiLanguage)} className="mx-auto w-full max-w-7xl px-4 py-5 lg:flex lg:min-h-0 lg:flex-1 lg:flex-col" data-testid="workspace" data-ready={collab.ready ? "true" : "false"}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold" lang={article.language} dir={article.direction}>{article.title}</h1>
          <p className="text-sm text-slate-600" data-testid="article-meta">
            {article.outlet && <bdi lang={article.language}>{article.outlet}</bdi>}
            {article.outlet && article.author && " · "}
            {article.author && <bdi lang={article.language}>{article.author}</bdi>}
            {(article.outlet || article.author) && article.publishedAt && " · "}
            {article.publishedAt && <bdi><time dateTime={article.publishedAt}>{formatIsoDate(article.publishedAt, locale)}</time></bdi>}
            {article.sourceUrl && <> · <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-800 underline">{t("original")}</a></>}
            {article.pageCaptureId && <> · <a href={`/articles/${article.id}/archive/${article.pageCaptureId}`} target="_blank" rel="noopener" className="text-blue-800 underline" data-testid="page-capture-link">{t("pageAsFetched")}</a></>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PresenceBar peers={collab.peers} connection={collab.connection} />
          {!readOnly && (
            <span className="flex gap-1">
              <button type="button" onClick={() => undoManager.undo()} className="rounded border border-slate-300 px-2 py-0.5 text-xs" title={t("undoTitle")}>{t("undo")}</button>
              <button type="button" onClick={() => undoManager.redo()} className="rounded border border-slate-300 px-2 py-0.5 text-xs" title={t("redoTitle")}>{t("redo")}</button>
            </span>
          )}
          <a href={`/api/articles/${article.id}/export?format=json`} download className="tap-target rounded border border-slate-300 px-2 py-0.5 text-xs" data-testid="export-json">{t("exportJson")}</a>
          <a href={`/api/articles/${article.id}/export?format=csv`} download className="tap-target rounded border border-slate-300 px-2 py-0.5 text-xs" data-testid="export-csv">{t("exportCsv")}</a>
          <a href={`/articles/${article.id}/history`} className="tap-target rounded border border-slate-300 px-2 py-0.5 text-xs">{t("history")}</a>
        </div>
      </div>
      {collab.fatal && <p role="alert" className="mt-3 rounded bg-red-50 p-3 text-red-800">{te(fatalKey)}</p>}
      {readOnly && <p className="mt-3 rounded bg-slate-100 p-2 text-sm text-slate-700" data-testid="viewer-notice">{t("viewerNotice")}</p>}
      {notice && (
        <p role="alert" className="mt-3 flex items-start gap-2 rounded bg-amber-50 p-2 text-sm text-amber-900">
          <span className="flex-1" dir="auto">{notice}</span>
          <button type="button" onClick={() => setNotice(null)} className="text-xs underline">{t("dismissNotice")}</button>
        </p>
      )}
      {!wide && (
        <div role="tablist" aria-label={t("tabs")} className="mt-3 flex gap-1 rounded-lg bg-slate-100 p-1" data-testid="workspace-tabs">
          <button type="button" role="tab" id="tab-article" aria-controls="panel-article" aria-selected={tab === "article"} className={tabClass(tab === "article")} onClick={() => setTab("article")}>{t("tabArticle")}</button>
          <button type="button" role="tab" id="tab-claims" aria-controls="panel-claims" aria-selected={tab === "claims"} className={tabClass(tab === "claims")} onClick={() => setTab("claims")}>
            {t("tabClaims")} <span className="opacity-80">{claims.length}</span>
          </button>
        </div>
      )}
      {/* Two columns that scroll on their own: focusing a card scrolls the article, never the card away from the pointer.
          Both are positioned, so absolutely placed descendants (sr-only labels) are clipped with them and never lengthen the page. */}
      <div className="mt-4 grid min-w-0 gap-5 lg:min-h-0 lg:flex-1 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div ref={stageRef} id="panel-article" role={wide ? undefined : "tabpanel"} aria-labelledby={wide ? undefined : "tab-article"} hidden={!wide && tab !== "article"}
          data-testid="article-stage" className="relative min-w-0 rounded-lg bg-white p-4 shadow-sm sm:p-6 lg:overflow-y-auto" onMouseUp={onSelectionEnd} onKeyUp={(e) => { if (e.shiftKey) onSelectionEnd(); }}>
          <ArticleBody body={article.body} blocks={article.blocks} language={article.language} direction={article.direction} marks={marks} focusedId={focusedId} onMarkClick={onMarkClick}
            onKeyDown={onArticleKeyDown} keyboardLabel={readOnly ? t("articleLabelReadOnly") : t("articleLabel")} />
          <SelectionToolbar position={toolbar} uiLanguage={uiLanguage} onPick={pick} onClose={() => setToolbar(null)} />
        </div>
        <aside id="panel-claims" role={wide ? undefined : "tabpanel"} aria-labelledby={wide ? undefined : "tab-claims"} hidden={!wide && tab !== "claims"}
          className="relative min-w-0 space-y-5 lg:overflow-y-auto lg:pe-1">
          <PublicationPanel articleId={article.id} actor={actor} refreshKey={`${JSON.stringify(collab.decisions)}|${claims.map((c) => `${c.id}:${c.status}:${c.updatedAt}`).join(",")}`} />
          <ArchiveProvider articleId={article.id}>
            <ClaimsPanel articleId={article.id} claims={claims} doc={doc} origin={origin} actor={actor} team={team} language={article.language} uiLanguage={uiLanguage} readOnly={readOnly}
              focusedId={focusedId} peers={collab.peers} decisions={decisions} actions={actions} onFocus={(id) => focus(id, "card")} />
          </ArchiveProvider>
          <section aria-labelledby="suggestions-heading">
            <h2 id="suggestions-heading" className="mb-1 text-sm font-semibold">{t("suggestions")} <span className="text-slate-600">{openSuggestions.length}</span></h2>
            <Suggestions suggestions={openSuggestions} language={article.language} uiLanguage={uiLanguage} readOnly={readOnly} onAccept={acceptSuggestion} onDismiss={dismiss} onShow={showSuggestion} />
          </section>
        </aside>
      </div>
    </main>
    </DocAuthorsContext.Provider>
  );
}
