"use client";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

/** clientId -> the user the server bound it to (GET /api/articles/<id>/authors). */
export type DocAuthors = Record<string, { id: string; name: string | null }>;

/** Resolves a Yjs client id to its server-vouched author; undefined while unknown. */
export type AuthorOf = (clientId: number) => { id: string; name: string | null } | undefined;

export const DocAuthorsContext = createContext<AuthorOf>(() => undefined);

/** The workspace's vouched authors: fetched once, and again (at most every 2 s, deferred rather than dropped) when an unknown client id is asked for. */
export function useDocAuthors(articleId: string): AuthorOf {
  const [authors, setAuthors] = useState<DocAuthors>({});
  const last = useRef(0);
  const pending = useRef(false);
  const later = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fetchNow = useCallback(() => {
    pending.current = true;
    last.current = Date.now();
    fetch(`/api/articles/${encodeURIComponent(articleId)}/authors`)
      .then((r) => (r.ok ? r.json() : null))
      // Unchanged answers do not re-render: an id that is never bound (work from before
      // authorship was recorded) does not keep the workspace polling.
      .then((body: { authors?: DocAuthors } | null) => { const next = body?.authors; if (next) setAuthors((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next)); })
      .catch(() => {})
      .finally(() => { pending.current = false; });
  }, [articleId]);
  const refresh = useCallback(() => {
    if (pending.current || later.current) return;
    // Asked again within 2 s of the last fetch: fetch when the 2 s are up rather than not at
    // all, so an author bound just after a fetch is still learnt without another render.
    const wait = last.current + 2000 - Date.now();
    if (wait > 0) later.current = setTimeout(() => { later.current = null; fetchNow(); }, wait);
    else fetchNow();
  }, [fetchNow]);
  useEffect(() => {
    refresh();
    return () => { if (later.current) clearTimeout(later.current); later.current = null; };
  }, [refresh]);
  return useCallback((clientId: number) => {
    const a = authors[String(clientId)];
    if (!a) setTimeout(refresh, 0);
    return a;
  }, [authors, refresh]);
}

export function useAuthorOf(): AuthorOf {
  return useContext(DocAuthorsContext);
}
