import { createHash } from "node:crypto";
import * as Y from "yjs";
import { allClaimItemClients, inspectClaims, type ClaimItemClients, type ClaimProblem } from "../../lib/article-doc";
import type { ClaimView } from "../../lib/claim-model";
import { canonicalJson, claimContentHash } from "../../lib/review/content-hash";
import { databaseUrlOf, providerOf, type Db } from "../db/client";
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

/** What a projection reads from the document itself (everything else comes from the database and the activity). */
export interface ProjectionInputs {
  claims: ClaimView[];
  problems: ClaimProblem[];
  clients: Map<string, ClaimItemClients>;
}

export function projectionInputs(doc: Y.Doc, body: string): ProjectionInputs {
  return { ...inspectClaims(doc, body), clients: allClaimItemClients(doc) };
}

/**
 * Derive `Claim` and `Source` rows from an article's document. Idempotent (the rows are
 * replaced to match the document), so it can run after every flush and be rebuilt by
 * `npm run db:reproject`. Invalid content a hostile client wrote is skipped and reported.
 * `inputs` (from `projectionInputs(doc, body)`, read just before the call) spares reading the
 * document twice; `users` in the result is the client→user bindings the run read.
 */
export async function projectArticle(db: Db, articleId: string, doc: Y.Doc, body: string, opts: { audit?: boolean; activity?: ProjectionActivity | null; notify?: (msg: string, extra?: Record<string, unknown>) => void; inputs?: ProjectionInputs } = {}): Promise<{ claims: number; written: number; problems: string[]; users: ReadonlyMap<number, string> }> {
  const audit = opts.audit ?? true;
  const { claims, problems, clients } = opts.inputs ?? projectionInputs(doc, body);
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
  return { claims: claims.length, written: changed.length + gone.length, problems: problems.map((p) => `${p.claimId}: ${p.reason}`), users };
}

function sourceRows(articleId: string, claim: ClaimView) {
  return claim.sources.map((s, position) => ({
    id: `${claim.id}:${s.id}`, claimId: claim.id, articleId, position,
    url: s.url, title: s.title, publisher: s.publisher, date: s.date, archivedUrl: s.archivedUrl, note: s.note,
  }));
}

/**
 * What a projected claim row says, for change detection (dates compared as instants). Named
 * columns in a fixed order: the stored row (from findMany) lists its columns in the table's
 * order and carries its `sources`, so spreading it never matched the computed row and every
 * run rewrote every claim, its sources and its search entries.
 */
type ProjectedRow = Omit<ReturnType<typeof claimRow>, "type" | "status" | "fields"> & { type: string; status: string; fields: unknown };
function fingerprint(row: ProjectedRow, sources: ReturnType<typeof sourceRows>): string {
  const r = row;
  return JSON.stringify([
    r.id, r.articleId, r.type, r.status, r.verdict, r.verdictById, r.start, r.end, r.exact, canonicalJson(r.fields), r.rationale, r.assigneeId,
    r.createdById, r.contentHash, r.updatedById, r.createdAt.getTime(), r.updatedAt.getTime(),
    sources.map((s) => [s.id, s.position, s.url, s.title, s.publisher, s.date, s.archivedUrl, s.note]),
  ]);
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
  guard: {
    bindings: { settled(articleId: string): Promise<void>; userOf(articleId: string, clientId: number): string | undefined };
    activity(articleId: string): ProjectionActivity | null;
  };
}

export interface ProjectionOptions {
  /** Projection runs at once in this process (default: 1 on SQLite, 4 on PostgreSQL). */
  concurrency?: number;
  /** A live room whose inputs did not change is not projected again for at most this long (default 30 s). */
  maxSkipAgeMs?: number;
}

/**
 * Everything of a live room that feeds its projected rows, as one hash. The rows are
 * `claimRow`/`sourceRows` of the claims (the ClaimViews: anchor, type, status, verdict, fields,
 * rationale, assignee, sources — `inspectClaims` against the body, so a claim whose anchor stops
 * matching leaves `claims` and enters `problems`), with `vouchedAuthors` of their item clients
 * and the activity's last change per claim; the audit of deletions uses `deletedBy`;
 * `notificationFacts` only looks at claims whose rows are written, so it adds nothing here.
 * The client→user bindings (`loadClientUsers`) are not in it: a binding row is never changed
 * once written, and `bindings.settled` is awaited before the inputs are read, so the bindings a
 * run read for the clients named here stay right while the same clients are named — covered
 * by the clients in the hash. A binding this process knows that the run did NOT find in the
 * table (not yet stored: a peer process's, relayed before its insert committed, or one begun
 * while `settled` waited) would break that; such a run is not remembered (see `run`).
 * The rest of a row (`prev` createdAt/updatedAt/updatedById) is the table's own; another
 * writer's changes to it are what the age bound is for.
 */
function inputFingerprint(inputs: ProjectionInputs, activity: ProjectionActivity | null): string {
  const lastChange = inputs.claims.map((c) => {
    const a = activity?.lastChange.get(c.id);
    return a ? [a.userId, a.at.getTime()] : null;
  });
  const deletedBy = activity ? [...activity.deletedBy].map(([id, a]) => [id, a.userId, a.at.getTime()]) : null;
  const text = JSON.stringify([inputs.claims, inputs.problems, [...inputs.clients], lastChange, deletedBy]);
  // A hash, not the text: one entry per live room, and the text holds every claim's comments.
  return createHash("sha256").update(text).digest("base64");
}

/**
 * Debounced projection after store flushes, off the hot path.
 *
 * Projection runs `debounceMs` after an article's last flush, but never later than `maxWaitMs`
 * after the first flush it has not yet projected: a plain debounce re-armed on every flush
 * starved the projection for as long as people kept typing (the review queue, search and the
 * API read its rows).
 *
 * All runs go through one process-wide queue: at most `concurrency` at once, each started
 * after a `setImmediate`. The rooms' max-wait timers expire together while people type; run
 * side by side, 20 projections on SQLite (better-sqlite3 is synchronous, Prisma resolves in
 * microtasks, and compiles each query on the event loop) finished inside ONE timers phase and
 * blocked the event loop for 20–43 ms. One run per macrotask lets the loop read sockets
 * between runs. Per article, runs never overlap and a later one runs after the earlier one.
 *
 * A live room's run is skipped — no database query at all — when its inputs
 * (`inputFingerprint`) equal those of its last successful full run in this process and that run
 * is younger than `maxSkipAgeMs`: typing in the article text changes none of them. The bound
 * exists because this process's view is not the only writer of the rows: another process's
 * projection of the same article (scale-out), or `npm run db:reproject`, may have written rows
 * from an older copy of the document. Before the skip, every run (every 2 s while people type)
 * repaired that; now a full run at least every `maxSkipAgeMs` does, and a skipped run arms a
 * check at that age, so rows are repaired within `maxSkipAgeMs` even when typing stops.
 */
export function startProjection(db: Db, log: (msg: string, extra?: Record<string, unknown>) => void, debounceMs = 250, maxWaitMs = 2_000, opts: ProjectionOptions = {}) {
  const concurrency = Math.max(1, opts.concurrency ?? (providerOf(databaseUrlOf(db)) === "sqlite" ? 1 : 4));
  const maxSkipAgeMs = opts.maxSkipAgeMs ?? 30_000;
  let collab: ProjectionLiveSource | null = null;
  let stopped = false;
  /** Per article: the pending run, and when the oldest flush it covers was scheduled. */
  const pending = new Map<string, { timer: NodeJS.Timeout; since: number }>();
  const running = new Map<string, Promise<void>>();
  /**
   * A live room's article body (never changed after import), keyed by the room's document like
   * `lastFull`: it goes with the room, so the process holds bodies of loaded articles only (a
   * Map by article id kept every article ever projected).
   */
  const bodies = new WeakMap<Y.Doc, string>();
  const listeners = new Set<(articleId: string) => void>();
  /**
   * The last successful full run of each live room: its inputs and when they were read. Keyed
   * by the room's document, not the article: a room that unloads takes its entry with it (a
   * reloaded room has a new document, so an entry never outlives its room's document, and the
   * map holds none for articles no longer loaded). Removed before every full run, so a run that
   * fails leaves none.
   */
  const lastFull = new WeakMap<Y.Doc, { fingerprint: string; at: number }>();
  /** Per article, after a skipped run: the check that forces a full run at `maxSkipAgeMs`. */
  const rechecks = new Map<string, NodeJS.Timeout>();

  /** Process-wide queue: at most `concurrency` runs; each starts in a later macrotask. */
  let active = 0;
  const waiting: Array<() => void> = [];
  function slot(): Promise<void> {
    return new Promise((resolve) => {
      const start = () => { active++; setImmediate(resolve); };
      if (active < concurrency) start();
      else waiting.push(start);
    });
  }
  function release() {
    active--;
    waiting.shift()?.();
  }

  function clearRecheck(articleId: string) {
    const t = rechecks.get(articleId);
    if (t) { clearTimeout(t); rechecks.delete(articleId); }
  }

  function armRecheck(articleId: string, doc: Y.Doc, at: number) {
    if (stopped || rechecks.has(articleId)) return;
    const timer = setTimeout(() => {
      rechecks.delete(articleId);
      void enqueue(articleId, { recheck: { doc, at } });
    }, Math.max(0, at + maxSkipAgeMs - Date.now()));
    timer.unref?.();
    rechecks.set(articleId, timer);
  }

  /**
   * One run. `recheck`: the age check armed by a skipped run — a full run of that room if no
   * full run happened since (nothing if the room unloaded: its unload flush projected it).
   */
  async function run(articleId: string, recheck?: { doc: Y.Doc; at: number }) {
    const room = collab?.registry.loaded(articleId);
    if (recheck && (room?.doc !== recheck.doc || lastFull.get(recheck.doc)?.at !== recheck.at)) return;
    if (!room || !collab) {
      await projectFromStore(db, articleId);
    } else {
      const live = collab;
      let body = bodies.get(room.doc);
      if (body === undefined) {
        body = (await db.article.findUnique({ where: { id: articleId }, select: { body: true } }))?.body ?? "";
        bodies.set(room.doc, body);
      }
      await live.guard.bindings.settled(articleId);
      // Read right after `settled`, nothing awaited in between (as projectArticle always did).
      const inputs = projectionInputs(room.doc, body);
      const activity = live.guard.activity(articleId);
      const fingerprint = inputFingerprint(inputs, activity);
      const at = Date.now();
      const last = lastFull.get(room.doc);
      if (!recheck && last && last.fingerprint === fingerprint && at - last.at < maxSkipAgeMs) {
        armRecheck(articleId, room.doc, last.at);
      } else {
        lastFull.delete(room.doc);
        clearRecheck(articleId);
        const result = await projectArticle(db, articleId, room.doc, body, { activity, notify: log, inputs });
        if (result.problems.length) log("projection skipped invalid claims", { articleId, problems: result.problems.slice(0, 10) });
        if (bindingsComplete(articleId, inputs, result.users, live)) lastFull.set(room.doc, { fingerprint, at });
      }
    }
    if (!recheck) for (const l of listeners) l(articleId);
  }

  /** Did the run find in the table every binding this process knows for the clients of the claims' rows? */
  function bindingsComplete(articleId: string, inputs: ProjectionInputs, users: ReadonlyMap<number, string>, live: ProjectionLiveSource): boolean {
    for (const c of inputs.claims) {
      const clients = inputs.clients.get(c.id);
      for (const client of [clients?.creator, clients?.verdict, clients?.status]) {
        if (client === null || client === undefined || users.has(client)) continue;
        if (live.guard.bindings.userOf(articleId, client) !== undefined) return false;
      }
    }
    return true;
  }

  async function queued(articleId: string, recheck?: { doc: Y.Doc; at: number }) {
    await slot();
    try {
      await run(articleId, recheck);
    } finally {
      release();
    }
  }

  /** After any run of the same article already queued or running, never beside it. */
  function enqueue(articleId: string, how: { recheck?: { doc: Y.Doc; at: number }; quiet?: boolean } = {}): Promise<void> {
    const previous = running.get(articleId) ?? Promise.resolve();
    const next = previous.then(() => queued(articleId, how.recheck)).catch((e) => { if (!how.quiet) log("projection failed", { articleId, error: String(e) }); });
    running.set(articleId, next);
    void next.finally(() => { if (running.get(articleId) === next) running.delete(articleId); });
    return next;
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
      void enqueue(articleId);
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
      const now = ids.map((id) => enqueue(id, { quiet: true }));
      await Promise.all([...now, ...running.values()]);
    },
    async stop() {
      stopped = true;
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
      for (const t of rechecks.values()) clearTimeout(t);
      rechecks.clear();
      await Promise.all(running.values());
    },
  };
}
