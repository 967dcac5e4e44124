import type * as Y from "yjs";
import type { ClaimView } from "../../lib/claim-model";
import { AppError } from "../../lib/errors";
import { claimContentHash } from "../../lib/review/content-hash";
import type { CollabServer } from "../collab/server";
import type { Db } from "../db/client";
import { createDocAccess, type ArticleDocApi, type DocAccess } from "../persistence/doc-access";

/**
 * Reading (and, for the server's own status changes, writing) the LIVE article document.
 * Decisions are checked against what the document holds now, never against what a client
 * says it holds: with a collab server the room is the truth (loaded on demand, so its
 * unsaved updates count); without one (seed, CLI) the stored snapshot + log is.
 */

export interface LiveDeps {
  db: Db;
  /** The running collab server; omit only where no server runs (seed, CLI scripts). */
  collab?: Pick<CollabServer, "registry" | "publishDecisions" | "guard"> | null;
  /**
   * Document access of the graph that owns the live rooms (server/runtime.ts `docs`). Route
   * handlers must pass it: Next's bundle has its own copy of yjs (see doc-access.ts).
   */
  docs?: DocAccess;
}

function access(deps: LiveDeps): DocAccess {
  return deps.docs ?? createDocAccess(deps.db, deps.collab?.registry ?? null, deps.collab?.guard?.bindings ?? null);
}

/** Run `fn` on the article's live document with the API of the graph that owns it. Read only. */
export function withLiveDoc<T>(deps: LiveDeps, articleId: string, fn: (doc: Y.Doc, api: ArticleDocApi) => T): Promise<T> {
  return access(deps).read(articleId, fn);
}

/**
 * Write to the article's document as the server. With a collab server this goes through the
 * live room (broadcast to every client, persisted by the room's store); without one, the
 * change is appended to the store and flushed before this resolves.
 */
export function changeLiveDoc<T>(deps: LiveDeps, articleId: string, actorId: string, fn: (doc: Y.Doc, api: ArticleDocApi) => T): Promise<T> {
  return access(deps).write(articleId, fn, actorId);
}

/** Client id -> user bindings of the article (who wrote under which Yjs client id). */
export function liveClientUsers(deps: LiveDeps, articleId: string): Promise<Map<number, string>> {
  return access(deps).clientUsers(articleId);
}

/** Server-vouched authorship of a live claim (users bound to its items' client ids). */
export interface VouchedClaimAuthors {
  createdBy: string | null;
  verdictBy: string | null;
  statusBy: string | null;
  /** comment id -> author */
  comments: Record<string, string | null>;
}

/** The live claim, its hash, and who really created it / set its verdict / wrote its comments. */
export async function readVouchedClaim(deps: LiveDeps, articleId: string, claimId: string): Promise<LiveClaim & { authors: VouchedClaimAuthors }> {
  const read = await withLiveDoc(deps, articleId, (doc, api) => ({ claim: api.readClaim(doc, claimId), clients: api.claimItemClients(doc, claimId) }));
  if (!read.claim || !read.clients) throw new AppError("NOT_FOUND", "This claim does not exist (any more) in the article.");
  const users = await liveClientUsers(deps, articleId);
  const userOf = (client: number | null) => (client === null ? null : users.get(client) ?? null);
  return {
    claim: read.claim, contentHash: claimContentHash(read.claim),
    authors: {
      createdBy: userOf(read.clients.creator), verdictBy: userOf(read.clients.verdict), statusBy: userOf(read.clients.status),
      comments: Object.fromEntries(Object.entries(read.clients.comments).map(([id, client]) => [id, userOf(client)])),
    },
  };
}

export interface LiveClaim {
  claim: ClaimView;
  /** claimContentHash of the live claim, computed here. */
  contentHash: string;
}

/** The live claim and its content hash, or AppError NOT_FOUND. */
export async function readLiveClaim(deps: LiveDeps, articleId: string, claimId: string): Promise<LiveClaim> {
  const claim = await withLiveDoc(deps, articleId, (doc, api) => api.readClaim(doc, claimId));
  if (!claim) throw new AppError("NOT_FOUND", "This claim does not exist (any more) in the article.");
  return { claim, contentHash: claimContentHash(claim) };
}

/** Every well-formed claim of the article (anchors checked against the body), with hashes. */
export async function readLiveClaims(deps: LiveDeps, articleId: string, body: string): Promise<{ claims: LiveClaim[]; problems: string[] }> {
  const { claims, problems } = await withLiveDoc(deps, articleId, (doc, api) => api.inspectClaims(doc, body));
  return {
    claims: claims.map((claim) => ({ claim, contentHash: claimContentHash(claim) })),
    problems: problems.map((p) => `${p.claimId}: ${p.reason}`),
  };
}
