import { z } from "zod";
import type { Db } from "../db/client";
import { AppError } from "../../lib/errors";
import { localeTag, parseLocaleTag } from "../../lib/i18n/locale";
import type { Actor } from "../../lib/policies";

export const ZSetUserLocaleInput = z.object({ locale: z.string().max(32) }).strict();
export type TSetUserLocaleInput = z.infer<typeof ZSetUserLocaleInput>;

/**
 * Save the signed-in person's interface language (and digits) on their own account. Anyone
 * may change their own and nobody else's; the tag is normalised ("AR" -> "ar").
 * Returns the canonical tag.
 */
export async function setUserLocale(options: { db: Db; actor: Actor; input: unknown }): Promise<string> {
  const { db, actor } = options;
  const { locale } = ZSetUserLocaleInput.parse(options.input);
  const choice = parseLocaleTag(locale);
  if (!choice) throw new AppError("INVALID_INPUT", `unsupported locale: ${locale}`);
  const tag = localeTag(choice);
  await db.user.update({ where: { id: actor.id }, data: { locale: tag } });
  return tag;
}
