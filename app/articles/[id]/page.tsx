import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireActor } from "@/server/auth/guard";
import { currentActor } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { articleTitle, getArticle } from "@/server/articles/get-article";
import { listTeam } from "@/server/users/list-users";
import { articlePageCaptureId } from "@/server/archive/list-captures";
import { isAppError } from "@/lib/errors";
import { AppHeader } from "@/components/AppHeader";
import { Workspace } from "@/components/workspace/Workspace";
import type { Block } from "@/lib/article-text";
import { canViewArticle } from "@/lib/policies";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: (await articleTitle(getDb(), await currentActor(), id)) ?? (await getTranslations("workspace"))("tabArticle") };
}

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string | string[] }> }) {
  const { id } = await params;
  const claim = (await searchParams).claim;
  const initialClaimId = typeof claim === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(claim) ? claim : null;
  // A search result link survives sign-in: come back to the same claim.
  const actor = await requireActor(`/articles/${encodeURIComponent(id)}${initialClaimId ? `?claim=${encodeURIComponent(initialClaimId)}` : ""}`);
  if (!canViewArticle(actor)) notFound();
  const db = getDb();
  const article = await getArticle({ db, actor, articleId: id }).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const tp = await getTranslations("people");
  const team = (await listTeam({ db, actor })).map((m) => ({ id: m.id, name: m.name ?? tp("unnamed"), active: m.active }));
  const pageCaptureId = await articlePageCaptureId({ db, actor, articleId: article.id });
  // On a wide screen the page is exactly the viewport: the header stays, the columns scroll.
  return (
    <div className="lg:flex lg:h-dvh lg:flex-col lg:overflow-hidden">
      <AppHeader actor={actor} />
      <Workspace
        actor={actor}
        initialClaimId={initialClaimId}
        team={team}
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
          pageCaptureId,
          publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 10) : null,
        }}
      />
    </div>
  );
}
