import type { ClaimFields, ClaimType } from "./claim-types";

/**
 * A first draft of a claim's checkable statement, pre-filled when a suggestion is accepted;
 * the team edits it. A detector's own `statement` wins when it has one; otherwise the
 * statement is built from the fields (quote + speaker, meeting participants + place + date,
 * resolution number/year/symbol), and failing that it is the sentence around the fragment.
 * Pure; the article's language decides the wording (Arabic or English).
 */

export interface StatementDraftInput {
  type: ClaimType;
  fields: ClaimFields | Record<string, unknown>;
  /** The anchored fragment. */
  exact: string;
  /** The article body and the fragment's offsets, to fall back to the sentence around it. */
  body?: string;
  start?: number;
  end?: number;
  language: string;
  /** A detector's ready-made statement, when it offers one. */
  statement?: string;
}

const str = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

/** "2015-12-23" -> "23 December 2015" / «23 ديسمبر 2015» (Latin digits, as newsrooms write). */
export function formatIsoDate(iso: string, language: string): string {
  const m = iso.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const locale = language.startsWith("ar") ? "ar-u-nu-latn" : "en-GB";
  const opts: Intl.DateTimeFormatOptions = { year: "numeric", timeZone: "UTC", ...(mo ? { month: "long" } : {}), ...(d ? { day: "numeric" } : {}) };
  return new Intl.DateTimeFormat(locale, opts).format(date);
}

function joinNames(names: string[], ar: boolean): string {
  if (names.length <= 1) return names[0] ?? "";
  const head = names.slice(0, -1).join(ar ? " و" : ", ");
  return ar ? `${head} و${names[names.length - 1]}` : `${head} and ${names[names.length - 1]}`;
}

/** The sentence of `body` around [start, end), trimmed, at most 300 characters. */
export function sentenceAround(body: string, start: number, end: number): string {
  const before = body.slice(0, start);
  const from = Math.max(before.lastIndexOf("\n"), ...[".", "!", "?", "؟"].map((p) => before.lastIndexOf(p))) + 1;
  const after = body.slice(end).search(/[.!?؟\n]/u);
  const to = after < 0 ? body.length : end + after + 1;
  const sentence = body.slice(from, to).replace(/\s+/gu, " ").trim();
  return sentence.length <= 300 ? sentence : body.slice(start, end).trim();
}

function fromFields(input: StatementDraftInput): string {
  const ar = input.language.startsWith("ar");
  const f = input.fields as Record<string, unknown>;
  switch (input.type) {
    case "quote": {
      const speaker = str(f.speaker);
      const words = str(f.words) || input.exact.trim();
      if (!speaker || !words) return "";
      return ar ? `قال ${speaker}: «${words}»` : `${speaker} said: “${words}”`;
    }
    case "meeting": {
      const names = Array.isArray(f.participants) ? f.participants.map(str).filter(Boolean) : [];
      if (names.length === 0) return "";
      const place = str(f.place);
      const date = str(f.date);
      const visit = f.kind === "visit";
      if (ar) {
        const verb = visit ? "زار" : names.length > 1 ? "التقى" : "عقد";
        const core = visit ? `${verb} ${names[0]}${place ? ` ${place}` : ""}` : names.length > 1 ? `${verb} ${joinNames(names, true)}${place ? ` في ${place}` : ""}` : `${verb} ${names[0]} اجتماعاً${place ? ` في ${place}` : ""}`;
        return `${core}${date ? ` في ${formatIsoDate(date, "ar")}` : ""}.`;
      }
      const core = visit ? `${names[0]} visited ${place || "the country"}` : names.length > 1 ? `${joinNames(names, false)} met${place ? ` in ${place}` : ""}` : `${names[0]} held a meeting${place ? ` in ${place}` : ""}`;
      return `${core}${date ? ` on ${formatIsoDate(date, "en")}` : ""}.`;
    }
    case "un_resolution": {
      const number = typeof f.number === "number" ? f.number : null;
      const year = typeof f.year === "number" ? f.year : null;
      const symbol = str(f.symbol);
      if (!number && !symbol) return "";
      const councilAr = f.body === "General Assembly" ? "الجمعية العامة للأمم المتحدة" : "مجلس الأمن الدولي";
      const councilEn = f.body === "General Assembly" ? "The UN General Assembly" : "The UN Security Council";
      const ref = number ? `${number}${year ? ` (${year})` : ""}` : symbol;
      const sym = symbol && number ? ` [${symbol}]` : "";
      const context = input.body !== undefined && input.start !== undefined && input.end !== undefined ? sentenceAround(input.body, input.start, input.end) : "";
      const base = ar ? `أصدر ${councilAr} القرار ${ref}${sym}.` : `${councilEn} adopted resolution ${ref}${sym}.`;
      return context ? `${base} ${context}` : base;
    }
    default:
      return "";
  }
}

/** The draft statement for an accepted suggestion (see the file header); "" when nothing fits. */
export function draftStatement(input: StatementDraftInput): string {
  const ready = str(input.statement);
  if (ready) return ready;
  const built = fromFields(input);
  if (built) return built;
  if (input.body !== undefined && input.start !== undefined && input.end !== undefined) return sentenceAround(input.body, input.start, input.end);
  return input.exact.replace(/\s+/gu, " ").trim();
}
