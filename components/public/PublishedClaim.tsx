import Link from "next/link";
import type { PublicationSnapshot, PublishedClaim as TPublishedClaim } from "@/lib/publication/snapshot";
import { BidiText } from "../BidiText";
import { ClaimInContext } from "./ClaimInContext";
import { formatDate, labelsFor, serifClass } from "./labels";
import { SafeLink } from "./SafeLink";
import { VerdictBadge } from "./VerdictBadge";

/**
 * One published claim: what is claimed, highlighted in the article's paragraph, the verdict,
 * the rationale, sources, and who reviewed it when. All user text rendered as text.
 */
export function PublishedClaim({ snapshot, claim, claimHref, headingLevel = 2 }: {
  snapshot: PublicationSnapshot;
  claim: TPublishedClaim;
  /** Link to the claim's own page; omitted on that page itself. */
  claimHref?: string;
  headingLevel?: 2 | 3;
}) {
  const { language } = snapshot.article;
  const t = labelsFor(language);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article id={`claim-${claim.id}`} data-testid="published-claim" className="scroll-mt-6 border-t border-stone-200 py-8 first:border-t-0">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-xs font-semibold uppercase tracking-widest text-stone-600">{t.claim}</span>
        <VerdictBadge verdict={claim.verdict} label={claim.verdictLabel} />
      </div>
      <Heading className={`mt-3 ${serifClass(language)} text-2xl leading-snug text-stone-900`} data-testid="claim-statement">
        {claim.statement ? <bdi>{claim.statement}</bdi> : <><span aria-hidden="true">{t.quoteOpen}</span>{claim.claimText}<span aria-hidden="true">{t.quoteClose}</span></>}
      </Heading>
      {claim.speaker && (
        <p className="mt-1 text-sm text-stone-600">
          {t.speaker}: <bdi className="font-medium text-stone-800">{claim.speaker}</bdi>
        </p>
      )}

      <div className="mt-5 border-s-4 border-stone-300 bg-stone-50 px-4 py-3 text-[0.95rem] leading-7 text-stone-700">
        <p className="mb-1 text-xs font-semibold uppercase tracking-widest text-stone-600">{t.inContext}</p>
        <ClaimInContext body={snapshot.article.body} anchor={claim.anchor} />
      </div>

      <section className="mt-6">
        <h4 className="text-sm font-semibold uppercase tracking-widest text-stone-600">{t.rationale}</h4>
        {claim.rationale.trim() ? (
          <div className="mt-2 space-y-3 text-[1.05rem] leading-8 text-stone-900">
            {claim.rationale.split(/\n{2,}/).map((para, i) => (
              <p key={i} className="whitespace-pre-line"><BidiText text={para} /></p>
            ))}
          </div>
        ) : (
          <p className="mt-2 text-stone-600">{t.noRationale}</p>
        )}
      </section>

      {claim.sources.length > 0 && (
        <section className="mt-6">
          <h4 className="text-sm font-semibold uppercase tracking-widest text-stone-600">{t.sources}</h4>
          <ol className="mt-2 list-decimal space-y-2 ps-6 text-stone-800">
            {claim.sources.map((s, i) => (
              <li key={i}>
                <SafeLink href={s.url} className="font-medium text-sky-800 underline decoration-sky-300 underline-offset-2 hover:decoration-sky-700">
                  <bdi>{s.title || s.url}</bdi>
                </SafeLink>
                {(s.publisher || s.date) && (
                  <span className="text-stone-600"> — {s.publisher && <bdi>{s.publisher}</bdi>}{s.publisher && s.date && t.comma}{s.date && <time dateTime={s.date} data-testid="source-date">{formatDate(s.date, language)}</time>}</span>
                )}
                {s.archivedUrl && (
                  <> · <SafeLink href={s.archivedUrl} className="text-sm text-stone-600 underline">{t.archived}</SafeLink></>
                )}
                {s.capture && (
                  <> · <Link href={`/v/${encodeURIComponent(snapshot.article.slug)}/archive/${encodeURIComponent(s.capture.id)}`} className="text-sm text-stone-600 underline" data-testid="public-archived-copy">{t.sanadCopy}</Link></>
                )}
                {s.note && <p dir="auto" className="text-sm text-stone-600"><BidiText text={s.note} /></p>}
              </li>
            ))}
          </ol>
        </section>
      )}

      <p className="mt-6 text-sm text-stone-600" data-testid="reviewed-by">
        {t.reviewedBy} <bdi className="font-medium text-stone-800">{claim.reviewedBy.name}</bdi> {t.on}{" "}
        <bdi><time dateTime={claim.reviewedAt}>{formatDate(claim.reviewedAt, language)}</time></bdi>
      </p>
      {claimHref && (
        <p className="mt-2 text-sm">
          <Link href={claimHref} className="tap-target text-sky-800 underline underline-offset-2" data-testid="claim-page-link">{t.readMore} <span className="inline-block rtl:-scale-x-100" aria-hidden="true">→</span></Link>
        </p>
      )}
    </article>
  );
}
