"use client";
import type { Actor } from "@/lib/policies";
import { ArticleBody } from "./ArticleBody";
import { PresenceBar } from "./PresenceBar";
import { useCollab } from "./useCollab";
import type { TeamMember, WorkspaceArticle } from "./types";

export function Workspace({ article, actor }: { article: WorkspaceArticle; actor: Actor; team: TeamMember[] }) {
  const collab = useCollab(article.id, actor);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div dir={article.direction} lang={article.language} className="min-w-0">
          <h1 className="text-2xl font-semibold">{article.title}</h1>
          <p className="text-sm text-slate-500">{article.outlet}{article.publishedAt ? ` · ${article.publishedAt}` : ""}</p>
        </div>
        <PresenceBar peers={collab.peers} connection={collab.connection} />
      </div>
      {collab.fatal && <p role="alert" className="mt-4 rounded bg-red-50 p-3 text-red-800">{collab.fatal}</p>}
      <div className="mt-6 rounded-lg bg-white p-6 shadow-sm">
        <ArticleBody body={article.body} blocks={article.blocks} language={article.language} direction={article.direction} marks={[]} focusedId={null} />
      </div>
    </main>
  );
}
