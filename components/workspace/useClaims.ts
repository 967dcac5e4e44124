"use client";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { CLAIMS_KEY, DISMISSED_KEY, readClaim, readClaims, readDismissed } from "@/lib/article-doc";
import type { ClaimView } from "@/lib/claim-model";

function byPosition(a: ClaimView, b: ClaimView): number {
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.id.localeCompare(b.id);
}

/**
 * The claims of the shared document as plain views. Incremental: a change re-reads only the
 * claims it touched (typing in one rationale re-validates one claim, not two thousand), at
 * most once per animation frame, and unchanged claims keep their object identity so only
 * their own cards re-render.
 */
export function useClaims(doc: Y.Doc): { claims: ClaimView[]; dismissed: Set<string> } {
  const [state, setState] = useState(() => ({ claims: readClaims(doc), dismissed: readDismissed(doc) }));
  useEffect(() => {
    const views = new Map<string, ClaimView>();
    for (const c of readClaims(doc)) views.set(c.id, c);
    const dirty = new Set<string>();
    let all = false;
    let dismissedDirty = false;
    let frame = 0;
    const flush = () => {
      frame = 0;
      if (all) {
        views.clear();
        for (const c of readClaims(doc)) views.set(c.id, c);
      } else {
        for (const id of dirty) {
          const view = readClaim(doc, id);
          if (view) views.set(id, view);
          else views.delete(id);
        }
      }
      const claims = all || dirty.size > 0 ? [...views.values()].sort(byPosition) : null;
      const dismissed = dismissedDirty ? readDismissed(doc) : null;
      all = false;
      dismissedDirty = false;
      dirty.clear();
      setState((prev) => ({ claims: claims ?? prev.claims, dismissed: dismissed ?? prev.dismissed }));
    };
    const schedule = () => { if (!frame) frame = requestAnimationFrame(flush); };
    const onClaims = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const e of events) {
        if (e.path.length === 0) {
          // Top-level: claims added, replaced or removed.
          for (const key of e.changes.keys.keys()) dirty.add(key);
        } else {
          dirty.add(String(e.path[0]));
        }
      }
      schedule();
    };
    const onDismissed = () => { dismissedDirty = true; schedule(); };
    const claims = doc.getMap(CLAIMS_KEY);
    const dismissed = doc.getMap(DISMISSED_KEY);
    claims.observeDeep(onClaims);
    dismissed.observe(onDismissed);
    all = true;
    dismissedDirty = true;
    schedule();
    return () => {
      claims.unobserveDeep(onClaims);
      dismissed.unobserve(onDismissed);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [doc]);
  return state;
}
