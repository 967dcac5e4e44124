import { createTranslator } from "next-intl";
import { formatDateTime, languageOf } from "@/lib/i18n/locale";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import type { CaptureView } from "@/lib/archive/capture-view";
import { LtrData } from "../LtrData";

/** What the page shows of a capture. */
export type ArchivedCopyData = Omit<CaptureView, "id" | "articleId" | "sourceId">;

/**
 * The archived-copy page body: provenance, readable text, and the captured page in a
 * sandboxed frame; for a PDF, its text page by page and a download of the original file.
 */
export function ArchivedCopy({ capture, rawHref }: { capture: ArchivedCopyData; rawHref: string }) {
  // In the article's language, like the public pages (the copy is the article's evidence).
  const lang = languageOf(capture.language);
  const t = createTranslator({ locale: lang, messages: lang === "ar" ? ar : en, namespace: "archive" });
  const fetched = formatDateTime(capture.fetchedAt, lang);
  const pdf = capture.mediaType === "application/pdf";
  const kb = Math.ceil(capture.size / 1024);
  return (
    <main lang={lang} dir={lang === "ar" ? "rtl" : "ltr"} className="mx-auto max-w-4xl px-4 py-8" data-testid="archived-copy" data-media-type={capture.mediaType}>
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {/* the page's direction for the line (a Latin title starts at the right of an Arabic page), the title isolated in it */}
      {capture.title && <p className="mt-1 text-lg"><bdi>{capture.title}</bdi></p>}
      <p className="mt-2 text-sm text-slate-600">{t(pdf ? "pdfIntro" : "intro")}</p>
      {/* label beside value from 640 px; on a phone each label sits above its value, which gets the full width */}
      <dl className="mt-4 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[max-content_minmax(0,1fr)] sm:gap-y-1 [&>dt:not(:first-child)]:mt-2 sm:[&>dt:not(:first-child)]:mt-0">
        <dt className="text-slate-500">{t("requested")}</dt><dd><LtrData>{capture.requestedUrl}</LtrData></dd>
        {capture.finalUrl !== capture.requestedUrl && (<><dt className="text-slate-500">{t("final")}</dt><dd><LtrData>{capture.finalUrl}</LtrData></dd></>)}
        <dt className="text-slate-500">{t("fetched")}</dt><dd><bdi><time dateTime={capture.fetchedAt}>{fetched}</time></bdi></dd>
        <dt className="text-slate-500">{t("status")}</dt><dd>{capture.httpStatus}</dd>
        {capture.mediaType && (<><dt className="text-slate-500">{t("mediaType")}</dt><dd><span dir="ltr" data-testid="capture-media-type">{capture.mediaType}</span></dd></>)}
        <dt className="text-slate-500">{t("size")}</dt><dd><bdi>{t("sizeKb", { kb })}</bdi>{!pdf && <> · <span dir="ltr">{capture.encoding}</span></>}</dd>
        {pdf && capture.pageCount != null && (<><dt className="text-slate-500">{t("pages")}</dt><dd data-testid="capture-pages">{capture.pageCount}</dd></>)}
        <dt className="text-slate-500">{t(pdf ? "pdfHash" : "hash")}</dt><dd><LtrData className="font-mono text-xs" data-testid="capture-hash">{capture.sha256}</LtrData></dd>
      </dl>
      {pdf ? (
        <>
          <section className="mt-8">
            <h2 className="text-lg font-semibold">{t("original")}</h2>
            {/* a download, never an embedded viewer: the browser's PDF viewer would run the file's scripts and forms */}
            <p className="mt-2"><a href={rawHref} download className="inline-block rounded-md border border-blue-800 px-3 py-1.5 text-blue-800 hover:bg-blue-50" data-testid="capture-download"><bdi>{t("download", { kb })}</bdi></a></p>
            <p className="mt-2 text-sm text-slate-600">{t("downloadNote")}</p>
          </section>
          <section className="mt-8">
            <h2 className="text-lg font-semibold">{t("pdfText")}</h2>
            {capture.text.trim() ? <PdfPages text={capture.text} pageLabel={(n) => t("pageNumber", { n })} /> : <p className="mt-2 text-slate-500">{t("noTextPdf")}</p>}
          </section>
        </>
      ) : (
        <>
          <section className="mt-8">
            <h2 className="text-lg font-semibold">{t("text")}</h2>
            {capture.text.trim() ? (
              <div dir="auto" className="mt-2 space-y-3 rounded-md border border-slate-200 bg-white p-4 leading-7" data-testid="capture-text">
                {capture.text.split(/\n{2,}|\n/).filter((p) => p.trim()).slice(0, 2000).map((p, i) => <p key={i} dir="auto">{p}</p>)}
              </div>
            ) : (
              <p className="mt-2 text-slate-500">{t("noText")}</p>
            )}
          </section>
          <section className="mt-8">
            <h2 className="text-lg font-semibold">{t("page")}</h2>
            {/* sandbox with no permissions: no scripts, no same-origin, no forms, no navigation; the response adds its own CSP sandbox too */}
            <iframe src={rawHref} sandbox="" referrerPolicy="no-referrer" title={t("page")} className="mt-2 h-[70vh] w-full rounded-md border border-slate-300 bg-white" data-testid="capture-frame" />
          </section>
        </>
      )}
    </main>
  );
}

/** Lines shown at most (a PDF's text is capped at 2,000,000 characters when stored). */
const MAX_PDF_LINES = 20_000;

/**
 * A PDF's text, page by page (pages are separated by a form feed), each line as its own
 * block with its own direction, so an Arabic line and an English one in the same file each
 * read the right way. Text nodes only: nothing in the file becomes markup.
 */
function PdfPages({ text, pageLabel }: { text: string; pageLabel: (n: number) => string }) {
  const all = text.split("\f").map((page, i) => ({ n: i + 1, lines: page.split("\n") }));
  const pages: Array<{ n: number; lines: string[] }> = [];
  let shown = 0;
  for (const page of all) {
    if (shown >= MAX_PDF_LINES) break;
    const lines = page.lines.slice(0, MAX_PDF_LINES - shown);
    shown += lines.length;
    pages.push({ n: page.n, lines });
  }
  return (
    <div className="mt-2 space-y-4" data-testid="capture-text">
      {pages.map((p) => (
        <section key={p.n} className="rounded-md border border-slate-200 bg-white p-4" data-testid="capture-page" aria-label={pageLabel(p.n)}>
          <h3 className="mb-2 text-xs font-semibold text-slate-500">{pageLabel(p.n)}</h3>
          <div className="leading-7 break-words">
            {p.lines.map((line, i) => (line.trim() ? <p key={i} dir="auto">{line}</p> : <div key={i} className="h-3" aria-hidden="true" />))}
          </div>
        </section>
      ))}
    </div>
  );
}
