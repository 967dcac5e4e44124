"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useErrorMessage } from "./useErrorMessage";


type Phase =
  | { kind: "idle" }
  | { kind: "working"; step: "connecting" | "fetching" | "extracting" | "opening"; bytes: number }
  | { kind: "existing"; id: string; title: string }
  | { kind: "error"; message: string };

interface JobView {
  status: "fetching" | "extracting" | "done" | "failed";
  bytes: number;
  error: string | null;
  errorCode: string | null;
  article: { id: string; title: string } | null;
  existing: boolean;
}

/** Import by URL: POST { url }; on 202 poll the job and show its progress until the article exists. */
export function ImportFromUrlForm() {
  const router = useRouter();
  const t = useTranslations("import.url");
  const errorMessage = useErrorMessage();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const cancelled = useRef(false);
  useEffect(() => () => {
    cancelled.current = true;
  }, []);

  function finish(article: { id: string; title: string }, existing: boolean) {
    if (existing) setPhase({ kind: "existing", id: article.id, title: article.title });
    else setPhase({ kind: "working", step: "opening", bytes: 0 });
    // an existing article is announced first, then opened: the editor sees why no new one appeared
    setTimeout(() => router.push(`/articles/${article.id}`), existing ? 1500 : 0);
  }

  async function poll(location: string) {
    while (!cancelled.current) {
      await new Promise((r) => setTimeout(r, 400));
      const res = await fetch(location, { cache: "no-store" });
      const job = (await res.json().catch(() => ({}))) as JobView & { error?: string };
      if (!res.ok) return setPhase({ kind: "error", message: errorMessage({ error: job.error ?? undefined, code: (job as { code?: string }).code }, res.status) });
      if (job.status === "failed") return setPhase({ kind: "error", message: errorMessage({ error: job.error ?? undefined, code: (job as { code?: string }).code }, res.status) });
      if (job.status === "done" && job.article) return finish(job.article, job.existing);
      setPhase({ kind: "working", step: job.status === "extracting" ? "extracting" : "fetching", bytes: job.bytes });
    }
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const url = String(new FormData(e.currentTarget).get("url") ?? "").trim();
    setPhase({ kind: "working", step: "connecting", bytes: 0 });
    const res = await fetch("/api/articles", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url }) });
    const data = await res.json().catch(() => ({}));
    if (res.status === 202) return poll(res.headers.get("location") ?? data.job.url);
    if (!res.ok) return setPhase({ kind: "error", message: errorMessage(data, res.status) });
    finish(data, data.existing === true);
  }

  const working = phase.kind === "working";
  const progress = working
    ? { connecting: t("connecting"), fetching: (phase.bytes >= 1024 ? t("fetchingKb", { kb: Math.round(phase.bytes / 1024) }) : t("fetching")), extracting: t("extracting"), opening: t("opening") }[phase.step]
    : null;
  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-3" aria-busy={working}>
      <label className="block">
        <span className="text-sm font-medium">{t("urlLabel")}</span>
        <span className="block text-xs text-slate-500">{t("urlHint")}</span>
        <input name="url" type="url" required dir="ltr" placeholder={t("placeholder")} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={working} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
          {working ? t("busy") : t("submit")}
        </button>
        {progress && (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
            <span aria-hidden className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" />
            {progress}
          </p>
        )}
      </div>
      {phase.kind === "existing" && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("existing")} <bdi className="font-medium">{phase.title}</bdi>{" "}
          <Link href={`/articles/${phase.id}`} className="underline">{t("openExisting")}</Link>
        </p>
      )}
      {phase.kind === "error" && <p role="alert" className="text-sm text-red-700">{phase.message}</p>}
    </form>
  );
}
