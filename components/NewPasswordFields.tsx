"use client";
import { useTranslations } from "next-intl";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/accounts";

const INPUT = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/**
 * A new password and its confirmation (invitation, reset link, own account), with the rule's
 * hint. The length comes from lib/accounts.ts, the constant the server's `ZNewPassword`
 * enforces; the form explains the rule early, the server decides.
 */
export function NewPasswordFields({ name, label, confirmLabel }: { name: string; label: string; confirmLabel: string }) {
  const t = useTranslations("account");
  return (
    <>
      <label className="block">
        <span className="text-sm font-medium">{label}</span>
        <input name={name} type="password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" dir="ltr" className={INPUT} data-testid="new-password" />
        <span className="mt-1 block text-xs text-slate-600">{t("passwordRule", { min: PASSWORD_MIN_LENGTH })}</span>
      </label>
      <label className="block">
        <span className="text-sm font-medium">{confirmLabel}</span>
        <input name="confirm" type="password" required maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" dir="ltr" className={INPUT} data-testid="confirm-password" />
      </label>
    </>
  );
}

/** The form's own check of NewPasswordFields before a round trip: the sentence, or null when it may be sent. */
export function useNewPasswordCheck(): (form: FormData, name: string) => string | null {
  const t = useTranslations("account");
  return (form, name) => {
    const password = String(form.get(name) ?? "");
    if (password.length < PASSWORD_MIN_LENGTH) return t("tooShort", { min: PASSWORD_MIN_LENGTH });
    if (password !== String(form.get("confirm") ?? "")) return t("mismatch");
    return null;
  };
}
