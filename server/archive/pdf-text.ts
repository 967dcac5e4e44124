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
 *   `dir` is "rtl"); the runs of a mostly right-to-left line are then ordered right to left
 *   by position (lineText). See docs/ARCHITECTURE.md for what was observed.
 * - Only text is wanted: no font faces, no system fonts. The bundled PDF.js (5.6) has no
 *   `eval`/`new Function` path at all (checked in unpdf 1.8.1's dist), so a font program
 *   cannot become code as in CVE-2024-4367 (PDF.js < 4.2 with isEvalSupported).
 */

export const PAGE_BREAK = "\f";
/** The same cap as an HTML page's readable text. */
const MAX_TEXT_CHARS = 2_000_000;

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
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

function clean(s: string): string {
  return s.replace(CONTROLS, " ");
}

interface Run { str: string; x: number; y: number; h: number }

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LTR = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/gu;

/**
 * One line's runs as text. PDF.js reorders the letters inside each run, but gives the runs in
 * the file's drawing order; producers that draw a right-to-left line's words separately draw
 * them left to right, so the words would come out last-first. In a line that is mostly
 * right-to-left and whose runs share a baseline, the runs are put right to left by position.
 * Left-to-right lines keep the file's order.
 */
function lineText(runs: Run[]): string {
  if (runs.length < 2) return runs[0]?.str ?? "";
  const all = runs.map((r) => r.str).join("");
  const rtl = all.match(RTL)?.length ?? 0;
  const ltr = all.match(LTR)?.length ?? 0;
  const tolerance = Math.max(1, ...runs.map((r) => r.h)) / 2;
  const sameLine = runs.every((r) => Math.abs(r.y - runs[0].y) <= tolerance);
  if (rtl <= ltr || !sameLine) return all;
  return [...runs].sort((a, b) => b.x - a.x).map((r) => r.str).join("");
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
      let line: Run[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        line.push({ str: clean(item.str), x: item.transform[4], y: item.transform[5], h: item.height });
        if (item.hasEOL) {
          text += lineText(line) + "\n";
          line = [];
        }
      }
      text += lineText(line);
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
