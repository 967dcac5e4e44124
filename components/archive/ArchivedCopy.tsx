import { createTranslator } from "next-intl";
import { formatDateTime, languageOf } from "@/lib/i18n/locale";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import type { CaptureView } from "@/lib/archive/capture-view";

/** What the page shows of a capture. */
export type ArchivedCopyData = Omit<CaptureView, "id" | "articleId" | "sourceId" | "mediaType">;

/** The archived-copy page body: provenance, readable text, and the captured page in a sandboxed frame. */
export function ArchivedCopy({ capture, rawHref }: { capture: ArchivedCopyData; rawHref: string }) {
  // In the article's language, like the public pages (the copy is the article's evidence).
  const lang = languageOf(capture.language);
  const t = createTranslator({ locale: lang, messages: lang === "ar" ? ar : en, namespace: "archive" });
  const fetched = formatDateTime(capture.fetchedAt, lang);
  return (
    <main lang={lang} dir={lang === "ar" ? "rtl" : "ltr"} className="mx-auto max-w-4xl px-4 py-8" data-testid="archived-copy">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      {capture.title && <p className="mt-1 text-lg" dir="auto"><bdi>{capture.title}</bdi></p>}
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("requested")}</dt><dd className="break-all"><span dir="ltr">{capture.requestedUrl}</span></dd>
        {capture.finalUrl !== capture.requestedUrl && (<><dt className="text-slate-500">{t("final")}</dt><dd className="break-all"><span dir="ltr">{capture.finalUrl}</span></dd></>)}
        <dt className="text-slate-500">{t("fetched")}</dt><dd><bdi><time dateTime={capture.fetchedAt}>{fetched}</time></bdi></dd>
        <dt className="text-slate-500">{t("status")}</dt><dd>{capture.httpStatus}</dd>
        <dt className="text-slate-500">{t("size")}</dt><dd><bdi>{t("sizeKb", { kb: Math.ceil(capture.size / 1024) })}</bdi> · <span dir="ltr">{capture.encoding}</span></dd>
        <dt className="text-slate-500">{t("hash")}</dt><dd className="break-all font-mono text-xs"><span dir="ltr" data-testid="capture-hash">{capture.sha256}</span></dd>
      </dl>
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
    </main>
  );
}
