/**
 * @mentions in comments and rationales.
 *
 * A mention is stored in the text itself as the token `@[Name](userId)`: the id is what the
 * server acts on (who to notify), the name is a display fallback and keeps the raw text
 * readable wherever it is shown as plain text (exports, e-mail, an old client). The browser
 * renders each token as a chip with the person's CURRENT name from the team list; nothing
 * in a token is ever rendered as HTML. A plain `@name` typed by hand is just text: it names
 * nobody, so no one is notified of a guess.
 *
 * Why a token and not `@handle`: people have no handles, and Arabic names contain spaces, so
 * a handle would have to be invented and kept unique; the token needs neither.
 */

/** A user id as Sanad makes them (cuid) or as seeds name them. */
const USER_ID = "[A-Za-z0-9_-]{1,64}";
/** The name part: no brackets, no line breaks, at most 100 characters. */
const NAME = "[^\\[\\]\\r\\n]{1,100}";
const TOKEN = new RegExp(`@\\[(${NAME})\\]\\((${USER_ID})\\)`, "gu");

export interface Mention {
  /** Offsets of the whole token in the text (JS string indices). */
  start: number;
  end: number;
  name: string;
  userId: string;
}

/** Characters a name may not carry inside a token (they would end it early). */
const UNSAFE_IN_NAME = /[[\]\r\n]/g;

/** The token for a person; brackets and line breaks in their name are replaced by spaces. */
export function mentionToken(name: string, userId: string): string {
  if (!new RegExp(`^${USER_ID}$`).test(userId)) throw new Error("not a user id");
  const safe = name.replace(UNSAFE_IN_NAME, " ").replace(/\s+/g, " ").trim().slice(0, 100) || "?";
  return `@[${safe}](${userId})`;
}

/** Every mention token in a text, in order. */
export function parseMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ start: m.index, end: m.index + m[0].length, name: m[1], userId: m[2] });
  return out;
}

/** The distinct user ids a text mentions, in order of first mention. */
export function mentionedUserIds(text: string): string[] {
  return [...new Set(parseMentions(text).map((m) => m.userId))];
}

export type MentionPart = { kind: "text"; text: string } | { kind: "mention"; name: string; userId: string };

/** The text split into plain runs and mentions, for rendering (each part as a text node or a chip). */
export function splitMentions(text: string): MentionPart[] {
  const parts: MentionPart[] = [];
  let at = 0;
  for (const m of parseMentions(text)) {
    if (m.start > at) parts.push({ kind: "text", text: text.slice(at, m.start) });
    parts.push({ kind: "mention", name: m.name, userId: m.userId });
    at = m.end;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}

/**
 * The text with every token replaced by `@Name` (names from `nameOf` when known): for
 * notifications, e-mail and anywhere the text is shown without chips.
 */
export function mentionsAsPlainText(text: string, nameOf: (userId: string) => string | undefined = () => undefined): string {
  return splitMentions(text).map((p) => (p.kind === "text" ? p.text : `@${nameOf(p.userId) ?? p.name}`)).join("");
}

/**
 * The mention being typed at the caret: an `@` at the start of the text or after a space or
 * punctuation (so an e-mail address does not open the list), followed by up to 40 characters
 * without a line break, another `@` or a token bracket. Spaces are allowed so that a full
 * Arabic or English name ("أحمد الخطيب") can be typed; the list closes when nothing matches.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[@\r\n[\]()]/.test(query) || /^\s/.test(query)) return null;
  const prev = at === 0 ? "" : before[at - 1];
  if (prev && !/[\s\p{P}\p{S}]/u.test(prev)) return null;
  return { start: at, query };
}

/**
 * Fold a name or query for matching: case, Latin accents, Arabic diacritics and tatweel
 * ignored; alef/hamza forms, alef maqsura and ta marbuta folded (so "احمد" finds "أحمد").
 */
export function foldForMatch(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")
    .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .replace(/\u0629/g, "\u0647")
    .toLowerCase()
    .trim();
}

/**
 * The people whose name matches a query: the whole name or any word of it starts with the
 * query (folded). An empty query lists everyone. At most `limit`, those matching the whole
 * name's start first.
 */
export function matchPeople<P extends { name: string }>(people: readonly P[], query: string, limit = 8): P[] {
  const q = foldForMatch(query);
  if (!q) return people.slice(0, limit);
  const scored: Array<[number, P]> = [];
  for (const p of people) {
    const name = foldForMatch(p.name);
    if (name.startsWith(q)) scored.push([0, p]);
    else if (name.split(/\s+/).some((w, i) => i > 0 && w.startsWith(q)) || name.includes(` ${q}`)) scored.push([1, p]);
  }
  return scored.sort((a, b) => a[0] - b[0]).slice(0, limit).map(([, p]) => p);
}

/** Replace the query being typed (from `start` to the caret) by a person's token and a space. */
export function insertMention(text: string, start: number, caret: number, person: { id: string; name: string }): { text: string; caret: number } {
  const token = `${mentionToken(person.name, person.id)} `;
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length };
}
