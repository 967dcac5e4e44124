import { z } from "zod";
import type { Db } from "../db/client";
import { TOKEN_SCOPE_CHOICES } from "../../lib/api-tokens";
import { AppError } from "../../lib/errors";
import { canEditArticle, canViewArticle, type Actor } from "../../lib/policies";
import { parseInput } from "../../lib/validation";
import { generateToken } from "./token-secret";

/** A person may hold at most this many live tokens (a leaked session cannot mint thousands). */
export const MAX_TOKENS_PER_USER = 20;

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1, "name the token (what will use it?)").max(100, "the name is longer than 100 characters"),
  scopes: z.enum(TOKEN_SCOPE_CHOICES).default("read"),
}).strict();
export type TCreateApiTokenInput = z.input<typeof ZCreateApiTokenInput>;

/**
 * Create a personal API token for the actor. The secret is returned once and only its SHA-256
 * is stored. Write scope needs a role that can write at all (editor or above); a viewer gets
 * read tokens only — and whatever the scope, each request is checked against the role the
 * person has at that moment.
 */
export async function createApiToken(options: { db: Db; actor: Actor; input: unknown }) {
  const { db, actor } = options;
  if (!canViewArticle(actor)) throw new AppError("FORBIDDEN", "No access.");
  const input = parseInput(ZCreateApiTokenInput, options.input);
  if (input.scopes !== "read" && !canEditArticle(actor)) throw new AppError("FORBIDDEN", "Viewers can create read-only tokens only.");
  const live = await db.apiToken.count({ where: { userId: actor.id, revokedAt: null } });
  if (live >= MAX_TOKENS_PER_USER) throw new AppError("CONFLICT", `You already have ${MAX_TOKENS_PER_USER} tokens; revoke one first.`).withReason("tokenLimit", { max: MAX_TOKENS_PER_USER });
  const { token, prefix, tokenHash } = generateToken();
  const row = await db.apiToken.create({ data: { userId: actor.id, name: input.name, scopes: input.scopes, prefix, tokenHash } });
  return { token, id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, createdAt: row.createdAt.toISOString() };
}
