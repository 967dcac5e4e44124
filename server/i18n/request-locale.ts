import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { LOCALE_COOKIE, localeTag, negotiateLanguage, parseLocaleTag, type LocaleChoice } from "../../lib/i18n/locale";
import { currentActor } from "../auth/session";
import { getDb } from "../db/client";

/**
 * The interface locale of this request: the signed-in person's saved choice, else the
 * `sanad-locale` cookie (set by the switcher, also before sign-in), else Accept-Language,
 * else English. Once per request (React cache).
 */
export const requestLocale = cache(async (): Promise<LocaleChoice> => {
  const actor = await currentActor().catch(() => null);
  if (actor) {
    const row = await getDb().user.findUnique({ where: { id: actor.id }, select: { locale: true } });
    const saved = parseLocaleTag(row?.locale);
    if (saved) return saved;
  }
  const jar = await cookies();
  const fromCookie = parseLocaleTag(jar.get(LOCALE_COOKIE)?.value);
  if (fromCookie) return fromCookie;
  const negotiated = negotiateLanguage((await headers()).get("accept-language"));
  return { language: negotiated ?? "en", numerals: "latn" };
});

/** Cookie attributes for the locale cookie: a year, whole site, readable by the server only. */
export function localeCookie(choice: LocaleChoice) {
  return { name: LOCALE_COOKIE, value: localeTag(choice), path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" as const, httpOnly: true };
}
