import { cache } from "react";
import type { Metadata } from "next";
import { z } from "zod";
import { getDb } from "@/server/db/client";
import { organisation, publicBaseUrl, publicPaths } from "@/server/publication/organisation";
import { loadPublicArticle, loadPublicClaim, type PublicArticleView } from "@/server/publication/public-pages";
import { labelsFor } from "@/components/public/labels";

/**
 * Data and metadata helpers of the public pages. Loads are memoised per request (React
 * cache) so generateMetadata and the page share one query. Nothing here reads cookies or
 * headers: the pages stay statically rendered and are revalidated on publish.
 */
const ZSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/);
const ZClaimId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const ZVersion = z.coerce.number().int().min(1).max(100_000);

/** A path segment decoded once more (a link may escape a slug's characters); a malformed escape is no value, not a 500. */
function decodeSegment(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}

export const parseSlug = (v: string) => ZSlug.safeParse(decodeSegment(v)).data ?? null;
export const parseClaimId = (v: string) => ZClaimId.safeParse(decodeSegment(v)).data ?? null;
export const parseVersion = (v: string) => ZVersion.safeParse(v).data ?? null;

export const getPublicArticle = cache(async (slug: string, version?: number) => loadPublicArticle(getDb(), slug, version));
export const getPublicClaim = cache(async (slug: string, claimId: string) => loadPublicClaim(getDb(), slug, claimId));

function localeOf(language: string): string {
  return language.toLowerCase().startsWith("ar") ? "ar_AR" : language.toLowerCase().startsWith("en") ? "en_GB" : language;
}

function summaryOf(view: Extract<PublicArticleView, { state: "published" }>): string {
  const { snapshot } = view;
  const t = labelsFor(snapshot.article.language);
  const counts = new Map<string, number>();
  for (const c of snapshot.claims) counts.set(c.verdictLabel, (counts.get(c.verdictLabel) ?? 0) + 1);
  const verdicts = [...counts].map(([label, n]) => `${label} (${n})`).join(", ");
  return `${t.claimsChecked(snapshot.claims.length)}: ${verdicts}. ${snapshot.article.outlet ? `${snapshot.article.outlet} — ` : ""}${snapshot.article.title}`.slice(0, 300);
}

/** Open Graph and Twitter card metadata for a public page. */
export function publicMetadata(view: PublicArticleView | null, path: string, override?: { title?: string; description?: string }): Metadata {
  const org = organisation();
  const base: Metadata = { metadataBase: new URL(publicBaseUrl()), alternates: { canonical: path } };
  if (!view) return { ...base, title: { absolute: `Not found · ${org.name}` }, robots: { index: false } };
  if (view.state === "retracted") {
    const t = labelsFor(view.notice.article.language);
    const title = `${t.retracted}: ${view.notice.article.title}`;
    return {
      ...base,
      title: { absolute: `${title} · ${org.name}` },
      description: view.notice.note.slice(0, 300),
      openGraph: { type: "article", title, description: view.notice.note.slice(0, 300), url: path, siteName: org.name, locale: localeOf(view.notice.article.language) },
      twitter: { card: "summary", title, description: view.notice.note.slice(0, 200) },
    };
  }
  const { article } = view.snapshot;
  const t = labelsFor(article.language);
  const title = override?.title ?? `${t.factCheck}: ${article.title}`;
  const description = override?.description ?? summaryOf(view);
  const first = view.versions.find((v) => v.kind === "publish");
  return {
    ...base,
    title: { absolute: `${title} · ${org.name}` },
    description,
    openGraph: {
      type: "article", title, description, url: path, siteName: org.name, locale: localeOf(article.language),
      publishedTime: first?.publishedAt ?? view.snapshot.publishedAt, modifiedTime: view.snapshot.publishedAt,
    },
    twitter: { card: "summary", title, description: description.slice(0, 200) },
  };
}

export { publicPaths };
