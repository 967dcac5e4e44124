import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { createWebhook } from "@/server/webhooks/create-webhook";

export const dynamic = "force-dynamic";

/** POST /api/webhooks { url, events[] } — admins; 201 with the signing secret, shown this once. */
export const POST = authed(async (req, actor) => {
  const created = await createWebhook({ db: getDb(), actor, input: await readJson(req, 5_000) });
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
