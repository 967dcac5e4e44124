import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { deleteWebhook } from "@/server/webhooks/delete-webhook";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** DELETE /api/webhooks/{id} — admins; removes the webhook and its queued deliveries. */
export const DELETE = authed<Ctx>(async (_req, actor, ctx) => {
  const { id } = await ctx.params;
  await deleteWebhook({ db: getDb(), actor, webhookId: id });
  return new NextResponse(null, { status: 204 });
});
