"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AccountTokenKind } from "@/lib/accounts";
import type { ApiErrorBody } from "@/lib/i18n/errors";
import { NewPasswordFields, useNewPasswordCheck } from "./NewPasswordFields";
import { useFormSubmit } from "./useFormSubmit";

/** The server's reason for an unusable link -> the state this page words itself. */
const LINK_STATE_OF_REASON: Record<string, "unknown" | "expired" | "used" | "revoked"> = { linkUnknown: "unknown", linkExpired: "expired", linkUsed: "used", linkRevoked: "revoked" };

/**
 * The form behind an invitation link (name + password; the account is created, then the person
 * is signed in) or a reset link (new password; then to sign-in). The password rule is checked
 * here to explain it early; the server enforces the same rule (lib/accounts.ts).
 */
export function AccountLinkForm({ kind, token, email }: { kind: AccountTokenKind; token: string; email: string }) {
  const t = useTranslations("accountLink");
  const checkNewPassword = useNewPasswordCheck();
  const router = useRouter();
  const { busy, error, setError, send, settle } = useFormSubmit();
  const [done, setDone] = useState(false);

  /** An unusable link is worded as the page words it (expired, used…), not as a bare error. */
  function wordLinkFailure(failure: ApiErrorBody, status: number): string | null {
    const state = (failure.reason && Object.hasOwn(LINK_STATE_OF_REASON, failure.reason) ? LINK_STATE_OF_REASON[failure.reason] : null) ?? (status === 429 ? "throttled" : null);
    return state ? t(`state.${state}`) : null;
  }

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = String(form.get("password") ?? "");
    const problem = checkNewPassword(form, "password");
    if (problem) return setError(problem);
    const [url, json] = kind === "invitation"
      ? ["/api/invitations/accept", { token, name: String(form.get("name") ?? ""), password }]
      : ["/api/password-resets/accept", { token, password }];
    if (!(await send(url, { json, word: wordLinkFailure, stayBusy: true }))) return;
    setDone(true);
    if (kind === "invitation") {
      const result = await signIn("credentials", { email, password, redirect: false, callbackUrl: "/" });
      if (result && !result.error) return router.replace("/");
      settle();
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
      <NewPasswordFields name="password" label={t("password")} confirmLabel={t("confirmPassword")} />
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {done && kind === "invitation" && <p role="status" className="text-sm text-green-800">{t("created")}</p>}
      <button type="submit" disabled={busy} className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {kind === "invitation" ? (busy ? t("creating") : t("create")) : t("resetSubmit")}
      </button>
    </form>
  );
}
