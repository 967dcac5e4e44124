import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { listNotifications } from "@/server/notifications/list-notifications";

export const dynamic = "force-dynamic";

/** GET /api/notifications — the signed-in person's notifications, newest first, and their unread count. */
export const GET = authed(async (_req, actor) => NextResponse.json(await listNotifications({ db: getDb(), actor }), { headers: { "cache-control": "no-store" } }));
