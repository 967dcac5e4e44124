import Link from "next/link";
import { formatDate, labelsFor, serifClass } from "./labels";

/** One entry of the public version log. */
export interface VersionEntry {
  version: number;
  kind: string;
  publishedAt: string;
  note: string | null;
}

/** The public log of versions: first publication, each correction with its note, a retraction. */
export function CorrectionLog({ slug, versions, language, current }: { slug: string; versions: VersionEntry[]; language: string; current?: number }) {
  const t = labelsFor(language);
  return (
    <section className="mt-12 border-t-2 border-stone-900 pt-6" data-testid="correction-log" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading" className={`${serifClass(language)} text-xl text-stone-900`}>{t.corrections}</h2>
      <ol className="mt-4 space-y-4">
        {[...versions].reverse().map((v) => (
          <li key={v.version} className="text-stone-800">
            <p className="text-sm">
              {v.kind === "publish" ? (
                <Link href={`/v/${encodeURIComponent(slug)}/versions/${v.version}`} className="font-semibold text-sky-800 underline underline-offset-2">
                  {t.version} {v.version}
                </Link>
              ) : (
                <span className="font-semibold text-red-800">{t.retracted}</span>
              )}
              {current === v.version && <span className="ms-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs">●</span>}
              <span className="ms-2 text-stone-600">
                {v.version === 1 ? `${t.firstPublished}: ` : v.kind === "publish" ? `${t.correction}: ` : `${t.retractedOn}: `}
                <bdi><time dateTime={v.publishedAt}>{formatDate(v.publishedAt, language)}</time></bdi>
              </span>
            </p>
            {v.note && <p dir="auto" className="mt-1 whitespace-pre-line text-[0.95rem] text-stone-700">{v.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
