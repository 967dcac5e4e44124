import * as Y from "yjs";
import type { Db } from "../db/client";
import { getRuntime } from "../runtime";
import { DocStore } from "./doc-store";

/**
 * Run `fn` on an article's current document: the live room's doc when this process has the
 * room loaded (it holds edits not yet flushed), otherwise a fresh copy from the store.
 * `fn` must only read.
 */
export async function readArticleDoc<T>(db: Db, articleId: string, fn: (doc: Y.Doc) => T): Promise<T> {
  const live = getRuntime()?.collab.registry.loaded(articleId);
  if (live) return fn(live.doc);
  const doc = new Y.Doc();
  try {
    const state = await new DocStore(db).load(articleId);
    if (state) Y.applyUpdate(doc, state);
    return fn(doc);
  } finally {
    doc.destroy();
  }
}
