"use client";
import { useEffect, useRef } from "react";
import * as Y from "yjs";

/**
 * Bind a <textarea> to a Y.Text so several people can type in it at once: local edits are
 * applied as the minimal insert/delete (common prefix and suffix kept), remote edits update
 * the textarea and the caret is mapped through the change, so nobody's
 * cursor jumps and no character is lost.
 */
export function useYTextarea(ytext: Y.Text | null, origin: unknown, readOnly: boolean) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !ytext) return;
    el.value = ytext.toString();
    const onInput = () => {
      if (readOnly) {
        el.value = ytext.toString();
        return;
      }
      const before = ytext.toString();
      const after = el.value;
      let start = 0;
      while (start < before.length && start < after.length && before[start] === after[start]) start++;
      let endBefore = before.length;
      let endAfter = after.length;
      while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) { endBefore--; endAfter--; }
      ytext.doc!.transact(() => {
        if (endBefore > start) ytext.delete(start, endBefore - start);
        if (endAfter > start) ytext.insert(start, after.slice(start, endAfter));
      }, origin);
    };
    const onRemote = (event: Y.YTextEvent, tr: Y.Transaction) => {
      if (tr.origin === origin && el.value === ytext.toString()) return;
      const focused = document.activeElement === el;
      // Map the caret through the change: inserts before it push it right, deletes pull it left.
      const mapIndex = (index: number) => {
        let oldPos = 0;
        let shift = 0;
        for (const op of event.delta) {
          if (op.retain) oldPos += op.retain;
          else if (op.insert) { if (oldPos < index) shift += typeof op.insert === "string" ? op.insert.length : 1; }
          else if (op.delete) { if (oldPos < index) shift -= Math.min(op.delete, index - oldPos); oldPos += op.delete; }
        }
        return index + shift;
      };
      const a = focused ? mapIndex(el.selectionStart) : 0;
      const b = focused ? mapIndex(el.selectionEnd) : 0;
      el.value = ytext.toString();
      if (focused) el.setSelectionRange(a, b);
    };
    el.addEventListener("input", onInput);
    ytext.observe(onRemote);
    return () => {
      el.removeEventListener("input", onInput);
      ytext.unobserve(onRemote);
    };
  }, [ytext, origin, readOnly]);
  return ref;
}
