import { getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { AppHeader } from "@/components/AppHeader";
import { ImportArticleForm } from "@/components/ImportArticleForm";
import { ImportFromUrlForm } from "@/components/ImportFromUrlForm";
import { canImportArticle } from "@/lib/policies";

export const dynamic = "force-dynamic";

export default async function NewArticlePage() {
  const actor = await requireActor("/articles/new");
  const t = await getTranslations("import");
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canImportArticle(actor) ? (
          <>
            <section aria-labelledby="import-url" className="mt-6">
              <h2 id="import-url" className="text-lg font-semibold">{t("fromUrl")}</h2>
              <ImportFromUrlForm />
            </section>
            <section aria-labelledby="import-text" className="mt-10 border-t border-slate-200 pt-6">
              <h2 id="import-text" className="text-lg font-semibold">{t("fromText")}</h2>
              <ImportArticleForm />
            </section>
          </>
        ) : (
          <p className="mt-4 text-slate-600">{t("editorsOnly")}</p>
        )}
      </main>
    </>
  );
}
