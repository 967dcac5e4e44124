"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** A link shown once (invitation or reset): selectable, with a copy button and a way to dismiss it. */
export function OneTimeLink({ heading, link, onDismiss }: { heading: string; link: string; onDismiss: () => void }) {
  const t = useTranslations("peopleAdmin");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the text stays selectable
    }
  }
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <p>{heading}</p>
      <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono" dir="ltr" data-testid="one-time-link">{link}</code>
      <div className="mt-2 flex gap-3">
        <button type="button" onClick={() => void copy()} className="rounded bg-slate-900 px-3 py-1 text-white">{copied ? t("copied") : t("copy")}</button>
        <button type="button" onClick={onDismiss} className="rounded border border-slate-300 bg-white px-3 py-1">{t("dismiss")}</button>
      </div>
    </div>
  );
}
