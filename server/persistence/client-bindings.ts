import type { Db } from "../db/client";

/**
 * Which user writes with each Yjs client id of an article (the DocClient table).
 *
 * Every Yjs item records the client id that created it. The collab server learns, from the
 * authenticated connection, which client ids each user writes new content with, binds each
 * client id to that user once, and refuses new content under a client id bound to someone
 * else (server/collab/update-guard.ts). Authorship of any item — a claim's creator, the
 * verdict's setter, a comment's author — is then the user bound to the item's client id,
 * never a key a client wrote.
 *
 * The binding is written to the database at once (asynchronously); `settled()` waits for
 * pending writes so that a decision taken right after an edit sees it. With several
 * processes, each new binding is also relayed to the peers holding the room (`learn`; the
 * collab server publishes it before the update that made it), and the table's primary key
 * makes the first binding win; a process whose own binding lost is told through `onConflict`.
 */
export class ClientBindings {
  private readonly byArticle = new Map<string, Map<number, string>>();
  private readonly pending = new Map<string, Set<Promise<void>>>();

  constructor(private readonly db: Db, private readonly log: (msg: string, extra?: Record<string, unknown>) => void = () => {}) {}

  /** Load an article's bindings (before its room answers any message). */
  async load(articleId: string): Promise<void> {
    const rows = await this.db.docClient.findMany({ where: { articleId }, select: { clientId: true, userId: true } });
    const map = this.byArticle.get(articleId) ?? new Map<number, string>();
    for (const r of rows) map.set(Number(r.clientId), r.userId);
    this.byArticle.set(articleId, map);
  }

  /** Forget an unloaded article's cache (the table keeps the bindings). */
  forget(articleId: string): void {
    if (!this.pending.get(articleId)?.size) this.byArticle.delete(articleId);
  }

  /** The user bound to a client id, as this process knows it. */
  userOf(articleId: string, clientId: number): string | undefined {
    return this.byArticle.get(articleId)?.get(clientId);
  }

  /**
   * A binding another process made (relayed): known here at once, so content under the id
   * from anyone else is refused before it is applied. The first binding this process knows
   * is kept; the table decides between two made at the same moment.
   */
  learn(articleId: string, clientId: number, userId: string): void {
    const map = this.byArticle.get(articleId);
    if (map && !map.has(clientId)) map.set(clientId, userId);
  }

  /**
   * Bind an unbound client id to a user now (in memory at once, in the database soon); true
   * if it was new here. `onConflict` runs if another process bound it to someone else first.
   */
  bind(articleId: string, clientId: number, userId: string, onConflict?: (owner: string) => void): boolean {
    let map = this.byArticle.get(articleId);
    if (!map) this.byArticle.set(articleId, (map = new Map()));
    if (map.has(clientId)) return false;
    map.set(clientId, userId);
    const write = this.db.docClient.create({ data: { articleId, clientId: BigInt(clientId), userId } }).then(
      () => {},
      async (e) => {
        const row = await this.db.docClient.findUnique({ where: { articleId_clientId: { articleId, clientId: BigInt(clientId) } } }).catch(() => null);
        if (!row) {
          this.log("client binding not stored", { articleId, clientId, error: String(e) });
          return;
        }
        map!.set(clientId, row.userId);
        if (row.userId !== userId) onConflict?.(row.userId);
      },
    );
    let set = this.pending.get(articleId);
    if (!set) this.pending.set(articleId, (set = new Set()));
    set.add(write);
    void write.finally(() => set!.delete(write));
    return true;
  }

  /** Wait until every binding written so far for the article is stored. */
  async settled(articleId: string): Promise<void> {
    const set = this.pending.get(articleId);
    if (set?.size) await Promise.all([...set]);
  }
}

/**
 * The stored bindings of an article as clientId -> userId (for derived authorship: the
 * projection, the four-eyes check, the history). Reads the database, so it sees bindings
 * made by any process.
 */
export async function loadClientUsers(db: Db, articleId: string): Promise<Map<number, string>> {
  const rows = await db.docClient.findMany({ where: { articleId }, select: { clientId: true, userId: true } });
  return new Map(rows.map((r) => [Number(r.clientId), r.userId]));
}

/** Bind a client id to a user directly in the table (scripts writing without a collab server). */
export async function bindClient(db: Db, articleId: string, clientId: number, userId: string): Promise<void> {
  await db.docClient.create({ data: { articleId, clientId: BigInt(clientId), userId } });
}

/** A fresh random Yjs client id (uint32, as yjs makes them) not yet in `taken`. */
export function freshClientId(taken: (id: number) => boolean): number {
  for (;;) {
    const id = Math.floor(Math.random() * 0xffffffff) >>> 0;
    if (id !== 0 && !taken(id)) return id;
  }
}
