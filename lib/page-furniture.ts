/**
 * Page furniture: the lines a web page wraps around an article (share/print/comment/follow
 * prompts, "read also" links, newsletter boxes, repeated bylines) that are not the article.
 * One rule set, used on paste (lib/article-text) and on fetch (server/articles/extract-page).
 *
 * Rules match by PATTERN over a normalised line, not by one page's exact words: each pattern
 * names a furniture verb/noun family in Arabic and English and allows the usual decorations
 * (an object like "this article"/«هذا المقال», a platform name, trailing punctuation or
 * arrows). A line is only furniture when the WHOLE line is such a phrase, and long lines never
 * are, so a sentence that mentions sharing or comments stays in the text.
 */

/** Longest line (in characters) that can be furniture; real sentences run longer. */
const MAX_FURNITURE_LENGTH = 80;

/**
 * Normalise for matching only (the kept text is never changed): Arabic letter variants
 * (أ إ آ ٱ → ا, ى → ي, ة → ه), tatweel and diacritics removed, Latin lower-cased, punctuation,
 * arrows, bullets and emoji turned into spaces.
 */
export function normaliseFurnitureLine(line: string): string {
  return line
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, "")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ى/gu, "ي")
    .replace(/ة/gu, "ه")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

// Arabic objects that follow a furniture verb: "the article", "the news", "on Facebook"…
const AR_OBJECT = "(?:\\s+(?:هذا|هذه|ال)?\\s*(?:المقال|مقال|الخبر|خبر|الموضوع|موضوع|الصفحه|القصه|التقرير|تقرير|الرابط))?";
const AR_PLATFORM = "(?:\\s+(?:علي|عبر|في|ب)?\\s*(?:فيسبوك|فيس بوك|تويتر|اكس|واتساب|واتس اب|تلغرام|تليجرام|تيليجرام|انستغرام|انستجرام|لينكد ان|يوتيوب|البريد|البريد الالكتروني|الايميل|مواقع التواصل|وسائل التواصل))?";
const EN_OBJECT = "(?:\\s+(?:this|the|our)?\\s*(?:article|story|post|page|news|report|link))?";
const EN_PLATFORM = "(?:\\s+(?:on|via|to|with|by)?\\s*(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|e mail|reddit|instagram|bluesky|threads|mastodon|messenger))?";

const PATTERNS: RegExp[] = [
  // share / print / send / save / copy link
  new RegExp(`^(?:شارك|شاركي|شاركوا|مشاركه|انشر|اطبع|طباعه|ارسل|ارسال|حفظ|احفظ|نسخ|انسخ)${AR_OBJECT}${AR_PLATFORM}$`, "u"),
  new RegExp(`^(?:share|print|email|e mail|send|save|copy|tweet)(?:\\s+(?:it|this))?${EN_OBJECT}${EN_PLATFORM}$`, "u"),
  /^(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|فيسبوك|تويتر|واتساب|تلغرام)(?:\s+(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|فيسبوك|تويتر|واتساب|تلغرام))*$/u,
  // comments
  /^(?:اترك|اتركي|اتركوا|اضف|اضيفي|اكتب|ارسال|ارسل|شاركنا)\s+(?:ال)?(?:تعليق|تعليقا|تعليقك|تعليقات|رايك)(?:\s+\S+)?$/u,
  /^(?:التعليقات|تعليقات|تعليق|لا توجد تعليقات|كن اول من يعلق|\d+\s+تعليق)(?:\s+\d+)?$/u,
  /^(?:leave|add|post|write|submit|view|show|hide|load)\s+(?:a|your|all|more)?\s*(?:comment|comments|reply|replies)(?:\s+\S+)?$/u,
  /^(?:\d+\s+)?(?:comments?|no comments(?: yet)?|be the first to comment|join the (?:conversation|discussion))(?:\s+\d+)?$/u,
  // follow / subscribe / newsletter (bare «تابع» is also "continued", so only with a platform)
  /^(?:تابعنا|تابعونا|اشترك|اشتركوا|الاشتراك)(?:\s+\S+){0,3}$/u,
  new RegExp(`^تابع(?:وا)?${AR_PLATFORM.replace(/\)\?$/u, ")")}$`, "u"),
  /^(?:follow us|subscribe|sign up|signup|join us)(?:\s+\S+){0,4}$/u,
  /^(?:get|receive)\s+(?:our|the)\s+(?:newsletter|latest news)(?:\s+\S+){0,3}$/u,
  // read also / related / more (a "read also" line is a link to another article: drop it whole)
  /^(?:اقرا|اقرئي|اقراوا)\s+(?:ايضا|كذلك|المزيد)(?:\s+.*)?$/u,
  /^(?:مواضيع|اخبار|مقالات|قصص)\s+(?:ذات صله|متعلقه|مشابهه|قد تهمك)$/u,
  /^(?:المزيد|الاكثر قراءه|الاكثر مشاهده|قد يهمك ايضا|قد يهمك|ذات صله|اخترنا لك)$/u,
  /^(?:read|see|watch)\s+(?:also|more|next)(?:\s+.*)?$/u,
  /^(?:related|recommended|more from|more on|more stories|you may also like|most read|most popular|trending)(?:\s+(?:articles?|stories|content|news|posts|reading|now))?$/u,
  // ads and tag boxes on their own line
  /^(?:اعلان|مساحه اعلانيه|advertisement|sponsored|ad)$/u,
  /^(?:الوسوم|وسوم|كلمات مفتاحيه|tags|topics)$/u,
];

/** True when the whole line is page furniture (see the file header). */
export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_FURNITURE_LENGTH) return false;
  const n = normaliseFurnitureLine(trimmed);
  if (n.length === 0) return true; // only punctuation, arrows, emoji
  return PATTERNS.some((p) => p.test(n));
}

/**
 * A byline repeated in the body ("By Jane Doe", «بقلم: فلان», «كتب: فلان», or the author's
 * bare name, perhaps with a date) — dropped because the importer stores the author apart.
 * Without a known author only unambiguous forms count: «بقلم …», «كتب: …» with a colon, and
 * "By" followed by one to four capitalised words.
 */
export function isBylineLine(line: string, author?: string | null): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_FURNITURE_LENGTH) return false;
  const n = normaliseFurnitureLine(trimmed);
  const name = author ? normaliseFurnitureLine(author) : "";
  if (name) {
    const rest = n.replace(/^(?:by|written by|بقلم|كتب|كتبت|كتبه|اعداد)\s+/u, "");
    if (rest === name || (rest.startsWith(`${name} `) && /^[\d\s]*$|^(?:\S+\s*){0,3}$/u.test(rest.slice(name.length)))) return true;
  }
  if (/^بقلم\s*[:：\-–]?\s*\S+(?:\s+\S+){0,4}$/u.test(trimmed)) return true;
  if (/^(?:كتب|كتبت|إعداد|اعداد)\s*[:：]\s*\S+(?:\s+\S+){0,4}$/u.test(trimmed)) return true;
  return /^(?:By|BY|Written by)\s+(?:\p{Lu}[\p{L}'’.\-]*\s*(?:and\s+)?){1,4}(?:[,|–-].{0,30})?$/u.test(trimmed);
}
