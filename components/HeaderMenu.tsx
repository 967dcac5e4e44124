"use client";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type ReactNode } from "react";

/**
 * The header's navigation, search and account controls. On a phone they fold behind one
 * "Menu" button so the article starts near the top of the screen (the full header took about
 * 220 px at 390 px wide); from the `sm` breakpoint up they are laid out inline as before
 * (`sm:contents`: the panel's children join the header's own row). The children are rendered
 * once, so every control keeps one element and one test id. Escape and navigation close it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useTranslations("header");
  // Open on the page it was opened on: following a link in it closes it.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    // display: contents — the wrapper only catches Escape from the button and the panel.
    <div className="contents" onKeyDown={(e) => { if (e.key === "Escape" && open) { setOpen(false); button.current?.focus(); } }}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={id} data-testid="header-menu-button"
        onClick={() => setOpen(!open)}
        className="rounded border border-slate-300 px-2 py-1 text-sm sm:hidden">
        <span aria-hidden="true">☰ </span>{t("menu")}
      </button>
      <div id={id} data-testid="header-menu" data-open={open}
        className={`${open ? "flex basis-full flex-col items-start gap-3 pb-1" : "hidden"} sm:contents`}>
        {children}
      </div>
    </div>
  );
}
