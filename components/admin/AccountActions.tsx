"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormSubmit } from "../useFormSubmit";
import { OneTimeLink } from "./OneTimeLink";

/** One person's account controls on the People page: status, deactivate/reactivate, reset link. */
export function AccountActions({ userId, name, active, own }: { userId: string; name: string; active: boolean; own: boolean }) {
  const t = useTranslations("peopleAdmin");
  const router = useRouter();
  const { busy, error, send } = useFormSubmit();
  const [resetLink, setResetLink] = useState<string | null>(null);

  async function setActive(next: boolean) {
    if (!next && !window.confirm(t("deactivateConfirm", { name }))) return;
    if (await send(`/api/users/${encodeURIComponent(userId)}/active`, { method: "PUT", json: { active: next } })) router.refresh();
  }

  async function reset() {
    setResetLink(null);
    const reset = await send<{ link: string }>(`/api/users/${encodeURIComponent(userId)}/password-reset`);
    if (reset) setResetLink(reset.link);
  }

  if (own) return <span className="text-xs text-slate-600">{t("ownAccount")}</span>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <button type="button" disabled={busy} onClick={() => void setActive(!active)} className={`underline disabled:opacity-50 ${active ? "text-red-700" : "text-slate-900"}`} data-testid={active ? "deactivate" : "reactivate"}>
          {active ? t("deactivate") : t("reactivate")}
        </button>
        {active && <button type="button" disabled={busy} onClick={() => void reset()} className="underline disabled:opacity-50" data-testid="reset-link">{t("resetLink")}</button>}
      </div>
      {resetLink && <OneTimeLink heading={t("resetReady", { name })} link={resetLink} onDismiss={() => setResetLink(null)} />}
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
