import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedArticle } from "@/components/public/PublishedArticle";
import { RetractionNotice } from "@/components/public/RetractionNotice";
import { getPublicArticle, parseSlug, publicMetadata, publicPaths } from "../public-data";

// Static, cached, and revalidated by the publish/retract routes (revalidatePath).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = parseSlug((await params).slug);
  const view = slug ? await getPublicArticle(slug) : null;
  return publicMetadata(view, slug ? publicPaths.article(slug) : "/v");
}

/** /v/<slug>: the latest published version of a fact-check, or its retraction notice. */
export default async function PublicArticlePage({ params }: Props) {
  const slug = parseSlug((await params).slug);
  const view = slug ? await getPublicArticle(slug) : null;
  if (!view) notFound();
  if (view.state === "retracted") return <RetractionNotice notice={view.notice} versions={view.versions} />;
  return <PublishedArticle snapshot={view.snapshot} versions={view.versions} latestVersion={view.latestVersion} />;
}
