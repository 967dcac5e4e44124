import type { ClaimView } from "../claim-model";
import { verdictLabel } from "../verdicts";

/**
 * Claims as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields quoted when they contain a
 * comma, quote, CR or LF, quotes doubled), prefixed with a UTF-8 byte order mark because
 * Excel otherwise opens UTF-8 as a legacy code page and turns Arabic into mojibake.
 *
 * Formula injection: spreadsheet apps execute a cell that starts with = + - @ (and tab/CR,
 * which some strip before evaluating), so text a user typed ("=HYPERLINK(...)") could run
 * when a colleague opens the export. Such cells get a leading apostrophe, which spreadsheets
 * treat as "this is text" (OWASP's recommendation). Only text cells are defused: the numeric
 * offsets are never negative, so they never start with "-".
 */

export const CSV_COLUMNS = [
  "claim_id", "type", "status", "start", "end", "exact", "fields", "verdict", "verdict_label",
  "rationale", "sources", "assignee_id", "created_by", "created_at", "updated_at", "statement",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralise a text cell a spreadsheet would evaluate as a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted only when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Builds the CSV text (BOM included); the verdict label follows the article's language. */
export function buildClaimsCsv(article: { language: string }, claims: ClaimView[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const ordered = [...claims].sort((a, b) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end);
  for (const claim of ordered) {
    const text = (value: string | null) => defuseFormula(value ?? "");
    rows.push([
      text(claim.id),
      text(claim.type),
      text(claim.status),
      String(claim.anchor.start),
      String(claim.anchor.end),
      text(claim.anchor.exact),
      text(JSON.stringify(claim.fields)),
      text(claim.verdict),
      text(claim.verdict ? verdictLabel(claim.verdict, article.language) : ""),
      text(claim.rationale),
      text(claim.sources.map((s) => s.url).join(" ")),
      text(claim.assigneeId),
      text(claim.createdBy),
      text(claim.createdAt),
      text(claim.updatedAt),
      text(claim.statement ?? ""),
    ]);
  }
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Reads RFC 4180 text as written by buildClaimsCsv (quoted fields, doubled quotes, CRLF); without the BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
