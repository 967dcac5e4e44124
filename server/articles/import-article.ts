import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { parseArticleText } from "../../lib/article-text";
import { AppError } from "../../lib/errors";
import { parseInput } from "../../lib/validation";
import { canImportArticle, type Actor } from "../../lib/policies";
import { indexArticle } from "../search/index-claims";
import { emitEvent } from "../webhooks/emit-event";

export const ZImportArticleInput = z.object({
  text: z.string().min(1, "paste the article text").max(500_000, "the article is longer than 500,000 characters"),
  /** When true, line 1 of text is the headline and line 2 the outlet. */
  header: z.boolean().default(false),
  title: z.string().trim().max(500).optional(),
  outlet: z.string().trim().max(200).optional(),
  sourceUrl: z.string().trim().max(2000).url().refine((u) => /^https?:\/\//i.test(u), "only http(s) links").optional().or(z.literal("").transform(() => undefined)),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD").optional().or(z.literal("").transform(() => undefined)),
  language: z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/).optional(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/).optional(),
});
export type TImportArticleInput = z.input<typeof ZImportArticleInput>;

function slugFrom(title: string): string {
  const ascii = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  const suffix = randomBytes(3).toString("hex");
  return ascii.length >= 8 ? `${ascii}-${suffix}` : `article-${randomBytes(5).toString("hex")}`;
}

/**
 * Import an article: parse, detect language and direction, keep headings and paragraphs,
 * drop page furniture, store the immutable body. With an explicit slug that already exists,
 * the existing article is returned untouched (idempotent seeding).
 */
export async function importArticle(options: {
  db: Db;
  /** The signed-in person importing, or "seed" for the demo/seed step (no policy to check). */
  actor: Actor | "seed";
  /** Untrusted input, validated here. */
  input: unknown;
}) {
  const { db, actor } = options;
  if (actor !== "seed" && !canImportArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can import articles.");
  const input = parseInput(ZImportArticleInput, options.input);
  if (input.slug) {
    const existing = await db.article.findUnique({ where: { slug: input.slug } });
    if (existing) return existing;
  }
  let parsed;
  try {
    parsed = parseArticleText(input.text, { header: input.header, title: input.title, outlet: input.outlet, language: input.language });
  } catch (e) {
    throw new AppError("INVALID_INPUT", (e as Error).message);
  }
  const article = await db.article.create({
    data: {
      slug: input.slug ?? slugFrom(parsed.title),
      title: parsed.title,
      body: parsed.body,
      blocks: parsed.blocks as unknown as object,
      language: parsed.language,
      direction: parsed.direction,
      outlet: parsed.outlet,
      sourceUrl: input.sourceUrl ?? null,
      publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
      createdById: actor === "seed" ? null : actor.id,
    },
  });
  await indexArticle(db, article);
  if (actor !== "seed") {
    await emitEvent(db, "article.imported", {
      article: { id: article.id, slug: article.slug, title: article.title, language: article.language, outlet: article.outlet, sourceUrl: article.sourceUrl },
      actor: { id: actor.id, name: actor.name },
    });
  }
  return article;
}
