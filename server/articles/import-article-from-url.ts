import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError, isAppError } from "../../lib/errors";
import { canImportArticle, type Actor } from "../../lib/policies";
import { captureOf, packBody } from "../archive/page-capture";
import { checkFetchUrl, HTML_TYPES, safeFetch, type SafeFetchOptions } from "../fetch/safe-fetch";
import { canonicalUrlOf, normaliseUrl } from "./canonical-url";
import { extractArticleOffLoop } from "../extract/extract-pool";

export const ZImportUrlInput = z.object({
  url: z.string().trim().min(1, "give the article's link").max(2000, "the link is longer than 2,000 characters"),
});

/** What an import by URL produced: the article (new or already imported) or a job still running. */
export type UrlImportOutcome =
  | { kind: "done"; article: ImportedArticle; existing: boolean }
  | { kind: "pending"; jobId: string };

export interface ImportedArticle {
  id: string;
  slug: string;
  title: string;
  language: string;
  direction: string;
}

/** Overrides for tests (short time caps); production uses safe-fetch's defaults. */
export interface UrlImportOptions {
  db: Db;
  actor: Actor;
  url: string;
  /** How long the request waits for the fetch before answering 202 (ms). */
  waitMs?: number;
  fetch?: Pick<SafeFetchOptions, "timeoutMs" | "maxBytes" | "allow">;
}

const select = { id: true, slug: true, title: true, language: true, direction: true } as const;

function slugFrom(title: string): string {
  const ascii = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return ascii.length >= 8 ? `${ascii}-${randomBytes(3).toString("hex")}` : `article-${randomBytes(5).toString("hex")}`;
}

async function findByUrl(db: Db, canonical: string): Promise<ImportedArticle | null> {
  return db.article.findUnique({ where: { canonicalUrl: canonical }, select });
}

/** Fetch, extract, store article + capture. Updates the job's status as it goes. */
async function runImport(opts: UrlImportOptions, jobId: string): Promise<{ article: ImportedArticle; existing: boolean }> {
  const { db, actor } = opts;
  let lastReport = 0;
  const fetched = await safeFetch({
    url: opts.url,
    accept: HTML_TYPES,
    ...opts.fetch,
    onProgress: ({ bytes }) => {
      // progress for the UI, at most every 64 KB so a big page does not hammer the database
      if (bytes - lastReport < 64 * 1024) return;
      lastReport = bytes;
      void db.importJob.update({ where: { id: jobId }, data: { bytes } }).catch(() => {});
    },
  });
  await db.importJob.update({ where: { id: jobId }, data: { status: "extracting", bytes: fetched.body.length } });
  let extracted;
  try {
    extracted = await extractArticleOffLoop(fetched.body, { httpCharset: fetched.charset, url: fetched.finalUrl });
  } catch (e) {
    if (isAppError(e)) throw e;
    throw new AppError("INVALID_INPUT", `the page could not be read as an article: ${(e as Error).message}`).withReason("notAnArticle");
  }
  const canonical = canonicalUrlOf(extracted.metadata.canonicalUrl, fetched.finalUrl);
  const already = await findByUrl(db, canonical);
  if (already) return { article: already, existing: true };
  const { article: parsed, metadata } = extracted;
  const gz = await packBody(fetched.body);
  try {
    const article = await db.$transaction(async (tx) => {
      const created = await tx.article.create({
        data: {
          slug: slugFrom(parsed.title),
          title: parsed.title.slice(0, 500),
          body: parsed.body,
          blocks: parsed.blocks as unknown as object,
          language: parsed.language,
          direction: parsed.direction,
          outlet: parsed.outlet?.slice(0, 200) ?? null,
          author: metadata.author?.slice(0, 200) ?? null,
          sourceUrl: canonical,
          canonicalUrl: canonical,
          publishedAt: metadata.publishedDate ? new Date(`${metadata.publishedDate}T00:00:00Z`) : null,
          createdById: actor.id,
        },
        select,
      });
      await tx.pageCapture.create({
        data: captureOf(fetched, gz, { articleId: created.id, encoding: extracted.encoding, text: parsed.body, title: parsed.title, createdById: actor.id }),
      });
      return created;
    });
    return { article, existing: false };
  } catch (e) {
    // two imports of the same page at once: the unique canonicalUrl let one win; open it
    const winner = await findByUrl(db, canonical);
    if (winner) return { article: winner, existing: true };
    throw e;
  }
}

/**
 * Import an article from a URL (editors). An article already imported from the same
 * (normalised) URL is returned as existing without fetching. Otherwise the fetch runs off the
 * request path as an ImportJob; when it finishes within `waitMs` the outcome is "done",
 * else "pending" and the caller polls the job (readImportJob).
 */
export async function importArticleFromUrl(opts: UrlImportOptions): Promise<UrlImportOutcome> {
  const { db, actor } = opts;
  if (!canImportArticle(actor)) throw new AppError("FORBIDDEN", "Only editors can import articles.");
  const { url } = ZImportUrlInput.parse({ url: opts.url });
  const checked = checkFetchUrl(url);
  const normalised = normaliseUrl(checked.toString()) ?? checked.toString();
  const known = await findByUrl(db, normalised);
  if (known) return { kind: "done", article: known, existing: true };

  const job = await db.importJob.create({ data: { url: checked.toString(), status: "fetching", createdById: actor.id } });
  const work = runImport({ ...opts, url: checked.toString() }, job.id).then(
    async (r) => {
      await db.importJob.update({ where: { id: job.id }, data: { status: "done", articleId: r.article.id, existing: r.existing } });
      return r;
    },
    async (e: unknown) => {
      const app = isAppError(e) ? e : new AppError("INTERNAL", "the import failed on the server");
      if (!isAppError(e)) console.error("[sanad] import by URL failed", e);
      await db.importJob.update({ where: { id: job.id }, data: { status: "failed", error: app.message, errorCode: app.code } }).catch(() => {});
      throw app;
    },
  );
  // Nobody may be waiting when it fails later (the request answered 202): never unhandled.
  work.catch(() => {});
  const waitMs = opts.waitMs ?? 4000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"pending">((resolve) => {
    timer = setTimeout(() => resolve("pending"), waitMs);
  });
  try {
    const r = await Promise.race([work, timeout]);
    if (r === "pending") return { kind: "pending", jobId: job.id };
    return { kind: "done", article: r.article, existing: r.existing };
  } finally {
    clearTimeout(timer);
  }
}
