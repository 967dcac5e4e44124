"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "../useErrorMessage";
import type { ApiErrorBody } from "@/lib/i18n/errors";

async function post(url: string): Promise<{ ok: boolean; body: Record<string, unknown>; status: number }> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  return { ok: res.ok, status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** "Save a version now" (editors and up). */
export function SaveVersionButton({ articleId }: { articleId: string }) {
  const router = useRouter();
  const t = useTranslations("history.versions");
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const r = await post(`/api/articles/${encodeURIComponent(articleId)}/versions`);
      if (!r.ok) setError(errorMessage(r.body as ApiErrorBody, r.status));
      else router.refresh();
    } catch {
      setError(errorMessage({ code: "network" }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={save} disabled={busy} data-testid="save-version" className="rounded border border-slate-300 px-2 py-0.5 text-xs">{busy ? t("saving") : t("save")}</button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}

/** "Restore claims from this version" (reviewers and admins; the server checks). */
export function RestoreVersionButton({ articleId, versionId }: { articleId: string; versionId: string }) {
  const router = useRouter();
  const t = useTranslations("history.versions");
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function restore() {
    if (!window.confirm(t("confirmRestore"))) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await post(`/api/articles/${encodeURIComponent(articleId)}/versions/${encodeURIComponent(versionId)}/restore`);
      setMessage(r.ok ? t("restored", { count: (r.body.restored as unknown[] | undefined)?.length ?? 0 }) : errorMessage(r.body as ApiErrorBody, r.status));
      if (r.ok) router.refresh();
    } catch {
      setMessage(errorMessage({ code: "network" }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={restore} disabled={busy} data-testid="restore-version" className="rounded bg-blue-800 px-3 py-1 text-sm text-white disabled:opacity-50">{busy ? t("restoring") : t("restore")}</button>
      {message && <span role="status" className="text-sm text-slate-700">{message}</span>}
    </span>
  );
}
