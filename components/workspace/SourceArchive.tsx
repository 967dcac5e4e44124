"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/i18n/locale";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { readError, useErrorMessage } from "../useErrorMessage";


interface Capture {
  id: string;
  sourceId: string | null;
  claimId: string | null;
  fetchedAt: string;
  sha256: string;
}

interface ArchiveState {
  articleId: string;
  captures: Capture[];
  archive(claimId: string, sourceId: string): Promise<string | null>;
}

const ArchiveContext = createContext<ArchiveState | null>(null);

/** Loads the article's archived copies once and lets any source in the workspace archive itself. */
export function ArchiveProvider({ articleId, children }: { articleId: string; children: React.ReactNode }) {
  const errorMessage = useErrorMessage();
  const [captures, setCaptures] = useState<Capture[]>([]);
  useEffect(() => {
    let live = true;
    fetch(`/api/articles/${encodeURIComponent(articleId)}/captures`, { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : []))
      .then((rows: Capture[]) => live && setCaptures(rows))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [articleId]);
  const archive = useCallback(async (claimId: string, sourceId: string) => {
    const res = await fetch(`/api/articles/${encodeURIComponent(articleId)}/captures`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ claimId, sourceId }),
    });
    if (!res.ok) return errorMessage(await readError(res), res.status);
    const data = await res.json().catch(() => ({}));
    setCaptures((cs) => [data as Capture, ...cs]);
    return null;
  }, [articleId, errorMessage]);
  return <ArchiveContext.Provider value={{ articleId, captures, archive }}>{children}</ArchiveContext.Provider>;
}

/** "Archive" on one source, and a link to its newest archived copy served by Sanad. */
export function SourceArchive({ claimId, sourceId, readOnly }: { claimId: string; sourceId: string; readOnly: boolean }) {
  const state = useContext(ArchiveContext);
  const t = useTranslations("sources");
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!state) return null;
  const latest = state.captures.find((c) => c.sourceId === sourceId);
  // The same wording as the copy's own page ("30 Nov 2026, 00:19 UTC"), not the browser's clock.
  const when = latest ? formatDateTime(latest.fetchedAt, locale) : "";
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="source-archive">
      {latest && (
        <a href={`/articles/${encodeURIComponent(state.articleId)}/archive/${encodeURIComponent(latest.id)}`} target="_blank" rel="noopener" className="tap-target text-blue-700 hover:underline" data-testid="archived-copy-link">
          {t("sanadCopy", { when })}
        </a>
      )}
      {!readOnly && (
        <button
          type="button"
          disabled={busy}
          className="text-blue-800 hover:underline disabled:opacity-60"
          onClick={async () => {
            setBusy(true);
            setError(null);
            setError(await state.archive(claimId, sourceId));
            setBusy(false);
          }}
        >
          {busy ? t("archiving") : latest ? t("archiveAgain") : t("archive")}
        </button>
      )}
      {error && <span role="alert" className="text-red-700">{error}</span>}
    </div>
  );
}
