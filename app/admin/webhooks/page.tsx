import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { listWebhooks } from "@/server/webhooks/list-webhooks";
import { AppHeader } from "@/components/AppHeader";
import { WebhookAdmin } from "@/components/WebhookAdmin";
import { canManageUsers } from "@/lib/policies";

export const dynamic = "force-dynamic";

const labels = {
  title: "Webhooks",
  intro: "Sanad POSTs a signed JSON event to each URL when an article is imported, a claim approved, or an article published, corrected or retracted. Failed deliveries are retried with growing delays; private and local addresses are refused unless the operator allows them (SANAD_FETCH_ALLOW).",
};

export default async function WebhooksPage() {
  const actor = await requireActor("/admin/webhooks");
  if (!canManageUsers(actor)) notFound();
  const webhooks = await listWebhooks({ db: getDb(), actor });
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-4xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{labels.title}</h1>
        <p className="mt-1 text-sm text-slate-600">{labels.intro}</p>
        <WebhookAdmin webhooks={webhooks} />
      </main>
    </>
  );
}
