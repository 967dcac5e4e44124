import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/public/JsonLd";
import { labelsFor } from "@/components/public/labels";
import { PublishedClaim } from "@/components/public/PublishedClaim";
import { RetractionNotice } from "@/components/public/RetractionNotice";
import { SafeLink } from "@/components/public/SafeLink";
import { getPublicClaim, parseClaimId, parseSlug, publicMetadata, publicPaths } from "../../../public-data";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): Array<{ slug: string; claimId: string }> {
  return [];
}

type Props = { params: Promise<{ slug: string; claimId: string }> };

async function load(params: Props["params"]) {
  const p = await params;
  const slug = parseSlug(p.slug);
  const claimId = parseClaimId(p.claimId);
  return slug && claimId ? { slug, claimId, view: await getPublicClaim(slug, claimId) } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded?.view) return publicMetadata(null, "/v");
  const { slug, claimId, view } = loaded;
  if (view.state === "retracted") return publicMetadata(view.view, publicPaths.claim(slug, claimId));
  const t = labelsFor(view.view.snapshot.article.language);
  return publicMetadata(view.view, publicPaths.claim(slug, claimId), {
    title: `${t.factCheck}: “${(view.claim.statement ?? view.claim.claimText).slice(0, 120)}” — ${view.claim.verdictLabel}`,
    description: (view.claim.rationale.trim() || view.view.snapshot.article.title).replace(/\s+/g, " ").slice(0, 300),
  });
}

/** /v/<slug>/claims/<claimId>: one claim, with exactly one ClaimReview JSON-LD. */
export default async function PublicClaimPage({ params }: Props) {
  const loaded = await load(params);
  if (!loaded?.view) notFound();
  const { slug, view } = loaded;
  if (view.state === "retracted") return <RetractionNotice notice={view.view.notice} versions={view.view.versions} />;
  const { snapshot } = view.view;
  const { article } = snapshot;
  const t = labelsFor(article.language);
  return (
    <main lang={article.language} dir={article.direction} className="mx-auto max-w-3xl px-5 py-10" data-testid="public-claim">
      {view.claimReview && <JsonLd data={view.claimReview} />}
      <p className="text-sm">
        <Link href={publicPaths.article(slug)} className="tap-target text-sky-800 underline underline-offset-2"><span className="inline-block rtl:-scale-x-100" aria-hidden="true">←</span> {t.backToArticle}</Link>
      </p>
      <p className="mt-6 text-xs font-semibold uppercase tracking-widest text-red-800">{t.factCheck}</p>
      <p className="mt-1 text-stone-700">
        <span className="font-medium">{article.title}</span>
        {article.outlet && <> — <bdi>{article.outlet}</bdi></>}
        {article.sourceUrl && <> · <SafeLink href={article.sourceUrl} className="text-sky-800 underline">{t.originalArticle} ↗</SafeLink></>}
      </p>
      <div className="mt-4">
        <PublishedClaim snapshot={snapshot} claim={view.claim} headingLevel={2} />
      </div>
    </main>
  );
}
