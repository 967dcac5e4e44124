"use client";
import { useEffect } from "react";
import { CLAIM_TYPES, CLAIM_TYPE_META, type ClaimType } from "@/lib/claim-types";

interface Props {
  position: { top: number; left: number } | null;
  language: string;
  onPick: (type: ClaimType) => void;
  onClose: () => void;
}

/**
 * Shown over a text selection in the article: one button per claim type, each with its
 * keyboard shortcut (the letter, typed while the toolbar is open).
 */
export function SelectionToolbar({ position, language, onPick, onClose }: Props) {
  useEffect(() => {
    if (!position) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
      if (e.key === "Escape") return onClose();
      const type = CLAIM_TYPES.find((t) => CLAIM_TYPE_META[t].key === e.key.toLowerCase());
      if (type) {
        e.preventDefault();
        onPick(type);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [position, onPick, onClose]);
  if (!position) return null;
  return (
    <div
      role="toolbar"
      aria-label="Tag the selection as a claim"
      data-testid="selection-toolbar"
      className="absolute z-30 flex max-w-[34rem] flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      style={{ top: position.top, left: position.left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {CLAIM_TYPES.map((type) => {
        const meta = CLAIM_TYPE_META[type];
        return (
          <button key={type} type="button" onClick={() => onPick(type)} data-claim-type={type}
            className="flex items-center gap-1 rounded px-2 py-1 text-xs hover:bg-slate-100" title={`${meta.en} (${meta.key.toUpperCase()})`}>
            <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: meta.colour }} />
            <span>{language === "ar" ? meta.ar : meta.en}</span>
            <kbd className="rounded border border-slate-300 px-1 font-mono text-[10px] text-slate-500">{meta.key.toUpperCase()}</kbd>
          </button>
        );
      })}
    </div>
  );
}
