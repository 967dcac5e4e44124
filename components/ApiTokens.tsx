"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { readError, useErrorMessage } from "./useErrorMessage";


export interface TokenRow { id: string; name: string; prefix: string; scopes: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

/** Create and revoke personal API tokens; the new secret is shown once. */
export function ApiTokens({ tokens, canWrite }: { tokens: TokenRow[]; canWrite: boolean }) {
  const router = useRouter();
  const t = useTranslations("apiTokens");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const errorOf = async (res: Response) => errorMessage(await readError(res), res.status);
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
    if (!window.confirm(t("confirmRevoke"))) return;
    setError(null);
    const res = await fetch(`/api/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
    if (!res.ok) return setError(await errorOf(res));
    router.refresh();
  }

  return (
    <div className="mt-6 space-y-6">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <label className="flex flex-col text-sm">{t("name")}
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} dir="auto" className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="token-name" />
        </label>
        <label className="flex flex-col text-sm">{t("scopes")}
          <select value={scopes} onChange={(e) => setScopes(e.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="token-scopes">
            <option value="read">{t("read")}</option>
            {canWrite && <option value="read write">{t("readWrite")}</option>}
          </select>
        </label>
        <button disabled={busy} className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50">{t("create")}</button>
      </form>
      {secret && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <p>{t("shownOnce")}</p>
          <code className="mt-2 block select-all break-all rounded bg-white p-2 font-mono" dir="ltr" data-testid="token-secret">{secret}</code>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      {tokens.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : (
        <table className="w-full rounded-lg bg-white text-sm shadow-sm" data-testid="token-list">
          <thead className="bg-slate-100 text-slate-600"><tr>
            <th className="p-3 text-start">{t("name")}</th><th className="p-3 text-start">{t("prefix")}</th><th className="p-3 text-start">{t("scopes")}</th>
            <th className="p-3 text-start">{t("created")}</th><th className="p-3 text-start">{t("lastUsed")}</th><th className="p-3" />
          </tr></thead>
          <tbody>
            {tokens.map((tok) => (
              <tr key={tok.id} className={`border-t border-slate-100 ${tok.revokedAt ? "text-slate-400" : ""}`}>
                <td className="p-3"><bdi>{tok.name}</bdi></td>
                <td className="p-3 font-mono" dir="ltr">{tok.prefix}…</td>
                <td className="p-3">{tok.scopes === "read" ? t("read") : t("readWrite")}</td>
                <td className="p-3"><bdi><time dateTime={tok.createdAt}>{format.dateTime(new Date(tok.createdAt), { day: "numeric", month: "short", year: "numeric" })}</time></bdi></td>
                <td className="p-3">{tok.lastUsedAt ? <bdi><time dateTime={tok.lastUsedAt}>{format.dateTime(new Date(tok.lastUsedAt), { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit" })}</time></bdi> : t("never")}</td>
                <td className="p-3 text-end">{tok.revokedAt ? t("revoked") : <button onClick={() => void revoke(tok.id)} className="text-red-700 underline">{t("revoke")}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
