"use client";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

/** clientId -> the user the server bound it to (GET /api/articles/<id>/authors). */
export type DocAuthors = Record<string, { id: string; name: string | null }>;

/** Resolves a Yjs client id to its server-vouched author; undefined while unknown. */
export type AuthorOf = (clientId: number) => { id: string; name: string | null } | undefined;

export const DocAuthorsContext = createContext<AuthorOf>(() => undefined);

/** The workspace's vouched authors: fetched once, and again (at most every 2 s) when an unknown client id is asked for. */
export function useDocAuthors(articleId: string): AuthorOf {
  const [authors, setAuthors] = useState<DocAuthors>({});
  const last = useRef(0);
  const pending = useRef(false);
  const refresh = useCallback(() => {
    if (pending.current || Date.now() - last.current < 2000) return;
    pending.current = true;
    last.current = Date.now();
    fetch(`/api/articles/${encodeURIComponent(articleId)}/authors`)
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { authors?: DocAuthors } | null) => { if (body?.authors) setAuthors(body.authors); })
      .catch(() => {})
      .finally(() => { pending.current = false; });
  }, [articleId]);
  useEffect(() => { refresh(); }, [refresh]);
  return useCallback((clientId: number) => {
    const a = authors[String(clientId)];
    if (!a) setTimeout(refresh, 0);
    return a;
  }, [authors, refresh]);
}

export function useAuthorOf(): AuthorOf {
  return useContext(DocAuthorsContext);
}
