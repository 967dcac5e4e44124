import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listWebhooks } from "@/server/webhooks/list-webhooks";
import { AppHeader } from "@/components/AppHeader";
import { WebhookAdmin } from "@/components/WebhookAdmin";
import { canManageUsers } from "@/lib/policies";

export const dynamic = "force-dynamic";

export default async function WebhooksPage() {
  const actor = await requireActor("/admin/webhooks");
  const t = await getTranslations("webhooks");
  if (!canManageUsers(actor)) notFound();
  const webhooks = await listWebhooks({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t.rich("intro", { setting: (chunks) => <bdi><code dir="ltr">{chunks}</code></bdi> })}</p>
        <WebhookAdmin webhooks={webhooks} />
      </main>
    </>
  );
}
