"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "@/lib/accounts";
import { readError, useErrorMessage } from "./useErrorMessage";

/** The server's reason for an unusable link -> the state this page words itself. */
const LINK_STATE_OF_REASON: Record<string, "unknown" | "expired" | "used" | "revoked"> = { linkUnknown: "unknown", linkExpired: "expired", linkUsed: "used", linkRevoked: "revoked" };

/**
 * The form behind an invitation link (name + password; the account is created, then the person
 * is signed in) or a reset link (new password; then to sign-in). The password rule is checked
 * here to explain it early; the server enforces the same rule (lib/accounts.ts).
 */
export function AccountLinkForm({ kind, token, email }: { kind: "invitation" | "password_reset"; token: string; email: string }) {
  const t = useTranslations("accountLink");
  const ta = useTranslations("account");
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    setError(null);
    if (password.length < PASSWORD_MIN_LENGTH) return setError(ta("tooShort", { min: PASSWORD_MIN_LENGTH }));
    if (password !== String(form.get("confirm") ?? "")) return setError(ta("mismatch"));
    setBusy(true);
    const body = kind === "invitation" ? { token, name: String(form.get("name") ?? ""), password } : { token, password };
    const url = kind === "invitation" ? "/api/invitations/accept" : "/api/password-resets/accept";
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).catch(() => null);
    if (!res?.ok) {
      setBusy(false);
      if (!res) return setError(errorMessage({ code: "network" }));
      const failure = await readError(res);
      const state = (failure.reason && Object.hasOwn(LINK_STATE_OF_REASON, failure.reason) ? LINK_STATE_OF_REASON[failure.reason] : null) ?? (res.status === 429 ? "throttled" : null);
      return setError(state ? t(`state.${state}`) : errorMessage(failure, res.status));
    }
    setDone(true);
    if (kind === "invitation") {
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl: "/" });
      if (result && !result.error) return router.replace("/");
      setBusy(false);
    }
  }

  if (done && kind === "password_reset") {
    return (
      <div className="mt-6 space-y-3" role="status">
        <p>{t("resetDone")}</p>
        <Link href="/signin" className="inline-block rounded-md bg-slate-900 px-4 py-2 font-medium text-white">{t("signIn")}</Link>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="mt-6 space-y-4" data-testid="account-link-form">
      <label className="block">
        <span className="text-sm font-medium">{t("email")}</span>
        <input value={email} readOnly dir="ltr" autoComplete="username" name="email" className="mt-1 w-full rounded-md border border-slate-200 bg-slate-50 px-3 py-2" />
      </label>
      {kind === "invitation" && (
        <label className="block">
          <span className="text-sm font-medium">{t("name")}</span>
          <input name="name" required maxLength={100} dir="auto" autoComplete="name" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" data-testid="invitee-name" />
        </label>
      )}
      <label className="block">
        <span className="text-sm font-medium">{t("password")}</span>
        <input name="password" type="password" required minLength={PASSWORD_MIN_LENGTH} maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" dir="ltr" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" data-testid="new-password" />
        <span className="mt-1 block text-xs text-slate-600">{ta("passwordRule", { min: PASSWORD_MIN_LENGTH })}</span>
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("confirmPassword")}</span>
        <input name="confirm" type="password" required maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" dir="ltr" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" data-testid="confirm-password" />
      </label>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {done && kind === "invitation" && <p role="status" className="text-sm text-green-800">{t("created")}</p>}
      <button type="submit" disabled={busy} className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {kind === "invitation" ? (busy ? t("creating") : t("create")) : t("resetSubmit")}
      </button>
    </form>
  );
}
