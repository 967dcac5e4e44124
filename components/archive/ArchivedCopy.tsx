/** What the page shows of a capture (server/archive/read-capture's CaptureView satisfies it). */
export interface ArchivedCopyData {
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  encoding: string;
  sha256: string;
  size: number;
  title: string;
  text: string;
  fetchedAt: string;
  language: string;
}

/** Strings of the archived-copy page, in the article's language (Arabic or English). */
const LABELS = {
  en: {
    heading: "Archived copy",
    intro: "This is Sanad's own copy of the page, fetched and stored when the source was archived. Nothing in it runs: the text is shown as text, and the page below is displayed without scripts in a sandbox.",
    requested: "Address",
    final: "Final address after redirects",
    fetched: "Fetched",
    status: "HTTP status",
    hash: "SHA-256 of the page as received",
    size: "Size",
    text: "Readable text",
    page: "The page as captured (no scripts, no images from other sites)",
    noText: "No readable text was found on the page.",
  },
  ar: {
    heading: "نسخة مؤرشفة",
    intro: "هذه نسخة سند الخاصة من الصفحة، جُلبت وحُفظت عند أرشفة المصدر. لا يُشغَّل فيها شيء: يُعرض النص نصاً، وتُعرض الصفحة أدناه دون نصوص برمجية داخل إطار معزول.",
    requested: "العنوان",
    final: "العنوان النهائي بعد التحويلات",
    fetched: "تاريخ الجلب",
    status: "رمز HTTP",
    hash: "بصمة SHA-256 للصفحة كما وصلت",
    size: "الحجم",
    text: "النص المقروء",
    page: "الصفحة كما حُفظت (دون نصوص برمجية أو صور من مواقع أخرى)",
    noText: "لم يُعثر على نص مقروء في الصفحة.",
  },
};

/** The archived-copy page body: provenance, readable text, and the captured page in a sandboxed frame. */
export function ArchivedCopy({ capture, rawHref }: { capture: ArchivedCopyData; rawHref: string }) {
  const ar = capture.language.toLowerCase().startsWith("ar");
  const t = ar ? LABELS.ar : LABELS.en;
  const locale = ar ? "ar" : "en-GB";
  const fetched = new Date(capture.fetchedAt).toLocaleString(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC";
  return (
    <main lang={ar ? "ar" : "en"} dir={ar ? "rtl" : "ltr"} className="mx-auto max-w-4xl px-4 py-8" data-testid="archived-copy">
      <h1 className="text-2xl font-semibold">{t.heading}</h1>
      {capture.title && <p className="mt-1 text-lg" dir="auto"><bdi>{capture.title}</bdi></p>}
      <p className="mt-2 text-sm text-slate-600">{t.intro}</p>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">{t.requested}</dt><dd className="break-all"><span dir="ltr">{capture.requestedUrl}</span></dd>
        {capture.finalUrl !== capture.requestedUrl && (<><dt className="text-slate-500">{t.final}</dt><dd className="break-all"><span dir="ltr">{capture.finalUrl}</span></dd></>)}
        <dt className="text-slate-500">{t.fetched}</dt><dd><time dateTime={capture.fetchedAt}>{fetched}</time></dd>
        <dt className="text-slate-500">{t.status}</dt><dd>{capture.httpStatus}</dd>
        <dt className="text-slate-500">{t.size}</dt><dd><span dir="ltr">{Math.ceil(capture.size / 1024)} KB · {capture.encoding}</span></dd>
        <dt className="text-slate-500">{t.hash}</dt><dd className="break-all font-mono text-xs"><span dir="ltr" data-testid="capture-hash">{capture.sha256}</span></dd>
      </dl>
      <section className="mt-8">
        <h2 className="text-lg font-semibold">{t.text}</h2>
        {capture.text.trim() ? (
          <div dir="auto" className="mt-2 space-y-3 rounded-md border border-slate-200 bg-white p-4 leading-7" data-testid="capture-text">
            {capture.text.split(/\n{2,}|\n/).filter((p) => p.trim()).slice(0, 2000).map((p, i) => <p key={i} dir="auto">{p}</p>)}
          </div>
        ) : (
          <p className="mt-2 text-slate-500">{t.noText}</p>
        )}
      </section>
      <section className="mt-8">
        <h2 className="text-lg font-semibold">{t.page}</h2>
        {/* sandbox with no permissions: no scripts, no same-origin, no forms, no navigation; the response adds its own CSP sandbox too */}
        <iframe src={rawHref} sandbox="" referrerPolicy="no-referrer" title={t.page} className="mt-2 h-[70vh] w-full rounded-md border border-slate-300 bg-white" data-testid="capture-frame" />
      </section>
    </main>
  );
}
