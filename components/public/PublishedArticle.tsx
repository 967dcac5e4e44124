import Link from "next/link";
import type { PublicationSnapshot } from "@/lib/publication/snapshot";
import { CorrectionLog, type VersionEntry } from "./CorrectionLog";
import { formatDate, labelsFor, serifClass } from "./labels";
import { PublishedClaim } from "./PublishedClaim";
import { SafeLink } from "./SafeLink";
import { VerdictBadge } from "./VerdictBadge";

/**
 * A published fact-check (one version of it): headline, outlet and original link, a summary
 * of verdicts, each claim in context, and the correction log. Renders only the snapshot.
 */
export function PublishedArticle({ snapshot, versions, latestVersion }: { snapshot: PublicationSnapshot; versions: VersionEntry[]; latestVersion: number }) {
  const { article } = snapshot;
  const t = labelsFor(article.language);
  const serif = serifClass(article.language);
  const slug = article.slug;
  const isOld = snapshot.version !== latestVersion;
  const claimHref = (id: string) => `/v/${encodeURIComponent(slug)}/claims/${encodeURIComponent(id)}`;
  return (
    <main lang={article.language} dir={article.direction} className="mx-auto max-w-3xl px-5 py-10" data-testid="public-article">
      {isOld && (
        <div className="mb-8 border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="note" data-testid="old-version-banner">
          {t.oldVersion(snapshot.version, latestVersion)}{" "}
          <Link href={`/v/${encodeURIComponent(slug)}`} className="font-semibold underline">{t.readCurrent}</Link>
        </div>
      )}
      <p className="text-xs font-semibold uppercase tracking-widest text-red-800">{t.factCheck}</p>
      <h1 className={`mt-2 ${serif} text-4xl leading-tight text-stone-950`}>{article.title}</h1>
      <p className="mt-4 text-stone-700">
        {article.outlet && (
          <>
            {t.publishedIn} <bdi className="font-semibold">{article.outlet}</bdi>
          </>
        )}
        {article.publishedAt && (
          <span className="text-stone-600">{article.outlet ? t.comma : `${t.originalPublished}: `}<bdi><time dateTime={article.publishedAt}>{formatDate(article.publishedAt, article.language)}</time></bdi></span>
        )}
        {article.sourceUrl && (
          <>
            {" · "}
            <SafeLink href={article.sourceUrl} className="text-sky-800 underline underline-offset-2" >{t.originalArticle} ↗</SafeLink>
          </>
        )}
      </p>
      <p className="mt-2 text-sm text-stone-600">
        {t.publishedBy} <bdi>{snapshot.organisation.name}</bdi> · <bdi data-testid="byline-date"><time dateTime={snapshot.publishedAt}>{formatDate(snapshot.publishedAt, article.language)}</time></bdi>
        {" · "}{t.version} {snapshot.version}
      </p>

      <section className="mt-8 border-y border-stone-300 bg-white px-5 py-5" aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="text-sm font-semibold uppercase tracking-widest text-stone-600">{t.claimsChecked(snapshot.claims.length)}</h2>
        <ul className="mt-3 grid grid-cols-[max-content_1fr] items-baseline gap-x-3 gap-y-2">
          {snapshot.claims.map((c) => (
            <li key={c.id} className="contents">
              <span><VerdictBadge verdict={c.verdict} label={c.verdictLabel} /></span>
              <a href={`#claim-${c.id}`} dir="auto" className="text-stone-800 hover:underline">{c.statement ?? c.claimText}</a>
            </li>
          ))}
        </ul>
      </section>

      <div className="mt-4">
        {snapshot.claims.map((c) => (
          <PublishedClaim key={c.id} snapshot={snapshot} claim={c} claimHref={isOld ? undefined : claimHref(c.id)} />
        ))}
      </div>

      <CorrectionLog slug={slug} versions={versions} language={article.language} current={snapshot.version} />
    </main>
  );
}
