import { labelsFor } from "@/components/public/labels";

/** A public address with nothing published: said in both languages (the article is unknown). */
export default function PublicNotFound() {
  return (
    <main className="mx-auto max-w-3xl px-5 py-16" data-testid="public-not-found">
      {(["ar", "en"] as const).map((language) => {
        const t = labelsFor(language);
        return (
          <section key={language} lang={language} dir={language === "ar" ? "rtl" : "ltr"} className="mb-8">
            <h1 className="text-2xl font-semibold">{t.notFound}</h1>
            <p className="mt-2 text-stone-700">{t.notFoundBody}</p>
          </section>
        );
      })}
    </main>
  );
}
