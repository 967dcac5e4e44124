"use client";
import { memo, useMemo } from "react";
import type { Block } from "@/lib/article-text";
import { segmentRanges, type TextRange } from "@/lib/segments";

export interface Mark extends TextRange {
  kind: "claim" | "suggestion" | "peer";
  colour: string;
  /** Underline style: the non-colour cue of a claim type. */
  cue?: "solid" | "double" | "dashed" | "dotted" | "wavy";
  label: string;
}

interface Props {
  body: string;
  blocks: Block[];
  language: string;
  direction: "rtl" | "ltr";
  marks: Mark[];
  focusedId: string | null;
  onMarkClick?: (id: string) => void;
  /** Keyboard selection (useKeyboardSelection); when set the article is focusable. */
  onKeyDown?: (e: React.KeyboardEvent<HTMLElement>) => void;
  keyboardLabel?: string;
}

/**
 * The immutable article text with claims, suggestions and other people's selections drawn
 * over it. Every text span carries `data-start` (its offset in the body) so a DOM selection
 * maps back to body offsets exactly (see selectionOffsets).
 */
export const ArticleBody = memo(function ArticleBody({ body, blocks, language, direction, marks, focusedId, onMarkClick, onKeyDown, keyboardLabel }: Props) {
  const byId = useMemo(() => new Map(marks.map((m) => [m.id, m])), [marks]);
  return (
    <article data-testid="article-body" dir={direction} lang={language} className="article-text space-y-4 select-text rounded outline-none focus-visible:ring-2 focus-visible:ring-blue-400"
      tabIndex={onKeyDown ? 0 : undefined} aria-label={keyboardLabel} onKeyDown={onKeyDown}>
      {blocks.map((block) => {
        const segments = segmentRanges(block.start, block.end, marks);
        const children = segments.map((seg) => {
          const text = body.slice(seg.start, seg.end);
          const covering = seg.ids.map((id) => byId.get(id)!).filter(Boolean);
          const claims = covering.filter((m) => m.kind === "claim");
          const suggestion = covering.find((m) => m.kind === "suggestion");
          const peers = covering.filter((m) => m.kind === "peer");
          if (covering.length === 0) return <span key={seg.start} data-start={seg.start}>{text}</span>;
          const inner = claims[claims.length - 1];
          const style: React.CSSProperties = {};
          if (inner) {
            style.textDecorationColor = inner.colour;
            style.textDecorationStyle = inner.cue === "double" ? "double" : inner.cue ?? "solid";
            style.backgroundColor = `${inner.colour}1f`;
            // Outer claims stay visible as stacked lines under the text.
            const outer = claims.slice(0, -1);
            if (outer.length) style.boxShadow = outer.map((o, i) => `inset 0 -${3 + i * 3}px 0 -1px ${o.colour}88`).join(", ");
          }
          if (peers.length) style.outline = `2px solid ${peers[0].colour}`;
          const title = covering.map((m) => m.label).join(" · ");
          return (
            <span
              key={seg.start}
              data-start={seg.start}
              data-claim-ids={claims.map((c) => c.id).join(" ") || undefined}
              data-suggestion={suggestion?.id}
              data-focused={inner && inner.id === focusedId ? "true" : undefined}
              className={inner ? "claim-mark" : suggestion ? "suggestion-mark" : undefined}
              style={style}
              title={title}
              onClick={inner && onMarkClick ? (e) => {
                if (window.getSelection()?.isCollapsed !== false) {
                  e.stopPropagation();
                  onMarkClick(inner.id);
                }
              } : suggestion && onMarkClick ? () => onMarkClick(suggestion.id) : undefined}
            >
              {text}
            </span>
          );
        });
        return block.kind === "heading"
          ? <h2 key={block.start} className="pt-2 text-xl font-bold">{children}</h2>
          : <p key={block.start}>{children}</p>;
      })}
    </article>
  );
});

/** Body offsets of the current DOM selection inside `root`, or null when it is outside or empty. */
export function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const a = pointOffset(root, range.startContainer, range.startOffset);
  const b = pointOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end > start ? { start, end } : null;
}

function pointOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement?.closest<HTMLElement>("[data-start]");
    if (!span) return null;
    return Number(span.dataset.start) + offset;
  }
  // Element container: the offset counts child nodes; use the nearest span's boundary.
  const el = node as HTMLElement;
  const child = el.childNodes[offset] as HTMLElement | undefined;
  const target = child?.nodeType === Node.ELEMENT_NODE ? child.closest?.("[data-start]") ?? child.querySelector?.("[data-start]") : null;
  if (target instanceof HTMLElement && target.dataset.start) return Number(target.dataset.start);
  const spans = el.querySelectorAll<HTMLElement>("[data-start]");
  const last = spans[spans.length - 1];
  return last ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : null;
}
