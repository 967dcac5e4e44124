"use client";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { CLAIMS_KEY, DISMISSED_KEY, readClaims, readDismissed } from "@/lib/article-doc";
import type { ClaimView } from "@/lib/claim-model";

/**
 * The claims of the shared document as plain views, re-read at most once per animation frame
 * however many updates arrive (a burst of remote edits costs one render).
 */
export function useClaims(doc: Y.Doc): { claims: ClaimView[]; dismissed: Set<string> } {
  const [state, setState] = useState(() => ({ claims: readClaims(doc), dismissed: readDismissed(doc) }));
  // Unchanged claims keep their object identity, so only changed cards re-render.
  const [cache] = useState(() => new Map<string, { json: string; view: ClaimView }>());
  useEffect(() => {
    let frame = 0;
    const refresh = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const seen = new Set<string>();
        const claims = readClaims(doc).map((view) => {
          seen.add(view.id);
          const json = JSON.stringify(view);
          const hit = cache.get(view.id);
          if (hit && hit.json === json) return hit.view;
          cache.set(view.id, { json, view });
          return view;
        });
        for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
        setState({ claims, dismissed: readDismissed(doc) });
      });
    };
    const claims = doc.getMap(CLAIMS_KEY);
    const dismissed = doc.getMap(DISMISSED_KEY);
    claims.observeDeep(refresh);
    dismissed.observe(refresh);
    refresh();
    return () => {
      claims.unobserveDeep(refresh);
      dismissed.unobserve(refresh);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc, cache]);
  return state;
}
