"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";

/** User-visible strings of this component, in one place for the i18n move. */
const labels = {
  name: "Name", scopes: "Access", read: "Read only", readWrite: "Read and write", create: "Create token",
  shownOnce: "Copy this token now: it is shown only once and Sanad keeps only its fingerprint.",
  prefix: "Token", created: "Created", lastUsed: "Last used", never: "never", revoked: "revoked", revoke: "Revoke",
  confirmRevoke: "Revoke this token? Scripts using it stop working at once.", none: "No tokens yet.", failed: "Failed",
};

export interface TokenRow { id: string; name: string; prefix: string; scopes: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

async function errorOf(res: Response): Promise<string> {
  return ((await res.json().catch(() => ({}))) as { error?: string }).error ?? `${labels.failed} (${res.status})`;
}

/** Create and revoke personal API tokens; the new secret is shown once. */
export function ApiTokens({ tokens, canWrite }: { tokens: TokenRow[]; canWrite: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState("read");
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true); setError(null); setSecret(null);
    const res = await fetch("/api/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, scopes }) });
    setBusy(false);
    if (!res.ok) return setError(await errorOf(res));
    setSecret(((await res.json()) as { token: string }).token);
    setName("");
    router.refresh();
  }

  async function revoke(id: string) {
    if (!window.confirm(labels.confirmRevoke)) return;
    setError(null);
    const res = await fetch(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!res.ok) return setError(await errorOf(res));
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <label className="flex flex-col text-sm">{labels.name}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} dir="auto" className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="token-name" />
        </label>
        <label className="flex flex-col text-sm">{labels.scopes}
          <select value={scopes} onChange={(e) => setScopes(e.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="token-scopes">
            <option value="read">{labels.read}</option>
            {canWrite && <option value="read write">{labels.readWrite}</option>}
          </select>
        </label>
        <button disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">{labels.create}</button>
      </form>
      {secret && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <p>{labels.shownOnce}</p>
          <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono" dir="ltr" data-testid="token-secret">{secret}</code>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {tokens.length === 0 ? <p className="text-sm text-slate-600">{labels.none}</p> : (
        <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="token-list">
          <thead className="bg-slate-100 text-slate-600"><tr>
            <th className="p-3 text-start">{labels.name}</th><th className="p-3 text-start">{labels.prefix}</th><th className="p-3 text-start">{labels.scopes}</th>
            <th className="p-3 text-start">{labels.created}</th><th className="p-3 text-start">{labels.lastUsed}</th><th className="p-3" />
          </tr></thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className={`border-t border-slate-100 ${t.revokedAt ? "text-slate-400" : ""}`}>
                <td className="p-3"><bdi>{t.name}</bdi></td>
                <td className="p-3 font-mono" dir="ltr">{t.prefix}…</td>
                <td className="p-3">{t.scopes === "read" ? labels.read : labels.readWrite}</td>
                <td className="p-3">{t.createdAt.slice(0, 10)}</td>
                <td className="p-3">{t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace("T", " ") : labels.never}</td>
                <td className="p-3 text-end">{t.revokedAt ? labels.revoked : <button onClick={() => void revoke(t.id)} className="text-red-700 underline">{labels.revoke}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
