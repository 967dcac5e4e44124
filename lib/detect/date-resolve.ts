import { isoDay, isoMonth } from "./util";

/** A resolved date value (the `date` claim fields). */
export interface DateValue {
  value: string | null;
  precision: "day" | "month" | "year";
}

interface Ymd { y: number; m: number; d: number }

function parsePub(pub: string | null): Ymd | null {
  if (!pub) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(pub);
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** Add days in UTC (no time zones involved: these are calendar dates). */
function addDays(p: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function addMonths(p: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(p.y, p.m - 1 + n, 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: 1 };
}

/**
 * A day+month (or month) without a year. With a publication date: "الجاري/الحالي" = the
 * publication year; "الماضي/المنصرم/الفائت" = the latest such month strictly before the
 * publication month (or the same month when a past day is given); "المقبل/القادم" = the next
 * one; no suffix = the publication year unless the month is more than one month after
 * publication (news mostly reports the past), then the previous year; in a future context
 * ("will meet in August") the next such date on or after publication.
 * Without a publication date the value is null: we do not guess a year.
 */
export function resolveYearless(month: number, day: number | null, suffix: string | null, pub: string | null, future = false): DateValue {
  const precision = day !== null ? "day" : "month";
  const p = parsePub(pub);
  if (!p) return { value: null, precision };
  let y = p.y;
  if (suffix === "الماضي" || suffix === "المنصرم" || suffix === "الفائت") {
    if (month > p.m || (month === p.m && (day === null || day > p.d))) y -= 1;
  } else if (suffix === "المقبل" || suffix === "القادم") {
    if (month < p.m || (month === p.m && (day === null || day <= p.d))) y += 1;
  } else if (suffix === null && future) {
    if (month < p.m || (month === p.m && day !== null && day < p.d)) y += 1;
  } else if (suffix === null) {
    if (month > p.m + 1) y -= 1;
  }
  return { value: day !== null ? isoDay(y, month, day) : isoMonth(y, month), precision };
}

const AR_WEEKDAYS: Record<string, number> = { "الاحد": 0, "الاثنين": 1, "الثلاثاء": 2, "الاربعاء": 3, "الخميس": 4, "الجمعه": 5, "السبت": 6 };
const EN_WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const COUNTS: Record<string, number> = {
  "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7,
  "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, an: 1,
};

/**
 * Resolve a relative expression (normalised text) against the publication date. Weeks have
 * no ISO form here, so a week resolves to the month that contains its reference day
 * (precision "month"). Returns null when the expression should not be reported at all.
 */
export function resolveRelative(raw: string, pub: string | null, future = false): DateValue | null {
  // «للشهر الحالي»: the preposition لـ merged with the article of the period noun.
  // «أمس الثلاثاء»، «اليوم (الأربعاء)»: the weekday only names the day already given.
  const t = raw.toLowerCase().replace(/\s+/g, " ").trim().replace(/^([وف]?)لل(?=اسبوع|شهر|عام|سنه)/, "$1ال")
    .replace(/^(\S*(?:اليوم|امس|البارحه|غدا|بكره|بكرا))\s?\(?\s?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)\s?\)?$/, "$1");
  const p = parsePub(pub);
  const day = (q: Ymd | null): DateValue => ({ value: q ? isoDay(q.y, q.m, q.d) : null, precision: "day" });
  const month = (q: Ymd | null): DateValue => ({ value: q ? isoMonth(q.y, q.m) : null, precision: "month" });
  const year = (q: Ymd | null, dy = 0): DateValue => ({ value: q ? String(q.y + dy) : null, precision: "year" });

  if (/اول (?:من )?امس$|امس الاول$|^the day before yesterday$/.test(t)) return day(p && addDays(p, -2));
  if (/بعد غد(?:ا|اه)?$|^the day after tomorrow$/.test(t)) return day(p && addDays(p, 2));
  if (/(?:^|[وفبلك])(?:اليوم)$|^today$|^tonight$|^this (?:morning|afternoon|evening)$/.test(t)) return day(p);
  if (/(?:امس|البارحه)$|^yesterday$|^last night$/.test(t)) return day(p && addDays(p, -1));
  if (/(?:غدا|بكره|بكرا)$|^tomorrow$|(?:^|\s)غد(?:\s|$)/.test(t)) return day(p && addDays(p, 1));

  // "المقبل" contains "قبل": "ago" forms are منذ/قبل as a word, or a trailing "ago".
  const AGO = /(?:^|\s|[وفب])(?:منذ|قبل)\s|ago$/;
  const dir = /الماضي|الماضيه|الفائت|المنصرم|^last|^past/.test(t) ? -1 : /المقبل|المقبله|القادم|القادمه|^next/.test(t) ? 1 : 0;
  if (/الاسبوع|week$/.test(t) && !AGO.test(t)) return month(p && addDays(p, 7 * dir));
  if (/الشهر|month$/.test(t) && !AGO.test(t)) return month(p && addMonths(p, dir));
  if (/(?:العام|السنه|year)$|(?:العام|السنه) /.test(t) && !AGO.test(t)) return year(p, dir);

  // "منذ نحو شهرين", "قبل 3 أيام", "two years ago"
  const ago = /(?:منذ|قبل)\s+(?:(?:نحو|حوالي|قرابه|اكثر من)\s+)?(?:(\S+)\s+)?(\S+)$/.exec(t) ?? /^(?:(\S+)\s+)?(\S+)\s+ago$/.exec(t);
  if (ago) {
    const unit = ago[2];
    // A plural unit without a count is a vague span ("منذ سنوات", "for years"), not a date.
    if (!ago[1] && /^(?:ايام|اسابيع|اشهر|شهور|اعوام|سنوات|days|weeks|months|years)$/.test(unit)) return null;
    let n = ago[1] ? (/^\d+$/.test(ago[1]) ? +ago[1] : COUNTS[ago[1]] ?? NaN) : 1;
    if (/^(?:يومين|اسبوعين|شهرين|عامين|سنتين)$/.test(unit)) n = 2;
    if (!Number.isFinite(n)) return { value: null, precision: "month" };
    if (/^(?:يوم|ايام|يومين|days?)$/.test(unit)) return day(p && addDays(p, -n));
    if (/^(?:اسبوع|اسابيع|اسبوعين|weeks?)$/.test(unit)) return month(p && addDays(p, -7 * n));
    if (/^(?:شهر|اشهر|شهور|شهرين|months?)$/.test(unit)) return month(p && addMonths(p, -n));
    return year(p, -n);
  }

  const wd = /(?:^|\s|[وفبلك])(الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)/.exec(t) ?? /(sunday|monday|tuesday|wednesday|thursday|friday|saturday)/.exec(t);
  if (wd) {
    // "الاثنين" also means "the two": a weekday only after يوم or before الماضي/المقبل.
    if (wd[1] === "الاثنين" && !/يوم|الماضي|المقبل|القادم/.test(t)) return null;
    const target = AR_WEEKDAYS[wd[1]] ?? EN_WEEKDAYS[wd[1]];
    if (!p) return { value: null, precision: "day" };
    const pubDow = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
    const ahead = (target - pubDow + 7) % 7, back = (pubDow - target + 7) % 7;
    // "next"/"المقبل": the next one after publication; "this": this week's, on or after
    // publication; "last"/"الماضي": strictly before; a future context counts forwards;
    // otherwise news reports the past: the most recent one on or before publication.
    let delta: number;
    if (/المقبل|القادم|next/.test(t)) delta = ahead || 7;
    else if (/^this\s/.test(t)) delta = ahead;
    else if (/الماضي|^last\s/.test(t)) delta = -(back || 7);
    else if (future) delta = ahead || 7;
    else delta = -back;
    return day(addDays(p, delta));
  }
  return null;
}

/**
 * A day of a month named relative to publication: «الثاني من الشهر الجاري» (suffix الجاري/
 * الحالي or null for «هذا الشهر»), «العاشر من الشهر الماضي», «الخامس من الشهر المقبل».
 * Without a publication date the value is null.
 */
export function resolveMonthDay(dayNum: number, suffix: string | null, pub: string | null): DateValue {
  const p = parsePub(pub);
  if (!p) return { value: null, precision: "day" };
  const dir = suffix === "الماضي" || suffix === "المنصرم" || suffix === "الفائت" ? -1 : suffix === "المقبل" || suffix === "القادم" ? 1 : 0;
  const q = addMonths(p, dir);
  return { value: isoDay(q.y, q.m, dayNum), precision: "day" };
}

let hijriFmt: Intl.DateTimeFormat | null | undefined;
/**
 * A Hijri day as a Gregorian ISO date, by the Umm al-Qura calendar (the one Arab news uses)
 * through Intl; the arithmetic (tabular) calendar is the first guess and the fallback where
 * Intl has no Islamic calendar. Null for impossible days.
 */
export function hijriToIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1 || y > 1600) return null;
  const jd = d + Math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + Math.floor((3 + 11 * y) / 30) + 1948439.5 - 1;
  const ms = Math.round((jd - 2440587.5) * 86400000);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  if (hijriFmt === undefined) {
    try {
      hijriFmt = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });
      if (!hijriFmt.resolvedOptions().calendar.startsWith("islamic")) hijriFmt = null;
    } catch { hijriFmt = null; }
  }
  if (!hijriFmt) return iso(ms);
  for (const off of [0, -1, 1, -2, 2, -3, 3]) {
    const t = ms + off * 86400000;
    const parts = hijriFmt.formatToParts(new Date(t));
    const get = (k: string) => parseInt(parts.find((x) => x.type === k)?.value ?? "", 10);
    if (get("year") === y && get("month") === m && get("day") === d) return iso(t);
  }
  return iso(ms);
}
