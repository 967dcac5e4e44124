import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { markNotificationsRead } from "@/server/notifications/mark-read";

export const dynamic = "force-dynamic";

/** POST /api/notifications/read { ids: [...] } or { all: true } — mark one's own notifications read. */
export const POST = authed(async (req, actor) => NextResponse.json(await markNotificationsRead({ db: getDb(), actor, input: await readJson(req, 10_000) })));
