"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** User-visible strings of this component (kept together for the i18n move). */
const labels = {
  save: "Save a version now",
  saving: "Saving…",
  restore: "Restore claims from this version",
  restoring: "Restoring…",
  confirmRestore: "Put back every claim of this version that is missing now? Claims that exist now are kept as they are.",
  restored: (n: number) => (n === 0 ? "Nothing to restore: every claim of this version exists now." : `Restored ${n} claim(s).`),
  failed: (status: number) => `Failed (${status})`,
  offline: "Could not reach the server.",
};

async function post(url: string): Promise<{ ok: boolean; body: Record<string, unknown>; status: number }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  return { ok: res.ok, status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** "Save a version now" (editors and up). */
export function SaveVersionButton({ articleId }: { articleId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const r = await post(`/api/articles/${encodeURIComponent(articleId)}/versions`);
      if (!r.ok) setError(String(r.body.error ?? labels.failed(r.status)));
      else router.refresh();
    } catch {
      setError(labels.offline);
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={save} disabled={busy} data-testid="save-version" className="rounded border border-slate-300 px-2 py-0.5 text-xs">{busy ? labels.saving : labels.save}</button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}

/** "Restore claims from this version" (reviewers and admins; the server checks). */
export function RestoreVersionButton({ articleId, versionId }: { articleId: string; versionId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function restore() {
    if (!window.confirm(labels.confirmRestore)) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await post(`/api/articles/${encodeURIComponent(articleId)}/versions/${encodeURIComponent(versionId)}/restore`);
      setMessage(r.ok ? labels.restored((r.body.restored as unknown[] | undefined)?.length ?? 0) : String(r.body.error ?? labels.failed(r.status)));
      if (r.ok) router.refresh();
    } catch {
      setMessage(labels.offline);
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={restore} disabled={busy} data-testid="restore-version" className="rounded bg-blue-800 px-3 py-1 text-sm text-white disabled:opacity-50">{busy ? labels.restoring : labels.restore}</button>
      {message && <span role="status" className="text-sm text-slate-700">{message}</span>}
    </span>
  );
}
