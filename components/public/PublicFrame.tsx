import Link from "next/link";

/** Masthead and footer of the public pages: the organisation's name, not the workspace. */
export function PublicFrame({ organisation, children }: { organisation: { name: string; url: string }; children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-[#fbfaf7] text-stone-900">
      <header className="border-b border-stone-300 bg-white">
        <div className="mx-auto flex max-w-3xl items-baseline justify-between px-5 py-4" dir="ltr">
          <a href={organisation.url} className="font-serif text-xl font-bold tracking-tight text-stone-900">{organisation.name}</a>
          <span className="text-xs uppercase tracking-widest text-stone-500">Fact check · تحقق</span>
        </div>
      </header>
      {children}
      <footer className="mt-16 border-t border-stone-300 bg-white">
        <div className="mx-auto max-w-3xl px-5 py-6 text-sm text-stone-600" dir="ltr">
          <p>
            {organisation.name} · verdicts reviewed by a second person before publication · corrections are logged on each page ·{" "}
            <Link href="/v/feed.json" className="underline">ClaimReview feed</Link>
          </p>
        </div>
      </footer>
    </div>
  );
}
