import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedArticle } from "@/components/public/PublishedArticle";
import { RetractionNotice } from "@/components/public/RetractionNotice";
import { getPublicArticle, parseSlug, parseVersion, publicMetadata, publicPaths } from "../../../public-data";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; version: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const slug = parseSlug(p.slug);
  const version = parseVersion(p.version);
  const view = slug && version ? await getPublicArticle(slug, version) : null;
  // Old versions point search engines at the current page.
  return { ...publicMetadata(view, slug ? publicPaths.article(slug) : "/v"), ...(view?.state === "published" && view.snapshot.version !== view.latestVersion ? { robots: { index: false } } : {}) };
}

/** /v/<slug>/versions/<n>: an earlier (or the current) version, kept reachable after corrections. */
export default async function PublicVersionPage({ params }: Props) {
  const p = await params;
  const slug = parseSlug(p.slug);
  const version = parseVersion(p.version);
  const view = slug && version ? await getPublicArticle(slug, version) : null;
  if (!view) notFound();
  if (view.state === "retracted") return <RetractionNotice notice={view.notice} versions={view.versions} />;
  return <PublishedArticle snapshot={view.snapshot} versions={view.versions} latestVersion={view.latestVersion} />;
}
