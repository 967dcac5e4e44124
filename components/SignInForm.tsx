"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useFormSubmit } from "./useFormSubmit";

/** next-auth's error code when the server delays attempts (server/auth/options.ts THROTTLED_ERROR). */
const THROTTLED = "Throttled";

export function SignInForm({ callbackUrl, error, oauth = [] }: { callbackUrl: string; error?: string; oauth?: Array<{ id: string; name: string }> }) {
  const t = useTranslations("signin");
  const failure = (code: string | null | undefined) => t(code === THROTTLED ? "throttled" : "failed");
  // next-auth's own POST (csrf token, cookie), not one of our JSON routes: only the busy flag and the message are shared
  const { busy, error: message, setError, run } = useFormSubmit({ initialError: error ? failure(error) : null });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const result = await run(() => signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl,
    }));
    if (!result || result.error) return setError(failure(result?.error));
    window.location.assign(callbackUrl);
  }

  return (
    <>
    {oauth.length > 0 && (
      <div className="mt-8 space-y-2">
        {oauth.map((p) => (
          <button key={p.id} type="button" onClick={() => void signIn(p.id, { callbackUrl })} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
            {t("continueWith", { provider: p.name })}
          </button>
        ))}
        <p className="text-center text-xs text-slate-600">{t("orEmail")}</p>
      </div>
    )}
    <form onSubmit={onSubmit} className="mt-8 space-y-4" aria-label={t("formLabel")}>
      <label className="block">
        <span className="text-sm font-medium">{t("email")}</span>
        <input name="email" type="email" required autoComplete="username" dir="ltr" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">{t("password")}</span>
        <input name="password" type="password" required autoComplete="current-password" dir="ltr" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      {message && <p role="alert" data-testid="signin-error" className="text-sm text-red-700">{message}</p>}
      <button type="submit" disabled={busy} className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
    </>
  );
}
