"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { NewPasswordFields, useNewPasswordCheck } from "./NewPasswordFields";
import { useFormSubmit } from "./useFormSubmit";

/** Change one's own password (current one required); other sessions end, this one continues. */
export function ChangePasswordForm() {
  const t = useTranslations("account");
  const checkNewPassword = useNewPasswordCheck();
  const { busy, error, setError, send } = useFormSubmit();
  const [done, setDone] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setDone(false);
    const problem = checkNewPassword(form, "newPassword");
    if (problem) return setError(problem);
    const changed = await send("/api/account/password", {
      json: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") },
      word: (failure) => (failure.reason === "wrongCurrentPassword" ? t("wrongCurrent") : null),
    });
    if (!changed) return;
    formEl.reset();
    setDone(true);
  }

  return (
    <form onSubmit={submit} className="mt-4 max-w-md space-y-4" data-testid="change-password-form">
      <label className="block"><span className="text-sm font-medium">{t("currentPassword")}</span>
        <input name="currentPassword" type="password" required maxLength={1024} autoComplete="current-password" dir="ltr" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" data-testid="current-password" />
      </label>
      <NewPasswordFields name="newPassword" label={t("newPassword")} confirmLabel={t("confirmPassword")} />
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {done && <p role="status" className="text-sm text-green-800" data-testid="password-changed">{t("changed")}</p>}
      <button type="submit" disabled={busy} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">{busy ? t("saving") : t("save")}</button>
    </form>
  );
}
