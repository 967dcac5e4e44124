"use client";
import { useTranslations } from "next-intl";
import { CLAIM_TYPE_META } from "@/lib/claim-types";
import type { Detection } from "@/lib/detect";
import type { Language } from "@/lib/i18n/locale";

/** Check-worthy spans found by the detectors; accept makes a claim with its fields filled. */
export function Suggestions({ suggestions, language, uiLanguage, readOnly, onAccept, onDismiss, onShow }: {
  suggestions: Array<Detection & { key: string }>;
  /** The article's language (the suggested text). */
  language: string;
  uiLanguage: Language;
  readOnly: boolean;
  onAccept: (key: string) => void;
  onDismiss: (key: string) => void;
  onShow: (key: string) => void;
}) {
  const t = useTranslations("suggestions");
  if (suggestions.length === 0) return <p className="text-xs text-slate-600">{t("empty")}</p>;
  return (
    <ul className="space-y-1" data-testid="suggestions">
      {suggestions.map((s) => {
        const meta = CLAIM_TYPE_META[s.type];
        return (
          <li key={s.key} data-testid="suggestion" data-suggestion-key={s.key} className="flex items-start gap-2 rounded border border-dashed border-slate-300 bg-white p-1.5 text-xs">
            <button type="button" className="min-w-0 flex-1 text-start" onClick={() => onShow(s.key)}>
              <span className="me-1 inline-flex items-center gap-1 font-semibold text-slate-800"><span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: meta.colour }} />{meta[uiLanguage]}</span>
              <span dir="auto" lang={language} className="line-clamp-2">{s.text}</span>
            </button>
            {!readOnly && (
              <span className="flex shrink-0 gap-1">
                <button type="button" data-testid="accept-suggestion" title={t("acceptTitle")} onClick={() => onAccept(s.key)} className="rounded bg-emerald-700 px-1.5 py-0.5 text-white">{t("accept")}</button>
                <button type="button" data-testid="dismiss-suggestion" title={t("dismissTitle")} onClick={() => onDismiss(s.key)} className="rounded border border-slate-300 px-1.5 py-0.5">{t("dismiss")}</button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
