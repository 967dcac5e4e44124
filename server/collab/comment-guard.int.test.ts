import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addClaim, addComment, deleteClaim, deleteComment, editComment, readClaim } from "../../lib/article-doc";
import { CloseCode } from "../../lib/close-codes";
import { connectClient, createArticle, databaseKinds, waitFor, type TestUser, serverPerSuite } from "../test-support/harness";

/**
 * A comment's words belong to its author: the name over it is vouched for by its item's client
 * id, so another editor must not be able to change or remove it (the client library refuses,
 * but a client can write what it likes). Each attack here was applied before comment-guard.ts.
 */
const BODY = "Trade ministers met in Nairobi on 14 March 2024. Officials said the deal would create 8,000 jobs.";
const who = (u: TestUser) => ({ id: u.id, name: u.name });

for (const kind of databaseKinds()) {
  describe(`comments keep their author's words on ${kind}`, () => {
    const suite = serverPerSuite(kind, ["editor", "reviewer"]);
    const live = (articleId: string, claimId: string) => readClaim(suite.server.collab.registry.loaded(articleId)!.doc, claimId);

    /** A claim by the editor with one comment by the reviewer, both connected. */
    async function setUp() {
      const articleId = (await createArticle(suite.server.db, BODY)).id;
      const e = connectClient(suite.server, articleId, suite.users.editor.cookie);
      const r = connectClient(suite.server, articleId, suite.users.reviewer.cookie);
      await Promise.all([e.synced(), r.synced()]);
      const start = BODY.indexOf("8,000 jobs");
      const claimId = addClaim(e.doc, BODY, { type: "number", start, end: start + 10 }, who(suite.users.editor));
      await waitFor(() => !!readClaim(r.doc, claimId), "claim reaches the reviewer");
      const commentId = addComment(r.doc, claimId, "The ministry's own figure is 800.", who(suite.users.reviewer));
      await waitFor(() => live(articleId, claimId)?.comments.length === 1 && readClaim(e.doc, claimId)?.comments.length === 1, "comment everywhere");
      return { articleId, claimId, commentId, e, r };
    }

    it("another editor rewriting a comment's text is refused (4423); the words stay the author's", async () => {
      const { articleId, claimId, commentId, e, r } = await setUp();
      editComment(e.doc, claimId, commentId, "The figure checks out.", who(suite.users.reviewer)); // authorId is client-written
      await waitFor(() => e.closes.includes(CloseCode.ForeignComment), "refused");
      expect(live(articleId, claimId)?.comments[0].text).toBe("The ministry's own figure is 800.");
      // the author edits their own comment freely
      editComment(r.doc, claimId, commentId, "The ministry's own figure is 800, not 8,000.", who(suite.users.reviewer));
      await waitFor(() => live(articleId, claimId)?.comments[0].text === "The ministry's own figure is 800, not 8,000.", "own edit applied");
      expect(r.closes).toEqual([]);
      e.destroy(); r.destroy();
    });

    it("another editor deleting the comment, or replacing the claim's comment list, is refused", async () => {
      const { articleId, claimId, commentId, e, r } = await setUp();
      deleteComment(e.doc, claimId, commentId, who(suite.users.reviewer));
      await waitFor(() => e.closes.includes(CloseCode.ForeignComment), "deletion refused");
      expect(live(articleId, claimId)?.comments.map((c) => c.id)).toEqual([commentId]);
      e.destroy();

      const e2 = connectClient(suite.server, articleId, suite.users.editor.cookie);
      await e2.synced();
      (e2.doc.getMap("claims").get(claimId) as Y.Map<unknown>).set("comments", new Y.Array());
      await waitFor(() => e2.closes.includes(CloseCode.ForeignComment), "replacement refused");
      expect(live(articleId, claimId)?.comments.map((c) => c.id)).toEqual([commentId]);
      e2.destroy(); r.destroy();
    });

    it("deleting the claim (with others' comments in it) is a claim deletion and is allowed", async () => {
      const { articleId, claimId, e, r } = await setUp();
      deleteClaim(e.doc, claimId, who(suite.users.editor));
      await waitFor(() => live(articleId, claimId) === null, "claim deleted");
      expect(e.closes).toEqual([]);
      e.destroy(); r.destroy();
    });
  });
}
