import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { setNotificationSettings } from "@/server/notifications/set-notification-settings";

export const dynamic = "force-dynamic";

/** PUT /api/notifications/settings { email: boolean } — switch one's own notification e-mail on or off. */
export const PUT = authed(async (req, actor) => NextResponse.json(await setNotificationSettings({ db: getDb(), actor, input: await readJson(req, 1_000) })));
