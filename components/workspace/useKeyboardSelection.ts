"use client";
import { useCallback, useMemo, useRef } from "react";
/** A span of the body, in JS string offsets. */
export type TextRange = { start: number; end: number };
import { selectionOffsets } from "./ArticleBody";

/** Word-like segments or sentences of the body (Intl.Segmenter knows Arabic as well as English). */
export function textUnits(body: string, language: string, granularity: "word" | "sentence"): TextRange[] {
  const out: TextRange[] = [];
  const segmenter = new Intl.Segmenter(language, { granularity });
  for (const s of segmenter.segment(body)) {
    if (granularity === "word" && !s.isWordLike) continue;
    const text = s.segment;
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (!trimmed) continue;
    out.push({ start: s.index + lead, end: s.index + lead + trimmed.length });
  }
  return out;
}

/**
 * Put the DOM selection on body offsets [start, end) inside the article (spans carry
 * data-start). `backwards`: the selection's anchor is its end and its focus its start, as
 * after extending towards the beginning, so the browser (and assistive tech) agree on which
 * end moves.
 */
export function selectBodyRange(root: HTMLElement, start: number, end: number, backwards = false): Range | null {
  const point = (offset: number, preferNext: boolean): [Node, number] | null => {
    const spans = root.querySelectorAll<HTMLElement>("[data-start]");
    for (const span of spans) {
      const s = Number(span.dataset.start);
      const len = span.textContent?.length ?? 0;
      if (offset > s + len || offset < s) continue;
      if (offset === s + len && preferNext) continue;
      const text = span.firstChild;
      return text ? [text, offset - s] : null;
    }
    return null;
  };
  const a = point(start, true);
  const b = point(end, false);
  const sel = window.getSelection();
  if (!a || !b || !sel) return null;
  if (backwards) sel.setBaseAndExtent(b[0], b[1], a[0], a[1]);
  else sel.setBaseAndExtent(a[0], a[1], b[0], b[1]);
  return sel.rangeCount ? sel.getRangeAt(0) : null;
}

/**
 * The word units a selection made elsewhere (the mouse, a touch) starts from: the unit at its
 * anchor end and the unit at its focus end. Shift+arrows then move the focus unit, so the
 * selection shrinks when it moves back towards the anchor, as in any text field.
 */
function unitsOfSelection(units: TextRange[], current: TextRange, focusAtStart: boolean): { anchor: TextRange; focus: TextRange } {
  const inside = units.filter((u) => u.start < current.end && u.end > current.start);
  if (inside.length === 0) return { anchor: current, focus: current };
  const first = { start: Math.max(current.start, inside[0].start), end: inside[0].end };
  const last = { start: inside[inside.length - 1].start, end: Math.min(current.end, inside[inside.length - 1].end) };
  return focusAtStart ? { anchor: last, focus: first } : { anchor: first, focus: last };
}

/** Is the DOM selection's focus before its anchor (dragged or extended backwards)? */
function focusBeforeAnchor(): boolean {
  const sel = window.getSelection();
  if (!sel || !sel.anchorNode || !sel.focusNode) return false;
  if (sel.anchorNode === sel.focusNode) return sel.focusOffset < sel.anchorOffset;
  return !!(sel.anchorNode.compareDocumentPosition(sel.focusNode) & Node.DOCUMENT_POSITION_PRECEDING);
}

/**
 * Tagging without a mouse. With the article focused: the reading-order arrows (left is
 * forward in Arabic) select the next/previous word, up/down the previous/next sentence;
 * with Shift they extend the selection instead. The selection then opens the toolbar like a
 * mouse selection, and the type's key tags it.
 */
export function useKeyboardSelection(options: { body: string; language: string; direction: "rtl" | "ltr"; onSelection: () => void }) {
  const { body, language, direction, onSelection } = options;
  const words = useMemo(() => textUnits(body, language, "word"), [body, language]);
  const sentences = useMemo(() => textUnits(body, language, "sentence"), [body, language]);
  const state = useRef<{ anchor: TextRange; focus: TextRange } | null>(null);

  return useCallback((e: React.KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const forward = direction === "rtl" ? "ArrowLeft" : "ArrowRight";
    const backward = direction === "rtl" ? "ArrowRight" : "ArrowLeft";
    const step = e.key === forward ? { units: words, dir: 1 } : e.key === backward ? { units: words, dir: -1 }
      : e.key === "ArrowDown" ? { units: sentences, dir: 1 } : e.key === "ArrowUp" ? { units: sentences, dir: -1 } : null;
    if (!step || step.units.length === 0) return;
    e.preventDefault();
    const root = e.currentTarget;
    // Start from whatever is selected now (a mouse selection, or nothing after tagging).
    const current = selectionOffsets(root);
    const mine = state.current && { start: Math.min(state.current.anchor.start, state.current.focus.start), end: Math.max(state.current.anchor.end, state.current.focus.end) };
    // A selection made or re-made elsewhere (other ends, or the same ends dragged the other way) starts afresh.
    const backwards = focusBeforeAnchor();
    const mineBackwards = !!state.current && state.current.focus.start < state.current.anchor.start;
    if (!current) state.current = state.current ? { anchor: state.current.focus, focus: state.current.focus } : null;
    else if (!mine || mine.start !== current.start || mine.end !== current.end || backwards !== mineBackwards) state.current = unitsOfSelection(words, current, backwards);
    const focus = state.current?.focus;
    // The focus unit moves one unit along the reading order (the next unit after its end, or
    // the previous one before its start); the anchor stays for Shift, follows otherwise.
    const next = !focus ? (step.dir > 0 ? step.units[0] : step.units[step.units.length - 1])
      : step.dir > 0 ? step.units.find((u) => u.start >= focus.end) ?? step.units.find((u) => u.end > focus.end)
        : [...step.units].reverse().find((u) => u.end <= focus.start) ?? [...step.units].reverse().find((u) => u.start < focus.start);
    if (!next) return;
    const anchor = e.shiftKey && state.current ? state.current.anchor : next;
    state.current = { anchor, focus: next };
    const start = Math.min(anchor.start, next.start);
    const end = Math.max(anchor.end, next.end);
    const range = selectBodyRange(root, start, end, next.start < anchor.start);
    range?.startContainer.parentElement?.scrollIntoView({ block: "nearest" });
    onSelection();
  }, [direction, words, sentences, onSelection]);
}
