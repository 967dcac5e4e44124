"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { readError, useErrorMessage } from "../useErrorMessage";
import { canPublish, type Actor } from "@/lib/policies";

interface Status {
  publishable: boolean;
  blockers: string[];
  /** The blockers as codes (server/publication/publishability.ts BlockerReason), worded here. */
  reasons?: Array<{ code: string; excerpt?: string }>;
  publication: { version: number; slug: string; kind: string; publishedAt: string; url?: string } | null;
}

/**
 * Publication for reviewers and admins: whether the article can be published now (every
 * claim approved with its approval still holding, or excluded), and publish / correct /
 * retract. The server re-checks all of it.
 */
export function PublicationPanel({ articleId, actor, refreshKey }: { articleId: string; actor: Actor; refreshKey: string }) {
  const t = useTranslations("publication");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<"idle" | "correct" | "retract">("idle");
  const allowed = canPublish(actor);

  const load = useCallback(async () => {
    const res = await fetch(`/api/articles/${encodeURIComponent(articleId)}/decisions`, { cache: "no-store" });
    if (res.ok) setStatus((await res.json()) as Status);
  }, [articleId]);

  useEffect(() => {
    if (!allowed) return;
    const t = setTimeout(() => void load(), 600); // after the projection has caught up
    return () => clearTimeout(t);
  }, [allowed, load, refreshKey]);

  async function post(path: "publish" | "retract", body: Record<string, string>) {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/articles/${encodeURIComponent(articleId)}/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) setError(errorMessage(await readError(res), res.status));
      else setMode("idle");
      await load();
    } finally {
      setBusy(false);
    }
  }

  if (!allowed || !status) return null;
  const pub = status.publication;
  const live = pub && pub.kind === "publish";
  return (
    <section aria-label={t("heading")} data-testid="publication-panel" className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <h2 className="font-semibold">{t("heading")}</h2>
      {pub ? (
        <p className="mt-1 text-xs text-slate-600">
          {live ? t("published") : t("retracted")} · {t("version", { version: pub.version })} · <time dateTime={pub.publishedAt}>{format.dateTime(new Date(pub.publishedAt), { day: "numeric", month: "short", year: "numeric" })}</time> ·{" "}
          <a href={`/v/${pub.slug}`} target="_blank" rel="noopener noreferrer" className="text-blue-800 underline">{t("publicPage")}</a>
        </p>
      ) : (
        <p className="mt-1 text-xs text-slate-600">{t("notPublished")}</p>
      )}
      {status.blockers.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 ps-4 text-xs text-amber-900" data-testid="publish-blockers">
          {(status.reasons ?? []).slice(0, 6).map((r, i) => (
            <li key={i} data-reason={r.code}>
              {t.has(`blocker.${r.code}` as "blocker.undecided")
                ? t.rich(`blocker.${r.code}` as "blocker.undecided", { excerpt: r.excerpt ?? "", q: (chunks) => <bdi>{chunks}</bdi> })
                : <bdi>{status.blockers[i]}</bdi>}
            </li>
          ))}
          {status.blockers.length > 6 && <li>{t("more", { count: status.blockers.length - 6 })}</li>}
        </ul>
      )}
      {mode === "idle" && (
        <div className="mt-2 flex flex-wrap gap-2">
          {!pub && (
            <button type="button" data-testid="publish" disabled={busy || !status.publishable} onClick={() => void post("publish", {})}
              className="rounded bg-emerald-700 px-2 py-1 text-xs font-medium text-white disabled:opacity-40" title={status.publishable ? t("publishTitle") : t("resolveFirst")}>
              {t("publish")}
            </button>
          )}
          {pub && (
            <button type="button" disabled={busy || !status.publishable} onClick={() => setMode("correct")} className="rounded border border-emerald-700 px-2 py-1 text-xs text-emerald-800 disabled:opacity-40">
              {t("correct")}
            </button>
          )}
          {live && <button type="button" disabled={busy} onClick={() => setMode("retract")} className="rounded border border-red-700 px-2 py-1 text-xs text-red-800">{t("retract")}</button>}
        </div>
      )}
      {mode !== "idle" && (
        <form className="mt-2 space-y-1" onSubmit={(e) => {
          e.preventDefault();
          const note = String(new FormData(e.currentTarget).get("note") ?? "").trim();
          if (!note) return setError(t("noteRequired"));
          void (mode === "correct" ? post("publish", { correctionNote: note }) : post("retract", { note }));
        }}>
          <textarea name="note" rows={3} dir="auto" aria-label={mode === "correct" ? t("correctionNote") : t("retractionNote")} placeholder={mode === "correct" ? t("correctionPlaceholder") : t("retractionPlaceholder")} className="w-full rounded border border-slate-300 p-1.5 text-xs" />
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className="rounded bg-slate-900 px-2 py-1 text-xs text-white">{mode === "correct" ? t("publishNew") : t("retractPublicly")}</button>
            <button type="button" onClick={() => setMode("idle")} className="text-xs">{t("cancel")}</button>
          </div>
        </form>
      )}
      {error && <p role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
    </section>
  );
}
