import { PublicFrame } from "@/components/public/PublicFrame";
import { directionOf, languageOf } from "@/lib/i18n/locale";
import { organisation } from "@/server/publication/organisation";
import { getPublicArticle, parseSlug } from "../public-data";

/**
 * Public verdict pages: `<html lang dir>` of the ARTICLE (an Arabic fact-check is an Arabic
 * page whatever the reader's browser says), the organisation's masthead. Static: no cookies.
 */
export default async function PublicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const slug = parseSlug((await params).slug);
  const view = slug ? await getPublicArticle(slug) : null;
  const language = languageOf(view ? (view.state === "published" ? view.snapshot.article.language : view.notice.article.language) : "en");
  return (
    <html lang={language} dir={directionOf(language)}>
      <body className="min-h-screen font-sans">
        <PublicFrame organisation={organisation()} language={language}>{children}</PublicFrame>
      </body>
    </html>
  );
}
