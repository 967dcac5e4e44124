"use client";
import { createContext, useCallback, useContext, useEffect, useState } from "react";

/** Every user-visible string of the source-archive controls (kept together for the i18n move). */
const labels = {
  archive: "Archive",
  archiveAgain: "Archive again",
  archiving: "Archiving…",
  archivedCopy: (when: string) => `Sanad copy (${when})`,
  failed: (status: number) => `Archiving failed (${status}).`,
};

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
    const data = await res.json().catch(() => ({}));
    if (!res.ok) return (data.error as string | undefined) ?? labels.failed(res.status);
    setCaptures((cs) => [data as Capture, ...cs]);
    return null;
  }, [articleId]);
  return <ArchiveContext.Provider value={{ articleId, captures, archive }}>{children}</ArchiveContext.Provider>;
}

/** "Archive" on one source, and a link to its newest archived copy served by Sanad. */
export function SourceArchive({ claimId, sourceId, readOnly }: { claimId: string; sourceId: string; readOnly: boolean }) {
  const state = useContext(ArchiveContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!state) return null;
  const latest = state.captures.find((c) => c.sourceId === sourceId);
  const when = latest ? new Date(latest.fetchedAt).toISOString().slice(0, 16).replace("T", " ") : "";
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="source-archive">
      {latest && (
        <a href={`/articles/${encodeURIComponent(state.articleId)}/archive/${encodeURIComponent(latest.id)}`} target="_blank" rel="noopener" className="text-blue-700 hover:underline" data-testid="archived-copy-link">
          {labels.archivedCopy(when)}
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
          {busy ? labels.archiving : latest ? labels.archiveAgain : labels.archive}
        </button>
      )}
      {error && <span role="alert" className="text-red-700">{error}</span>}
    </div>
  );
}
