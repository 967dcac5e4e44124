"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from "react";
import { insertMention, matchPeople, mentionQueryAt, splitMentions } from "@/lib/mentions";
import { BidiText } from "../BidiText";
import type { TeamMember } from "./types";

interface Open { start: number; caret: number; options: TeamMember[]; active: number }

/**
 * @mention autocomplete on a textarea or input: typing `@` and part of a name lists matching
 * team members; arrows move, Enter or Tab inserts the person's token (`@[Name](id)`), Escape
 * closes. The field keeps focus and points at the active option with aria-activedescendant.
 * The insertion is dispatched as an `input` event, so a field bound to a shared Y.Text
 * (useYTextarea) applies it like typing.
 */
export function useMentions(ref: RefObject<HTMLTextAreaElement | HTMLInputElement | null>, team: readonly TeamMember[], disabled = false) {
  const [open, setOpenState] = useState<Open | null>(null);
  // Key handlers read the list synchronously (a keystroke must not wait for a render).
  const openRef = useRef<Open | null>(null);
  const setOpen = useCallback((next: Open | null | ((prev: Open | null) => Open | null)) => {
    openRef.current = typeof next === "function" ? next(openRef.current) : next;
    setOpenState(openRef.current);
  }, []);
  const listId = useId();
  const optionId = (i: number) => `${listId}-o${i}`;

  const choose = useCallback((person: TeamMember, at: Open) => {
    const el = ref.current;
    if (!el) return;
    const next = insertMention(el.value, at.start, at.caret, person);
    el.value = next.text;
    el.setSelectionRange(next.caret, next.caret);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    setOpen(null);
  }, [ref, setOpen]);

  useEffect(() => {
    const el = ref.current;
    if (!el || disabled) return;
    const update = () => {
      const caret = el.selectionStart ?? el.value.length;
      const q = el.selectionStart === el.selectionEnd ? mentionQueryAt(el.value, caret) : null;
      const options = q ? matchPeople(team.filter((m) => m.active !== false), q.query) : [];
      setOpen((prev) => (q && options.length ? { start: q.start, caret, options, active: prev && prev.start === q.start ? Math.min(prev.active, options.length - 1) : 0 } : null));
    };
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      const cur = openRef.current;
      if (!cur || k.isComposing) return;
      if (k.key === "ArrowDown" || k.key === "ArrowUp") {
        k.preventDefault();
        const step = k.key === "ArrowDown" ? 1 : -1;
        setOpen({ ...cur, active: (cur.active + step + cur.options.length) % cur.options.length });
      } else if (k.key === "Enter" || k.key === "Tab") {
        k.preventDefault(); // and the form is not submitted
        choose(cur.options[cur.active], cur);
      } else if (k.key === "Escape") {
        k.preventDefault();
        k.stopPropagation();
        setOpen(null);
      }
    };
    const onBlur = () => setTimeout(() => setOpen(null), 150);
    el.addEventListener("input", update);
    el.addEventListener("click", update);
    el.addEventListener("keydown", onKey);
    el.addEventListener("blur", onBlur);
    return () => {
      el.removeEventListener("input", update);
      el.removeEventListener("click", update);
      el.removeEventListener("keydown", onKey);
      el.removeEventListener("blur", onBlur);
    };
  }, [ref, team, disabled, choose, setOpen]);

  // The field points at the list and its active option.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.setAttribute("aria-autocomplete", "list");
    if (open) {
      el.setAttribute("aria-controls", listId);
      el.setAttribute("aria-activedescendant", optionId(open.active));
    } else {
      el.removeAttribute("aria-controls");
      el.removeAttribute("aria-activedescendant");
    }
  });

  return { open, listId, optionId, choose };
}

/** The listbox of people to mention, under the field. */
export function MentionList({ state }: { state: ReturnType<typeof useMentions> }) {
  const t = useTranslations("comments");
  const { open, listId, optionId, choose } = state;
  if (!open) return null;
  return (
    <ul id={listId} role="listbox" aria-label={t("mentionList")} data-testid="mention-list"
      className="z-20 mt-0.5 max-h-48 overflow-y-auto rounded border border-slate-300 bg-white text-xs shadow">
      {open.options.map((p, i) => (
        <li key={p.id} id={optionId(i)} role="option" aria-selected={i === open.active}
          className={`cursor-pointer px-2 py-1 ${i === open.active ? "bg-blue-100 text-blue-950" : ""}`}
          onMouseDown={(e) => { e.preventDefault(); choose(p, open); }}>
          <bdi>{p.name}</bdi>
        </li>
      ))}
    </ul>
  );
}

/** Text with mention tokens shown as chips (current names from the team list); never HTML. */
export function MentionText({ text, names }: { text: string; names: ReadonlyMap<string, string> }) {
  return (
    <>
      {splitMentions(text).map((p, i) => (p.kind === "text"
        ? <span key={i}><BidiText text={p.text} /></span>
        : <span key={i} data-testid="mention" data-user-id={p.userId} className="rounded bg-blue-50 px-0.5 font-medium text-blue-900"><bdi>@{names.get(p.userId) ?? p.name}</bdi></span>))}
    </>
  );
}
