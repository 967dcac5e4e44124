import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
  return { title: article ? article.title : "Article" };
}

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/articles/${encodeURIComponent(id)}`);
  if (!canViewArticle(actor)) notFound();
  const article = await loadArticle(id);
  if (!article) notFound();
  const pageCapture = await getDb().pageCapture.findFirst({ where: { articleId: article.id, sourceId: null }, orderBy: { fetchedAt: "desc" }, select: { id: true } });
  const team = await getDb().user.findMany({ where: { role: { in: ["editor", "reviewer", "admin"] } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return (
    <>
      <AppHeader actor={actor} />
      <Workspace
        actor={actor}
        team={team.map((u) => ({ id: u.id, name: u.name ?? "Unnamed" }))}
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
          author: article.author,
          pageCaptureId: pageCapture?.id ?? null,
          publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
        }}
      />
    </>
  );
}
