import * as Y from "yjs";
import * as articleDoc from "../../lib/article-doc";
import type { Db } from "../db/client";
import type { RoomRegistry } from "../collab/registry";
import { DocStore } from "./doc-store";
import { ClientBindings, freshClientId, loadClientUsers } from "../collab/authorship";

/** The document API of the module graph that owns a Y.Doc. */
export type ArticleDocApi = typeof articleDoc & { Y: typeof Y };

/**
 * Access to an article's shared document from anywhere in the process.
 *
 * Why the `api` argument: server/main.ts (tsx) and Next's bundled route handlers are two
 * module graphs, each with its own copy of yjs. A live room's Y.Doc belongs to the main
 * graph, and yjs's `instanceof` checks fail when another copy's functions touch it. So
 * callers never import lib/article-doc to work on a document they get here: they use the
 * `api` they are handed, which always comes from the graph that made the doc. Results
 * should be plain data (ClaimView etc.), which crosses graphs safely.
 */
export interface DocAccess {
  /** Read the current document: the live room when loaded (it has unflushed edits), else the store. */
  read<T>(articleId: string, fn: (doc: Y.Doc, api: ArticleDocApi) => T): Promise<T>;
  /**
   * Change the document with the server's origin: broadcast to live clients and persisted.
   * Written under a Yjs client id bound to `actorId` (server-vouched authorship).
   */
  write<T>(articleId: string, fn: (doc: Y.Doc, api: ArticleDocApi) => T, actorId: string): Promise<T>;
  /** Client id -> user bindings of the article, after every pending binding is stored. */
  clientUsers(articleId: string): Promise<Map<number, string>>;
}

const api: ArticleDocApi = { ...articleDoc, Y };

export function createDocAccess(db: Db, registry: RoomRegistry | null, bindings: ClientBindings | null = null): DocAccess {
  async function fromStore(articleId: string): Promise<Y.Doc> {
    const doc = new Y.Doc({ guid: articleId });
    const state = await new DocStore(db).load(articleId);
    if (state) Y.applyUpdate(doc, state);
    return doc;
  }
  return {
    async read(articleId, fn) {
      const live = registry?.loaded(articleId);
      if (live) return fn(live.doc, api);
      const doc = await fromStore(articleId);
      try {
        return fn(doc, api);
      } finally {
        doc.destroy();
      }
    },
    async clientUsers(articleId) {
      await bindings?.settled(articleId);
      return loadClientUsers(db, articleId);
    },
    async write(articleId, fn, actorId) {
      if (registry) return registry.withDoc(articleId, (doc) => fn(doc, api), actorId);
      // No collab server in this process (scripts): write the change to the store directly,
      // under a fresh client id bound to the actor.
      const doc = await fromStore(articleId);
      try {
        const before = Y.encodeStateVector(doc);
        const taken = await loadClientUsers(db, articleId);
        doc.clientID = freshClientId((id) => taken.has(id) || Y.getState(doc.store, id) > 0);
        await db.docClient.create({ data: { articleId, clientId: BigInt(doc.clientID), userId: actorId } });
        const result = fn(doc, api);
        const store = new DocStore(db);
        store.append(articleId, Y.encodeStateAsUpdate(doc, before));
        await store.flush(articleId);
        return result;
      } finally {
        doc.destroy();
      }
    },
  };
}
