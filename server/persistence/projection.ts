import * as Y from "yjs";
import { inspectClaims } from "../../lib/article-doc";
import type { ClaimView } from "../../lib/claim-model";
import { claimContentHash } from "../../lib/review/content-hash";
import type { Db } from "../db/client";
import type { CollabServer } from "../collab/server";
import { DocStore } from "./doc-store";
import { auditClaimChanges } from "../audit/audit-claim-changes";

/**
 * Derive `Claim` and `Source` rows from an article's document. Idempotent (the rows are
 * replaced to match the document), so it can run after every flush and be rebuilt by
 * `npm run db:reproject`. Invalid content a hostile client wrote is skipped and reported.
 */
export async function projectArticle(db: Db, articleId: string, doc: Y.Doc, body: string, opts: { audit?: boolean } = {}): Promise<{ claims: number; written: number; problems: string[] }> {
  const audit = opts.audit ?? true;
  const { claims, problems } = inspectClaims(doc, body);
  const existing = await db.claim.findMany({ where: { articleId }, include: { sources: { orderBy: { position: "asc" } } } });
  const previous = new Map(existing.map((row) => [row.id, fingerprint(row, row.sources)]));
  const keep = new Set(claims.map((c) => c.id));
  const gone = existing.filter((row) => !keep.has(row.id)).map((row) => row.id);
  // Only claims whose projected content changed are written: a flush usually touches one claim.
  const changed = claims.filter((c) => previous.get(c.id) !== fingerprint(claimRow(articleId, c), sourceRows(articleId, c)));
  const before = new Map(existing.map((row) => [row.id, row]));
  await db.$transaction(async (tx) => {
    // Status and verdict live in the document; their audit trail is derived here, row by row.
    if (audit) for (const id of gone) await auditClaimChanges(tx, before.get(id)!, null, null);
    for (let i = 0; i < gone.length; i += 500) await tx.claim.deleteMany({ where: { id: { in: gone.slice(i, i + 500) } } });
    for (const claim of changed) {
      const row = claimRow(articleId, claim);
      await tx.claim.upsert({ where: { id: claim.id }, create: row, update: row });
      if (audit) await auditClaimChanges(tx, before.get(claim.id) ?? null, row, claim.updatedBy);
      await tx.source.deleteMany({ where: { claimId: claim.id } });
      if (claim.sources.length > 0) await tx.source.createMany({ data: sourceRows(articleId, claim) });
    }
  }, { timeout: 60_000 });
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
  return JSON.stringify([rest, canonical(fields), createdAt.getTime(), updatedAt.getTime(), sources.map((s) => [s.id, s.position, s.url, s.title, s.publisher, s.date, s.archivedUrl, s.note])]);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

function claimRow(articleId: string, c: ClaimView) {
  return {
    id: c.id, articleId, type: c.type, status: c.status, verdict: c.verdict, verdictById: c.verdictBy,
    start: c.anchor.start, end: c.anchor.end, exact: c.anchor.exact, fields: c.fields as object,
    rationale: c.rationale, assigneeId: c.assigneeId, createdById: c.createdBy, contentHash: claimContentHash(c),
    createdAt: safeDate(c.createdAt), updatedAt: safeDate(c.updatedAt),
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
  const doc = new Y.Doc();
  try {
    const state = await new DocStore(db).load(articleId);
    if (state) Y.applyUpdate(doc, state);
    return await projectArticle(db, articleId, doc, article.body, opts);
  } finally {
    doc.destroy();
  }
}

/**
 * Debounced projection after store flushes, off the hot path: at most one run per article
 * at a time, a few hundred ms after the last flush.
 */
export function startProjection(db: Db, log: (msg: string, extra?: Record<string, unknown>) => void, debounceMs = 250) {
  let collab: CollabServer | null = null;
  const timers = new Map<string, NodeJS.Timeout>();
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
      const result = await projectArticle(db, articleId, room.doc, body);
      if (result.problems.length) log("projection skipped invalid claims", { articleId, problems: result.problems.slice(0, 10) });
    }
    for (const l of listeners) l(articleId);
  }

  function schedule(articleId: string) {
    const t = timers.get(articleId);
    if (t) clearTimeout(t);
    timers.set(articleId, setTimeout(() => {
      timers.delete(articleId);
      const previous = running.get(articleId) ?? Promise.resolve();
      const next = previous.then(() => run(articleId)).catch((e) => log("projection failed", { articleId, error: String(e) }));
      running.set(articleId, next);
      void next.finally(() => { if (running.get(articleId) === next) running.delete(articleId); });
    }, debounceMs));
  }

  return {
    attach(server: CollabServer) { collab = server; },
    schedule,
    onProjected(fn: (articleId: string) => void) { listeners.add(fn); return () => listeners.delete(fn); },
    /** Run pending projections now (tests, shutdown). */
    async drain() {
      const ids = [...timers.keys()];
      for (const id of ids) { clearTimeout(timers.get(id)!); timers.delete(id); }
      // After any projection already running for the same article, never beside it: an older
      // run that commits last would write back claims deleted since it read the document.
      const now = ids.map((id) => (running.get(id) ?? Promise.resolve()).then(() => run(id)).catch(() => {}));
      await Promise.all([...now, ...running.values()]);
    },
    async stop() {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      await Promise.all(running.values());
    },
  };
}
