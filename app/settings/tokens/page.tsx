import { getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listApiTokens } from "@/server/api/list-api-tokens";
import { AppHeader } from "@/components/AppHeader";
import { ApiTokens } from "@/components/ApiTokens";
import { canEditArticle } from "@/lib/policies";

export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const actor = await requireActor("/settings/tokens");
  const t = await getTranslations("apiTokens");
  const tokens = await listApiTokens({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        <ApiTokens tokens={tokens} canWrite={canEditArticle(actor)} />
      </main>
    </>
  );
}
