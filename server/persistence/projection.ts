import * as Y from "yjs";
import { allClaimItemClients, inspectClaims, type ClaimItemClients } from "../../lib/article-doc";
import type { ClaimView } from "../../lib/claim-model";
import { canonicalJson, claimContentHash } from "../../lib/review/content-hash";
import type { Db } from "../db/client";
import { DocStore } from "./doc-store";
import { auditClaimChanges } from "../audit/audit-claim-changes";
import { loadClientUsers } from "./client-bindings";

/** Who changed (or deleted) a claim and when, as the collab server observed it (server time). */
export interface ClaimActivity {
  userId: string;
  at: Date;
}

/** Who changed claims while the room was loaded (server time), from the collab update guard. */
export interface ProjectionActivity {
  lastChange: ReadonlyMap<string, ClaimActivity>;
  deletedBy: ReadonlyMap<string, ClaimActivity>;
}

/**
 * Server-vouched authorship of a claim: the users bound to the clients of its items
 * (server/collab/authorship.ts). "" / null when the client is not bound (content from
 * before authorship was recorded). Client-written createdBy/verdictBy/updatedBy are ignored.
 */
export function vouchedAuthors(clients: ClaimItemClients | undefined, users: ReadonlyMap<number, string>) {
  const userOf = (client: number | null | undefined) => (client === null || client === undefined ? null : users.get(client) ?? null);
  return { createdBy: userOf(clients?.creator), verdictBy: userOf(clients?.verdict), statusBy: userOf(clients?.status) };
}
import { indexClaims } from "../search/index-claims";
import { notificationFacts } from "../notifications/from-projection";
import { createNotifications } from "../notifications/create-notifications";

/**
 * Derive `Claim` and `Source` rows from an article's document. Idempotent (the rows are
 * replaced to match the document), so it can run after every flush and be rebuilt by
 * `npm run db:reproject`. Invalid content a hostile client wrote is skipped and reported.
 */
export async function projectArticle(db: Db, articleId: string, doc: Y.Doc, body: string, opts: { audit?: boolean; activity?: ProjectionActivity | null; notify?: (msg: string, extra?: Record<string, unknown>) => void } = {}): Promise<{ claims: number; written: number; problems: string[] }> {
  const audit = opts.audit ?? true;
  const { claims, problems } = inspectClaims(doc, body);
  const clients = allClaimItemClients(doc);
  const users = await loadClientUsers(db, articleId);
  const existing = await db.claim.findMany({ where: { articleId }, include: { sources: { orderBy: { position: "asc" } } } });
  const before = new Map(existing.map((row) => [row.id, row]));
  const previous = new Map(existing.map((row) => [row.id, fingerprint(row, row.sources)]));
  const keep = new Set(claims.map((c) => c.id));
  const gone = existing.filter((row) => !keep.has(row.id)).map((row) => row.id);
  const rows = new Map(claims.map((c) => [c.id, claimRow(articleId, c, vouchedAuthors(clients.get(c.id), users), opts.activity?.lastChange.get(c.id), before.get(c.id))]));
  // Only claims whose projected content changed are written: a flush usually touches one claim.
  const changed = claims.filter((c) => previous.get(c.id) !== fingerprint(rows.get(c.id)!, sourceRows(articleId, c)));
  // Typing in a claim's text or the article usually changes no projected row: no transaction then
  // (on SQLite an open one also holds back the store's log appends on the shared connection).
  if (changed.length > 0 || gone.length > 0) await db.$transaction(async (tx) => {
    // Status and verdict live in the document; their audit trail is derived here, row by row,
    // with the server-vouched actor of each change (never a client-written key).
    if (audit) for (const id of gone) await auditClaimChanges(tx, before.get(id)!, null, { deleted: opts.activity?.deletedBy.get(id)?.userId ?? null });
    for (let i = 0; i < gone.length; i += 500) await tx.claim.deleteMany({ where: { articleId, id: { in: gone.slice(i, i + 500) } } });
    for (const claim of changed) {
      const row = rows.get(claim.id)!;
      const authors = vouchedAuthors(clients.get(claim.id), users);
      await tx.claim.upsert({ where: { articleId_id: { articleId, id: claim.id } }, create: row, update: row });
      if (audit) await auditClaimChanges(tx, before.get(claim.id) ?? null, row, { created: authors.createdBy, status: authors.statusBy, verdict: authors.verdictBy ?? row.updatedById });
      await tx.source.deleteMany({ where: { articleId, claimId: claim.id } });
      if (claim.sources.length > 0) await tx.source.createMany({ data: sourceRows(articleId, claim) });
    }
  }, { timeout: 60_000 });
  await indexClaims(db, articleId, { changed, gone });
  // Live edits only (not rebuilds): assignments and new mentions, with server-vouched actors.
  if (opts.notify && changed.length) {
    const facts = notificationFacts({ articleId, doc, changed, before, gone: gone.map((id) => before.get(id)!), users });
    if (facts.length) await createNotifications(db, facts, opts.notify);
  }
  return { claims: claims.length, written: changed.length + gone.length, problems: problems.map((p) => `${p.claimId}: ${p.reason}`) };
}

function sourceRows(articleId: string, claim: ClaimView) {
  return claim.sources.map((s, position) => ({
    id: `${claim.id}:${s.id}`, claimId: claim.id, articleId, position,
    url: s.url, title: s.title, publisher: s.publisher, date: s.date, archivedUrl: s.archivedUrl, note: s.note,
  }));
}

/** What a projected claim row says, for change detection (dates compared as instants). */
type ProjectedRow = Omit<ReturnType<typeof claimRow>, "type" | "status" | "fields"> & { type: string; status: string; fields: unknown };
function fingerprint(row: ProjectedRow, sources: ReturnType<typeof sourceRows>): string {
  const { createdAt, updatedAt, fields, ...rest } = row;
  return JSON.stringify([rest, canonicalJson(fields), createdAt.getTime(), updatedAt.getTime(), sources.map((s) => [s.id, s.position, s.url, s.title, s.publisher, s.date, s.archivedUrl, s.note])]);
}


/**
 * The projected row. Authorship is server-vouched (`authors`); "last changed by/when" is the
 * latest change the room saw (server time), else what the row already said, else the creator
 * and the claim's own createdAt (a display hint, the only time the document carries).
 */
function claimRow(
  articleId: string, c: ClaimView, authors: ReturnType<typeof vouchedAuthors>,
  last: ClaimActivity | undefined, prev: { updatedById: string | null; updatedAt: Date; createdAt: Date } | undefined,
) {
  const createdAt = prev?.createdAt ?? safeDate(c.createdAt);
  return {
    id: c.id, articleId, type: c.type, status: c.status, verdict: c.verdict, verdictById: c.verdict === null ? null : authors.verdictBy,
    start: c.anchor.start, end: c.anchor.end, exact: c.anchor.exact, fields: c.fields as object,
    rationale: c.rationale, assigneeId: c.assigneeId, createdById: authors.createdBy ?? "", contentHash: claimContentHash(c),
    updatedById: last?.userId ?? prev?.updatedById ?? authors.createdBy,
    createdAt, updatedAt: last?.at ?? prev?.updatedAt ?? createdAt,
  };
}

function safeDate(iso: string): Date {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

/** Project an article from the store (no live room): snapshot + log. */
export async function projectFromStore(db: Db, articleId: string, opts: { audit?: boolean } = {}) {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { body: true } });
  if (!article) return { claims: 0, problems: [`article ${articleId} not found`] };
  const doc = await new DocStore(db).loadDoc(articleId);
  try {
    return await projectArticle(db, articleId, doc, article.body, opts);
  } finally {
    doc.destroy();
  }
}

/**
 * What the projection needs from the collab server (which satisfies it): the live rooms, and the
 * update guard's bindings and observed activity. Declared here so persistence does not depend on
 * server/collab.
 */
export interface ProjectionLiveSource {
  registry: { loaded(articleId: string): { doc: Y.Doc } | undefined };
  guard: { bindings: { settled(articleId: string): Promise<void> }; activity(articleId: string): ProjectionActivity | null };
}

/**
 * Debounced projection after store flushes, off the hot path: at most one run per article
 * at a time, a few hundred ms after the last flush.
 */
/**
 * Projection runs `debounceMs` after an article's last flush, but never later than `maxWaitMs`
 * after the first flush it has not yet projected: a plain debounce re-armed on every flush
 * starved the projection for as long as people kept typing (the review queue, search and the
 * API read its rows).
 */
export function startProjection(db: Db, log: (msg: string, extra?: Record<string, unknown>) => void, debounceMs = 250, maxWaitMs = 2_000) {
  let collab: ProjectionLiveSource | null = null;
  /** Per article: the pending run, and when the oldest flush it covers was scheduled. */
  const pending = new Map<string, { timer: NodeJS.Timeout; since: number }>();
  const running = new Map<string, Promise<void>>();
  const bodies = new Map<string, string>();
  const listeners = new Set<(articleId: string) => void>();

  async function run(articleId: string) {
    const room = collab?.registry.loaded(articleId);
    if (!room) {
      await projectFromStore(db, articleId);
    } else {
      let body = bodies.get(articleId);
      if (body === undefined) {
        body = (await db.article.findUnique({ where: { id: articleId }, select: { body: true } }))?.body ?? "";
        bodies.set(articleId, body);
      }
      await collab?.guard.bindings.settled(articleId);
      const result = await projectArticle(db, articleId, room.doc, body, { activity: collab?.guard.activity(articleId), notify: log });
      if (result.problems.length) log("projection skipped invalid claims", { articleId, problems: result.problems.slice(0, 10) });
    }
    for (const l of listeners) l(articleId);
  }

  function schedule(articleId: string) {
    const now = Date.now();
    const current = pending.get(articleId);
    const since = current?.since ?? now;
    const delay = Math.max(0, Math.min(debounceMs, since + maxWaitMs - now));
    if (current) {
      if (delay < debounceMs) return; // close to the max wait: keep the timer already set
      clearTimeout(current.timer);
    }
    const timer = setTimeout(() => {
      pending.delete(articleId);
      const previous = running.get(articleId) ?? Promise.resolve();
      const next = previous.then(() => run(articleId)).catch((e) => log("projection failed", { articleId, error: String(e) }));
      running.set(articleId, next);
      void next.finally(() => { if (running.get(articleId) === next) running.delete(articleId); });
    }, delay);
    pending.set(articleId, { timer, since });
  }

  return {
    attach(server: ProjectionLiveSource) { collab = server; },
    schedule,
    onProjected(fn: (articleId: string) => void) { listeners.add(fn); return () => listeners.delete(fn); },
    /** Run pending projections now (tests, shutdown). */
    async drain() {
      const ids = [...pending.keys()];
      for (const id of ids) { clearTimeout(pending.get(id)!.timer); pending.delete(id); }
      // After any projection already running for the same article, never beside it: an older
      // run that commits last would write back claims deleted since it read the document.
      const now = ids.map((id) => (running.get(id) ?? Promise.resolve()).then(() => run(id)).catch(() => {}));
      await Promise.all([...now, ...running.values()]);
    },
    async stop() {
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      await Promise.all(running.values());
    },
  };
}
