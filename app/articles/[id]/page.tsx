import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { getDb } from "@/server/db/client";
import { AppHeader } from "@/components/AppHeader";
import { Workspace } from "@/components/workspace/Workspace";
import type { Block } from "@/lib/article-text";
import { canViewArticle } from "@/lib/policies";

export const dynamic = "force-dynamic";

async function loadArticle(id: string) {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return getDb().article.findUnique({ where: { id } });
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const article = await loadArticle(id);
  return { title: article ? article.title : (await getTranslations("workspace"))("tabArticle") };
}

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const claimParam = (await searchParams).claim;
  const initialClaimId = typeof claimParam === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(claimParam) ? claimParam : null;
  const actor = await requireActor(`/articles/${encodeURIComponent(id)}`);
  if (!canViewArticle(actor)) notFound();
  const article = await loadArticle(id);
  if (!article) notFound();
  const team = await getDb().user.findMany({ where: { role: { in: ["editor", "reviewer", "admin"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const unnamed = (await getTranslations("claims"))("aTeammate");
  // On a wide screen the page is exactly the viewport: the header stays, the columns scroll.
  return (
    <div className="lg:flex lg:h-dvh lg:flex-col lg:overflow-hidden">
      <AppHeader actor={actor} />
      <Workspace
        actor={actor}
        initialClaimId={initialClaimId}
        team={team.map((u) => ({ id: u.id, name: u.name ?? unnamed }))}
        article={{
          id: article.id,
          slug: article.slug,
          title: article.title,
          body: article.body,
          blocks: article.blocks as unknown as Block[],
          language: article.language,
          direction: article.direction === "rtl" ? "rtl" : "ltr",
          outlet: article.outlet,
          sourceUrl: article.sourceUrl,
          publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
        }}
      />
    </div>
  );
}
