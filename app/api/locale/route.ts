import { NextResponse } from "next/server";
import { parseLocaleTag } from "@/lib/i18n/locale";
import { AppError } from "@/lib/errors";
import { currentActor } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { errorResponse, readJson, sameOriginRequest } from "@/server/http/route";
import { localeCookie } from "@/server/i18n/request-locale";
import { setUserLocale, ZSetUserLocaleInput } from "@/server/users/set-user-locale";

export const dynamic = "force-dynamic";

/**
 * POST /api/locale { locale } — the interface language. Signed in: saved on the account (and
 * the cookie, so the sign-in page after sign-out matches). Signed out: the cookie only.
 * Same-origin and JSON only.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    // Same check as every authed route: a cross-site page cannot switch someone's language.
    if (!sameOriginRequest(req)) throw new AppError("FORBIDDEN", "cross-site request refused");
    const input = await readJson(req, 1_000);
    const actor = await currentActor();
    let tag: string;
    if (actor) tag = await setUserLocale({ db: getDb(), actor, input });
    else {
      const { locale } = ZSetUserLocaleInput.parse(input);
      if (!parseLocaleTag(locale)) throw new AppError("INVALID_INPUT", `unsupported locale: ${locale}`);
      tag = locale;
    }
    const choice = parseLocaleTag(tag)!;
    const res = NextResponse.json({ locale: tag });
    res.cookies.set(localeCookie(choice));
    return res;
  } catch (e) {
    return errorResponse(e);
  }
}
