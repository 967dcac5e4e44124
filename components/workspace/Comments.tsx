"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import type { CommentView } from "@/lib/claim-model";
import type { TeamMember } from "./types";
import { MentionList, MentionText, useMentions } from "./useMentions";

/** Discussion on a claim. Everyone may add; only the author edits or deletes their own. */
export function Comments({ comments, actorId, readOnly, authorOf, team, onAdd, onEdit, onDelete }: {
  comments: CommentView[];
  /** People who can be @mentioned (autocomplete). */
  team: TeamMember[];
  actorId: string;
  /** The server-vouched author of a comment; the name written in the document is only a fallback, marked unverified. */
  authorOf: (commentId: string) => { id: string; name: string | null } | undefined;
  readOnly: boolean;
  onAdd: (text: string) => string | null;
  onEdit: (id: string, text: string) => string | null;
  onDelete: (id: string) => void;
}) {
  const t = useTranslations("comments");
  const tp = useTranslations("people");
  const format = useFormatter();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => new Map(team.map((m) => [m.id, m.name])), [team]);
  const addRef = useRef<HTMLInputElement | null>(null);
  const addMentions = useMentions(addRef, team, readOnly);
  const hintId = useId();
  return (
    <div data-testid="comments">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{t("heading", { count: comments.length })}</h4>
      <ul className="mt-1 space-y-1">
        {comments.map((c) => { const author = authorOf(c.id); return (
          <li key={c.id} className="rounded bg-slate-50 p-1.5 text-xs">
            <div className="text-slate-600"><bdi className="font-medium text-slate-800" data-testid="comment-author">{author ? author.name ?? tp("unnamed") : t("unverifiedAuthor", { name: c.authorName })}</bdi> · <time dateTime={c.createdAt}>{format.dateTime(new Date(c.createdAt), { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })}</time>{c.editedAt && <> · {t("edited")}</>}</div>
            {editing === c.id ? (
              <form onSubmit={(e) => { e.preventDefault(); const t = String(new FormData(e.currentTarget).get("text") ?? ""); const err = onEdit(c.id, t); setError(err); if (!err) setEditing(null); }}>
                <EditField text={c.text} team={team} label={t("editLabel")} />
                <button type="submit" className="me-2 text-blue-800">{t("save")}</button><button type="button" onClick={() => setEditing(null)}>{t("cancel")}</button>
              </form>
            ) : (
              <p className="whitespace-pre-wrap" dir="auto" data-testid="comment-text"><MentionText text={c.text} names={names} /></p>
            )}
            {!readOnly && (author?.id ?? c.authorId) === actorId && editing !== c.id && (
              <div className="flex gap-2"><button type="button" className="text-blue-800" onClick={() => setEditing(c.id)}>{t("edit")}</button><button type="button" className="text-red-700" onClick={() => onDelete(c.id)}>{t("delete")}</button></div>
            )}
          </li>
        ); })}
      </ul>
      {!readOnly && (
        <form className="mt-1" onSubmit={(e) => { e.preventDefault(); const form = e.currentTarget; const t = String(new FormData(form).get("text") ?? ""); const err = onAdd(t); setError(err); if (!err) form.reset(); }}>
          <div className="flex gap-1">
            <input ref={addRef} name="text" placeholder={t("add")} aria-label={t("add")} aria-describedby={hintId} dir="auto" autoComplete="off" data-testid="comment-input" className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-1 text-xs" />
            <button type="submit" className="rounded bg-slate-200 px-2 text-xs">{t("post")}</button>
          </div>
          <span id={hintId} className="sr-only">{t("mentionHint")}</span>
          <MentionList state={addMentions} />
        </form>
      )}
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}

/** Editing one's comment, with the same @mention autocomplete. */
function EditField({ text, team, label }: { text: string; team: TeamMember[]; label: string }) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  const mentions = useMentions(ref, team);
  return (
    <>
      <textarea ref={ref} name="text" defaultValue={text} rows={2} dir="auto" className="w-full rounded border border-slate-300 p-1" aria-label={label} />
      <MentionList state={mentions} />
    </>
  );
}
