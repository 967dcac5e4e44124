"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/accounts";
import { readError, useErrorMessage } from "./useErrorMessage";

/** Change one's own password (current one required); other sessions end, this one continues. */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const newPassword = String(form.get("newPassword") ?? "");
    setError(null); setDone(false);
    if (newPassword.length < PASSWORD_MIN_LENGTH) return setError(t("tooShort", { min: PASSWORD_MIN_LENGTH }));
    if (newPassword !== String(form.get("confirm") ?? "")) return setError(t("mismatch"));
    setBusy(true);
    const res = await fetch("/api/account/password", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword }) }).catch(() => null);
    setBusy(false);
    if (!res?.ok) {
      const body = res ? await readError(res) : { code: "network" };
      return setError(body.reason === "wrongCurrentPassword" ? t("wrongCurrent") : errorMessage(body, res?.status));
    }
    formEl.reset();
    setDone(true);
  }

  const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";
  return (
    <form onSubmit={submit} className="mt-4 max-w-md space-y-4" data-testid="change-password-form">
      <label className="block"><span className="text-sm font-medium">{t("currentPassword")}</span>
        <input name="currentPassword" type="password" required maxLength={1024} autoComplete="current-password" dir="ltr" className={input} data-testid="current-password" />
      </label>
      <label className="block"><span className="text-sm font-medium">{t("newPassword")}</span>
        <input name="newPassword" type="password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" dir="ltr" className={input} data-testid="new-password" />
        <span className="mt-1 block text-xs text-slate-600">{t("passwordRule", { min: PASSWORD_MIN_LENGTH })}</span>
      </label>
      <label className="block"><span className="text-sm font-medium">{t("confirmPassword")}</span>
        <input name="confirm" type="password" required maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" dir="ltr" className={input} data-testid="confirm-password" />
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {done && <p role="status" className="text-sm text-green-800" data-testid="password-changed">{t("changed")}</p>}
      <button type="submit" disabled={busy} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">{busy ? t("saving") : t("save")}</button>
    </form>
  );
}
