"use client";
import { CLAIM_TYPE_META } from "@/lib/claim-types";
import type { Detection } from "@/lib/detect";

/** Check-worthy spans found by the detectors; accept makes a claim with its fields filled. */
export function Suggestions({ suggestions, language, readOnly, onAccept, onDismiss, onShow }: {
  suggestions: Array<Detection & { key: string }>;
  language: string;
  readOnly: boolean;
  onAccept: (key: string) => void;
  onDismiss: (key: string) => void;
  onShow: (key: string) => void;
}) {
  if (suggestions.length === 0) return <p className="text-xs text-slate-500">No open suggestions.</p>;
  return (
    <ul className="space-y-1" data-testid="suggestions">
      {suggestions.map((s) => {
        const meta = CLAIM_TYPE_META[s.type];
        return (
          <li key={s.key} data-testid="suggestion" data-suggestion-key={s.key} className="flex items-start gap-2 rounded border border-dashed border-slate-300 bg-white p-1.5 text-xs">
            <button type="button" className="min-w-0 flex-1 text-start" onClick={() => onShow(s.key)}>
              <span className="me-1 font-semibold" style={{ color: meta.colour }}>{language === "ar" ? meta.ar : meta.en}</span>
              <span dir="auto" lang={language} className="line-clamp-2">{s.text}</span>
            </button>
            {!readOnly && (
              <span className="flex shrink-0 gap-1">
                <button type="button" data-testid="accept-suggestion" title="Accept (creates the claim)" onClick={() => onAccept(s.key)} className="rounded bg-emerald-700 px-1.5 py-0.5 text-white">Accept</button>
                <button type="button" data-testid="dismiss-suggestion" title="Dismiss for the whole team" onClick={() => onDismiss(s.key)} className="rounded border border-slate-300 px-1.5 py-0.5">Dismiss</button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
