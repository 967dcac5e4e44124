"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";


/**
 * The claim's statement: edited locally and written to the shared document when the field
 * loses focus (or on Enter), so a colleague's edit is not overwritten keystroke by keystroke.
 * A remote change shows up as soon as this field is not being edited.
 */
export function StatementEditor({ statement, language, readOnly, onCommit }: {
  statement: string;
  language: string;
  readOnly: boolean;
  onCommit: (statement: string) => string | null;
}) {
  // null while not editing: the field then shows the shared value, remote changes included
  const t = useTranslations("statement");
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editing = draft !== null;
  const commit = () => {
    if (draft !== null && draft.replace(/\s+/gu, " ").trim() !== statement) setError(onCommit(draft));
    setDraft(null);
  };
  return (
    <label className="block text-xs">
      <span className="font-medium text-slate-700">{t("label")}</span>
      <span className="block text-[11px] text-slate-500">{t("hint")}</span>
      <textarea
        data-testid="statement"
        rows={2}
        dir="auto"
        lang={language}
        readOnly={readOnly}
        value={draft ?? statement}
        placeholder={t("placeholder")}
        onFocus={() => setDraft(statement)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            (e.target as HTMLTextAreaElement).blur();
          }
        }}
        className={`mt-0.5 w-full rounded border p-1.5 text-sm ${statement.trim() ? "border-slate-300" : "border-amber-400 bg-amber-50"}`}
      />
      {!statement.trim() && !editing && <span className="text-[11px] text-amber-800" data-testid="statement-missing">{t("missing")}</span>}
      {error && <span role="alert" className="block text-[11px] text-red-700">{error}</span>}
    </label>
  );
}
