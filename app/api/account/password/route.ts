import { NextResponse } from "next/server";
import { authed, readJson, requestAddress } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { changeOwnPassword } from "@/server/accounts/change-own-password";
import { reissuedSessionCookie } from "@/server/auth/reissue-session";

export const dynamic = "force-dynamic";

/**
 * POST /api/account/password { currentPassword, newPassword } — every session of the person
 * ends; this browser gets a re-issued cookie with the new session version and stays signed in.
 */
export const POST = authed(async (req, actor) => {
  const { sessionVersion } = await changeOwnPassword({ db: getDb(), actor, input: await readJson(req, 10_000), address: requestAddress(req) });
  const cookie = await reissuedSessionCookie(req, sessionVersion);
  const res = NextResponse.json({ changed: true, sessionKept: !!cookie });
  if (cookie) res.cookies.set(cookie.name, cookie.value, cookie.options);
  return res;
});
