import { NextResponse } from "next/server";
import { z } from "zod";
import { parseInput } from "@/lib/validation";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { listNotifications } from "@/server/notifications/list-notifications";

export const dynamic = "force-dynamic";

const Query = z.object({ before: z.string().min(1).max(64).optional() });

/**
 * GET /api/notifications[?before=<id>] — the signed-in person's notifications, newest first, a
 * page at a time (`hasMore`), and their unread count.
 */
export const GET = authed(async (req, actor) => {
  const { before } = parseInput(Query, Object.fromEntries(new URL(req.url).searchParams), "query");
  return NextResponse.json(await listNotifications({ db: getDb(), actor, before }), { headers: { "cache-control": "no-store" } });
});
