import { getDocumentProxy } from "unpdf";

/**
 * The text of an archived PDF (a UN resolution, a ministry's statement), read with unpdf's
 * serverless build of PDF.js. Runs only inside the extract worker thread (extract-worker.ts),
 * whose time and heap caps bound a hostile file: PDF.js's parser works in this same thread
 * (no nested worker), so terminating the thread stops it.
 *
 * - Pages are separated by PAGE_BREAK (a form feed, as pdftotext writes), lines by "\n"
 *   (PDF.js's end-of-line marks); the archive page shows each page under its number.
 * - Arabic: PDF.js reorders each text run to logical order with its bidi pass (the item's
 *   `dir` is "rtl"); runs are kept in the order PDF.js gives them, which follows the file's
 *   drawing order. See docs/ARCHITECTURE.md for what was observed.
 * - Only text is wanted: no font faces, no system fonts. The bundled PDF.js (5.6) has no
 *   `eval`/`new Function` path at all (checked in unpdf 1.8.1's dist), so a font program
 *   cannot become code as in CVE-2024-4367 (PDF.js < 4.2 with isEvalSupported).
 */

export const PAGE_BREAK = "\f";
/** The same cap as an HTML page's readable text. */
export const MAX_TEXT_CHARS = 2_000_000;

export interface PdfText {
  text: string;
  title: string;
  pageCount: number;
}

/** Thrown for bytes PDF.js cannot read as a PDF (garbage, truncated beyond repair, encrypted). */
export class UnreadablePdfError extends Error {
  constructor(why: string) {
    super(`The PDF could not be read (${why}).`);
    this.name = "UnreadablePdfError";
  }
}

// C0 controls other than tab and newline (PostgreSQL refuses NUL in text; the form feed is ours).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

function clean(s: string): string {
  return s.replace(CONTROLS, " ");
}

export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  // PDF.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  let pdf;
  try {
    pdf = await getDocumentProxy(data, { disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  } catch (e) {
    throw new UnreadablePdfError(e instanceof Error ? e.message : String(e));
  }
  try {
    const pageCount = pdf.numPages;
    const pages: string[] = [];
    let total = 0;
    for (let n = 1; n <= pageCount && total < MAX_TEXT_CHARS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += clean(item.str) + (item.hasEOL ? "\n" : "");
      }
      page.cleanup();
      const tidy = text.split("\n").map((l) => l.replace(/[^\S\n]+/g, " ").trim()).join("\n").replace(/\n{3,}/g, "\n\n").trim();
      pages.push(tidy);
      total += tidy.length + 1;
    }
    let title = "";
    try {
      const meta = await pdf.getMetadata();
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === "string") title = clean(info.Title).replace(/\s+/g, " ").trim().slice(0, 500);
    } catch {
      title = "";
    }
    return { text: pages.join(PAGE_BREAK).slice(0, MAX_TEXT_CHARS), title, pageCount };
  } catch (e) {
    throw new UnreadablePdfError(e instanceof Error ? e.message : String(e));
  } finally {
    await pdf.loadingTask.destroy();
  }
}
