"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { CLAIM_TYPES, CLAIM_TYPE_META, type ClaimType } from "@/lib/claim-types";
import type { Language } from "@/lib/i18n/locale";

interface Props {
  position: { top: number; left: number } | null;
  uiLanguage: Language;
  onPick: (type: ClaimType) => void;
  onClose: () => void;
}

/**
 * The claim type whose shortcut is this physical key. `KeyboardEvent.code` names the key's
 * position on a US layout ("KeyM"), so the same key works on an Arabic layout, where
 * `event.key` would be "ة".
 */
export function typeForKey(e: Pick<KeyboardEvent, "code" | "key">): ClaimType | undefined {
  return CLAIM_TYPES.find((t) => e.code === `Key${CLAIM_TYPE_META[t].key.toUpperCase()}`)
    ?? CLAIM_TYPES.find((t) => CLAIM_TYPE_META[t].key === e.key?.toLowerCase());
}

/**
 * Shown over a text selection in the article: one button per claim type, each with its
 * keyboard shortcut (the key, pressed while the toolbar is open).
 */
export function SelectionToolbar({ position, uiLanguage, onPick, onClose }: Props) {
  const t = useTranslations("toolbar");
  useEffect(() => {
    if (!position) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable)) return;
      if (e.key === "Escape") return onClose();
      const type = typeForKey(e);
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
      aria-label={t("label")}
      data-testid="selection-toolbar"
      className="absolute z-30 flex max-w-[min(34rem,calc(100%-1rem))] flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
      style={{ top: position.top, left: position.left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {CLAIM_TYPES.map((type) => {
        const meta = CLAIM_TYPE_META[type];
        return (
          <button key={type} type="button" onClick={() => onPick(type)} data-claim-type={type}
            className="flex items-center gap-1 rounded px-2 py-1 text-xs hover:bg-slate-100" title={t("typeWithKey", { type: meta[uiLanguage], key: meta.key.toUpperCase() })}>
            <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: meta.colour }} />
            <span>{meta[uiLanguage]}</span>
            <kbd dir="ltr" className="rounded border border-slate-300 px-1 font-mono text-[10px] text-slate-600">{meta.key.toUpperCase()}</kbd>
          </button>
        );
      })}
    </div>
  );
}
