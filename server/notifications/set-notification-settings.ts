import { z } from "zod";
import type { Db } from "../db/client";
import { parseInput } from "../../lib/validation";
import type { Actor } from "../../lib/policies";

export const ZNotificationSettingsInput = z.object({ email: z.boolean() }).strict();
export type TNotificationSettingsInput = z.infer<typeof ZNotificationSettingsInput>;

/** A person switches notification e-mail on or off for themselves (nobody else's). */
export async function setNotificationSettings(options: { db: Db; actor: Actor; input: unknown }): Promise<TNotificationSettingsInput> {
  const input = parseInput(ZNotificationSettingsInput, options.input);
  await options.db.notificationSetting.upsert({ where: { userId: options.actor.id }, create: { userId: options.actor.id, email: input.email }, update: { email: input.email } });
  return input;
}
