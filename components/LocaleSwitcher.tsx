"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { localeTag, type LocaleChoice } from "@/lib/i18n/locale";

/**
 * Interface language (and, for Arabic, which digits) — saved on the account when signed in,
 * in a cookie otherwise (POST /api/locale), then the page re-renders on the server.
 */
export function LocaleSwitcher({ current }: { current: LocaleChoice }) {
  const t = useTranslations("locale");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState(false);
  async function choose(next: LocaleChoice) {
    setError(false);
    const res = await fetch("/api/locale", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locale: localeTag(next) }) }).catch(() => null);
    if (!res?.ok) return setError(true);
    start(() => router.refresh());
  }
  return (
    <span className="flex items-center gap-1" data-testid="locale-switcher">
      <select aria-label={t("language")} value={current.language} disabled={pending} data-testid="language-select"
        onChange={(e) => void choose({ language: e.target.value as LocaleChoice["language"], numerals: current.numerals })}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm">
        <option value="en" lang="en">{t("english")}</option>
        <option value="ar" lang="ar">{t("arabic")}</option>
      </select>
      {current.language === "ar" && (
        <select aria-label={t("digits")} value={current.numerals} disabled={pending} data-testid="digits-select"
          onChange={(e) => void choose({ language: current.language, numerals: e.target.value as LocaleChoice["numerals"] })}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-sm">
          <option value="latn">{t("digitsLatn")}</option>
          <option value="arab">{t("digitsArab")}</option>
        </select>
      )}
      {error && <span role="alert" className="text-xs text-red-700">{t("failed")}</span>}
    </span>
  );
}
