/**
 * Small real PDFs written byte by byte for the archive tests (no binary fixtures in the repo):
 * a catalogue, a page tree, one content stream per page drawing lines with Tj, an Info
 * dictionary and a cross-reference table with exact offsets, as PDF 1.4 asks.
 *
 * Latin text uses the standard Helvetica font. Arabic text uses a simple font whose
 * /ToUnicode CMap maps one-byte codes to Arabic letters, and the codes are written in VISUAL
 * order (right to left on the page, so reversed), as word processors and browsers write
 * Arabic PDFs after shaping: the reader must give it back in logical order.
 */

export const UN_TITLE = "Resolution 2254 (2015)";
export const UN_PAGE_1 = ["Adopted by the Security Council at its 7588th meeting,", "on 18 December 2015"];
export const UN_PAGE_2 = ["Requests the Secretary-General to convene representatives", "of the Syrian government and the opposition."];

export const AR_TITLE = "قرار مجلس الأمن 2254 (2015)";

/** Arabic lines of the Arabic fixture (logical order, as a reader should get them back). */
export const AR_LINES = ["قرار مجلس الأمن", "يدعم وقف إطلاق النار"];

function escapeLiteral(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, "0");
}

/** Assemble objects (bodies without "n 0 obj") into a PDF with a correct xref table. */
function assemble(objects: string[], infoRef: number | null): Buffer {
  const header = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const parts: Buffer[] = [Buffer.from(header, "latin1")];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, "latin1");
    parts.push(b);
    at += b.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, "0000000000 65535 f \n", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoRef ? ` /Info ${infoRef} 0 R` : ""} >>\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, "latin1"));
  return Buffer.concat(parts);
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
}

/**
 * A PDF with one page per entry of `pages`, each a list of lines, in Helvetica; `title` in the
 * Info dictionary.
 */
export function latinPdf(pages: string[][], title = ""): Buffer {
  // 1 catalogue, 2 page tree, 3 font, 4 info, then (page, content) pairs
  const objects: string[] = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", `<< /Title (${escapeLiteral(title)}) /Producer (Sanad tests) >>`];
  const kids: string[] = [];
  for (const lines of pages) {
    const pageNo = objects.length + 1;
    kids.push(`${pageNo} 0 R`);
    const ops = lines.map((l, i) => `${i === 0 ? "72 720 Td" : "0 -18 Td"} (${escapeLiteral(l)}) Tj`).join("\n");
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageNo + 1} 0 R >>`);
    objects.push(stream(`BT /F1 12 Tf 14 TL\n${ops}\nET`));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${pages.length} >>`;
  return assemble(objects, 4);
}

/**
 * A right-to-left line as it is drawn, left to right: the last word first, letters reversed,
 * but runs of digits kept left to right ("القرار 2254" is drawn "2254 رارقلا").
 */
export function visualOrder(line: string): string[] {
  const runs = line.match(/[0-9]+|[^0-9]+/g) ?? [];
  return runs.reverse().flatMap((r) => (/^[0-9]/.test(r) ? [...r] : [...r].reverse()));
}

/**
 * A one-page PDF with `lines` of Arabic, drawn right to left (codes in visual order). With
 * `separateWords`, each word is its own text run at its own position, drawn from the left
 * (the last word first) with wide gaps, as some producers write justified lines.
 */
export function arabicPdf(lines: string[] = AR_LINES, opts: { separateWords?: boolean } = {}): Buffer {
  const chars = [...new Set(lines.join(""))];
  if (chars.length > 200) throw new Error("too many distinct characters for a one-byte font");
  const code = new Map(chars.map((c, i) => [c, i + 33]));
  const cmap = [
    "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def", "/CMapName /Sanad-Arabic def", "/CMapType 2 def",
    "1 begincodespacerange", "<00> <FF>", "endcodespacerange",
    `${chars.length} beginbfchar`, ...chars.map((c) => `<${hex(code.get(c)!, 2)}> <${hex(c.codePointAt(0)!, 4)}>`), "endbfchar",
    "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
  ].join("\n");
  const ops = lines.map((l, i) => {
    if (opts.separateWords) {
      let x = 72;
      return visualOrder(l).join("").split(" ").map((word) => {
        const op = `1 0 0 1 ${x} ${720 - i * 20} Tm <${[...word].map((c) => hex(code.get(c)!, 2)).join("")}> Tj`;
        x += word.length * 7 + 40;
        return op;
      }).join("\n");
    }
    const visual = visualOrder(l).map((c) => hex(code.get(c)!, 2)).join("");
    return `${i === 0 ? "72 720 Td" : "0 -20 Td"} <${visual}> Tj`;
  }).join("\n");
  const widths = Array.from({ length: 256 - 32 }, () => 500).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    stream(`BT /F1 14 Tf\n${ops}\nET`),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths [" + widths + "] /ToUnicode 6 0 R >>",
    stream(cmap),
    // the Info title as UTF-16BE with its byte order mark, as PDF writers store non-Latin titles
    `<< /Title <FEFF${[...AR_TITLE].map((c) => hex(c.charCodeAt(0), 4)).join("")}> >>`,
  ];
  return assemble(objects, 7);
}
