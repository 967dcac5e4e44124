import Link from "next/link";
import { labelsFor } from "./labels";

/** Masthead and footer of the public pages, in the article's language and direction. */
export function PublicFrame({ organisation, language, children }: { organisation: { name: string; url: string }; language: string; children: React.ReactNode }) {
  const t = labelsFor(language);
  return (
    <div className="min-h-screen bg-[#fbfaf7] text-stone-900">
      <header className="border-b border-stone-300 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-baseline justify-between gap-2 px-5 py-4">
          <a href={organisation.url} className="font-serif text-xl font-bold tracking-tight text-stone-900"><bdi>{organisation.name}</bdi></a>
          <span className="text-xs uppercase tracking-widest text-stone-600">{t.mastheadTag}</span>
        </div>
      </header>
      {children}
      <footer className="mt-16 border-t border-stone-300 bg-white">
        <div className="mx-auto max-w-3xl px-5 py-6 text-sm text-stone-700">
          <p>
            <bdi>{organisation.name}</bdi> · {t.footer} ·{" "}
            <Link href="/v/feed.json" className="underline">{t.feed}</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
