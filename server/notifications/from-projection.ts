import type * as Y from "yjs";
import { claimNotificationItems } from "../../lib/article-doc";
import type { ClaimView } from "../../lib/claim-model";
import { mentionsAsPlainText, parseMentions } from "../../lib/mentions";
import type { NotificationFact } from "./create-notifications";
import { EXCERPT_CHARS } from "./create-notifications";

/** What the projection knew of a claim before this run (its stored row). */
export interface ProjectedBefore { assigneeId: string | null; rationale: string; start: number; end: number; exact: string }

/**
 * Comment mention keys this process has already handed to createNotifications. Comments are
 * not projected, so every projection of a changed claim sees all its comments again; this
 * spares the database a refused insert per old mention (the dedupe key stays the real guard).
 */
const handled = new Set<string>();
const HANDLED_MAX = 50_000;

/**
 * The notifications an article's projection run implies, from what the server observed:
 * - assignment: the claim's `assigneeId` changed to someone; the assigner is the user bound to
 *   the client id of the item holding that key (never a document key);
 * - a mention token new to a rationale (not in the previously projected rationale), credited
 *   to the user bound to the client that wrote the token's `@`: one notification per token
 *   item, so a rationale typed live notifies once, when the finished token is first projected;
 * - a mention in a comment, credited to the writer of the comment's current text: one per
 *   person per comment, however often the comment is edited.
 * A claim replaced by a type change (same anchor, new id, copied content) is compared with the
 * claim it replaced, and its copied comments (fresh ids) notify no one again: their mentions are
 * recorded as already notified (`silent`), so a later projection of the new claim skips them too.
 */
export function notificationFacts(opts: {
  articleId: string;
  doc: Y.Doc;
  changed: ClaimView[];
  before: ReadonlyMap<string, ProjectedBefore>;
  gone: ProjectedBefore[];
  users: ReadonlyMap<number, string>;
  nameOf?: (userId: string) => string | undefined;
}): NotificationFact[] {
  const { articleId, doc, users } = opts;
  const facts: NotificationFact[] = [];
  const excerpt = (text: string) => {
    const plain = mentionsAsPlainText(text, opts.nameOf).trim();
    return plain.length > EXCERPT_CHARS ? `${plain.slice(0, EXCERPT_CHARS - 1)}…` : plain;
  };
  for (const claim of opts.changed) {
    const items = claimNotificationItems(doc, claim.id);
    if (!items) continue;
    let prev = opts.before.get(claim.id);
    const replaced = !prev && opts.gone.find((g) => g.start === claim.anchor.start && g.end === claim.anchor.end && g.exact === claim.anchor.exact);
    if (replaced) prev = replaced;
    const base = { articleId, claimId: claim.id };

    if (claim.assigneeId && claim.assigneeId !== (prev?.assigneeId ?? null) && items.assignee) {
      const actorId = users.get(items.assignee.client);
      if (actorId) facts.push({ ...base, kind: "assigned", userId: claim.assigneeId, actorId, excerpt: "", dedupeKey: `assigned:${articleId}:${claim.id}:${items.assignee.client}:${items.assignee.clock}` });
    }

    const before = new Set(parseMentions(prev?.rationale ?? "").map((m) => m.userId));
    for (const m of parseMentions(claim.rationale)) {
      if (before.has(m.userId)) continue;
      const item = items.rationaleAt(m.start);
      const actorId = item ? users.get(item.client) : undefined;
      if (!item || !actorId) continue;
      facts.push({ ...base, kind: "mention", userId: m.userId, actorId, excerpt: excerpt(claim.rationale), dedupeKey: `mention:${articleId}:${claim.id}:rationale:${item.client}:${item.clock}:${m.userId}` });
    }

    for (const comment of claim.comments) {
      const client = items.commentTextClients[comment.id];
      const actorId = client === undefined ? undefined : users.get(client);
      if (!actorId) continue;
      for (const userId of new Set(parseMentions(comment.text).map((m) => m.userId))) {
        const dedupeKey = `mention:${articleId}:${claim.id}:comment:${comment.id}:${userId}`;
        if (handled.has(dedupeKey)) continue;
        if (handled.size >= HANDLED_MAX) handled.clear();
        handled.add(dedupeKey);
        facts.push({ ...base, kind: "mention", userId, actorId, excerpt: excerpt(comment.text), dedupeKey, ...(replaced ? { silent: true } : {}) });
      }
    }
  }
  return facts;
}
