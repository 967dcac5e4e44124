"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";

const labels = {
  failed: "Sign-in failed. Check your email and password.",
  throttled: "Too many failed attempts from here. Wait a few minutes, then try again.",
};
/** next-auth's error code when the server delays attempts (server/auth/options.ts THROTTLED_ERROR). */
const THROTTLED = "Throttled";

export function SignInForm({ callbackUrl, error, oauth = [] }: { callbackUrl: string; error?: string; oauth?: Array<{ id: string; name: string }> }) {
  const [message, setMessage] = useState<string | null>(error ? (error === THROTTLED ? labels.throttled : labels.failed) : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setMessage(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
      callbackUrl,
    });
    setBusy(false);
    if (!result || result.error) {
      setMessage(result?.error === THROTTLED ? labels.throttled : labels.failed);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <>
    {oauth.length > 0 && (
      <div className="mt-8 space-y-2">
        {oauth.map((p) => (
          <button key={p.id} type="button" onClick={() => void signIn(p.id, { callbackUrl })} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50">
            Continue with {p.name}
          </button>
        ))}
        <p className="text-center text-xs text-slate-500">or with your email and password</p>
      </div>
    )}
    <form onSubmit={onSubmit} className="mt-8 space-y-4" aria-label="Sign in">
      <label className="block">
        <span className="text-sm font-medium">Email</span>
        <input name="email" type="email" required autoComplete="username" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Password</span>
        <input name="password" type="password" required autoComplete="current-password" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      {message && <p role="alert" data-testid="signin-error" className="text-sm text-red-700">{message}</p>}
      <button type="submit" disabled={busy} className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
    </>
  );
}
