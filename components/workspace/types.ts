import type { Block } from "@/lib/article-text";

export interface WorkspaceArticle {
  id: string;
  slug: string;
  title: string;
  body: string;
  blocks: Block[];
  language: string;
  direction: "rtl" | "ltr";
  outlet: string | null;
  sourceUrl: string | null;
  /** Author named by the fetched page (imports by URL). */
  author?: string | null;
  /** The archived copy of the page the article was imported from, if it was fetched. */
  pageCaptureId?: string | null;
  publishedAt: string | null;
}

export interface TeamMember {
  id: string;
  name: string;
  /** False for a deactivated account: still names past work, never offered for assignment or mention. */
  active?: boolean;
}
