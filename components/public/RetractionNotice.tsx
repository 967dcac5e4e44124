import { CorrectionLog, type VersionEntry } from "./CorrectionLog";
import { formatDate, labelsFor, serifClass } from "./labels";
import { SafeLink } from "./SafeLink";

/** The public parts of a retraction (server/publication/stored-publication.ts RetractionSnapshot). */
export interface Retraction {
  article: { slug: string; title: string; outlet: string; sourceUrl: string; language: string; direction: string };
  note: string;
  retractedAt: string;
}

/** What a retracted fact-check's URLs show instead of the content: the notice and the log. */
export function RetractionNotice({ notice, versions }: { notice: Retraction; versions: VersionEntry[] }) {
  const { language, direction } = notice.article;
  const t = labelsFor(language);
  return (
    <main lang={language} dir={direction} className="mx-auto max-w-3xl px-5 py-12" data-testid="retraction-notice">
      <p className="text-xs font-semibold uppercase tracking-widest text-red-800">{t.factCheck}</p>
      <h1 className={`mt-2 ${serifClass(language)} text-3xl leading-tight text-stone-900`}>{t.retracted}</h1>
      <p className="mt-3 text-stone-700">
        <span className="font-medium">{notice.article.title}</span>
        {notice.article.outlet && <> — <bdi>{notice.article.outlet}</bdi></>}
        {notice.article.sourceUrl && (
          <> · <SafeLink href={notice.article.sourceUrl} className="text-sky-800 underline">{t.originalArticle}</SafeLink></>
        )}
      </p>
      <div className="mt-8 border-s-4 border-red-700 bg-red-50 px-5 py-4">
        <p className="text-sm font-semibold text-red-900">{t.retractionNote}</p>
        <p className="mt-1 whitespace-pre-line text-stone-900">{notice.note}</p>
        <p className="mt-3 text-sm text-stone-600">
          {t.retractedOn} <bdi><time dateTime={notice.retractedAt}>{formatDate(notice.retractedAt, language)}</time></bdi>
        </p>
      </div>
      <CorrectionLog slug={notice.article.slug} versions={versions} language={language} />
    </main>
  );
}
