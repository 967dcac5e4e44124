import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listApiTokens } from "@/server/api/list-api-tokens";
import { AppHeader } from "@/components/AppHeader";
import { ApiTokens } from "@/components/ApiTokens";
import { canEditArticle } from "@/lib/policies";

export const dynamic = "force-dynamic";

const labels = {
  title: "API tokens",
  intro: "Personal tokens let scripts use the Sanad API (/api/v1, described at /api/v1/openapi.json) as you. A token never does more than your current role allows; revoke it when it is no longer needed.",
};

export default async function TokensPage() {
  const actor = await requireActor("/settings/tokens");
  const tokens = await listApiTokens({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{labels.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{labels.intro}</p>
        <ApiTokens tokens={tokens} canWrite={canEditArticle(actor)} />
      </main>
    </>
  );
}
