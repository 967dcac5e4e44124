import * as Y from "yjs";
import { claimsMap, DISMISSED_KEY, type Origin } from "./internal";

/**
 * An UndoManager over the claims map (including every nested type: fields, rationale,
 * sources, comments) and the dismissed-suggestions map, tracking only transactions made
 * with `origin`. Pass the same `origin` to the operations of the local user: undo then
 * reverts that user's changes only, never a collaborator's.
 */
export function createUndoManager(doc: Y.Doc, origin: Origin, options: { captureTimeout?: number } = {}): Y.UndoManager {
  return new Y.UndoManager([claimsMap(doc), doc.getMap(DISMISSED_KEY)], {
    trackedOrigins: new Set([origin]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}
