import * as Y from "yjs";
import { addClaim, addSource, readClaims, setRationale, setStatement, setStatus, setVerdict, updateClaimFields } from "../lib/article-doc";
import type { ClaimType } from "../lib/claim-types";
import { AppError } from "../lib/errors";
import type { Actor } from "../lib/policies";
import { readLiveClaim } from "./claims/live-claim";
import { signOffClaim } from "./claims/sign-off-claim";
import type { Db } from "./db/client";
import { projectFromStore } from "./persistence/projection";
import { DocStore } from "./persistence/doc-store";
import { bindClient } from "./collab/authorship";
import { publishArticle } from "./publication/publish-article";

/**
 * The demo's fully worked example on the English sample article: claims tagged by the
 * editor through lib/article-doc (written to the document store, so the workspace shows
 * them), verdicts, rationales and sources, approved by the reviewer (real SignOff rows with
 * the real content hash) and published as version 1. Idempotent: once the article has a
 * publication nothing is touched; a half-finished run is completed, never duplicated.
 */
export const WORKED_EXAMPLE_SLUG = "egypt-kenya-port-deal";
const EDITOR_EMAIL = "editor@sanad.local";
const REVIEWER_EMAIL = "reviewer@sanad.local";

interface ExampleClaim {
  exact: string;
  type: ClaimType;
  fields?: Record<string, unknown>;
  verdict: string;
  /** The checkable statement published as ClaimReview's claimReviewed. */
  statement: string;
  rationale: string;
  source: { url: string; title: string; publisher: string; date?: string; note?: string };
}

export const WORKED_EXAMPLE_CLAIMS: ExampleClaim[] = [
  {
    exact: "met in Nairobi on 14 March 2024",
    type: "meeting",
    fields: { participants: ["Egypt's trade minister", "Kenya's trade minister"], place: "Nairobi", date: "2024-03-14", kind: "meeting" },
    verdict: "unverifiable",
    statement: "The trade ministers of Egypt and Kenya met in Nairobi on 14 March 2024.",
    rationale:
      "Neither government's published schedule or press releases for that week mention a ministerial meeting in Nairobi, and the article names no statement for it. The meeting may have happened, but we could not confirm it from any primary source.\n\nWe will update this check if either ministry publishes a record of the meeting.",
    source: { url: "https://www.president.go.ke/", title: "Kenyan presidency: news and statements", publisher: "Presidency of Kenya", note: "Searched press releases for 10–20 March 2024." },
  },
  {
    exact: "This agreement puts our ports at the centre of the trade between Africa and Europe",
    type: "quote",
    fields: { speaker: "Rebecca Miano", direct: true },
    verdict: "unverifiable",
    statement: "Kenya's trade minister Rebecca Miano said the port agreement “puts our ports at the centre of the trade between Africa and Europe”.",
    rationale:
      "Rebecca Miano was Kenya's Cabinet Secretary for Investments, Trade and Industry at the time. We found no recording, transcript or ministry statement containing these words, and the article does not say where the quote comes from.",
    source: { url: "https://www.trade.go.ke/", title: "Ministry of Investments, Trade and Industry: press releases", publisher: "Government of Kenya" },
  },
  {
    exact: "Security Council resolution 2722, which condemned attacks on merchant ships in the Red Sea",
    type: "un_resolution",
    verdict: "true",
    statement: "UN Security Council resolution 2722 (2024) condemned attacks on merchant ships in the Red Sea.",
    rationale:
      "Resolution 2722 was adopted by the UN Security Council on 10 January 2024. It condemns the Houthi attacks on merchant and commercial vessels in the Red Sea and demands that they stop immediately. The article describes it correctly.",
    source: { url: "https://undocs.org/S/RES/2722(2024)", title: "Resolution 2722 (2024)", publisher: "United Nations Security Council", date: "2024-01-10", note: "Official text of the resolution." },
  },
  {
    exact: "the deal would create 8,000 jobs",
    type: "number",
    fields: { value: 8000, unit: "jobs" },
    verdict: "missing_context",
    statement: "Officials said the Egypt–Kenya port deal would create 8,000 jobs.",
    rationale:
      "The figure comes from unnamed officials. The article does not say whether the 8,000 jobs are new or transferred, in which country they would be created, or over what period. Without that, the number cannot be weighed against the deal's stated value.",
    source: { url: "https://example.org/harbour-ledger/port-deal", title: "Ministers sign port deal as talks on Red Sea shipping resume", publisher: "Harbour Ledger", date: "2024-03-15", note: "The article itself: the only place the figure appears." },
  },
];

async function demoActor(db: Db, email: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, role: true } });
  if (!user) throw new Error(`seed: demo user ${email} is missing; seed the demo users first`);
  return { id: user.id, name: user.name ?? email, role: user.role as Actor["role"] };
}

/** Tag the example claims in the stored document (only when it has no claims yet). Returns the claim ids by exact text. */
async function writeExampleClaims(db: Db, articleId: string, body: string, editor: Actor): Promise<Map<string, string>> {
  const store = new DocStore(db, { flushMs: 10 });
  const doc = new Y.Doc({ guid: articleId });
  try {
    const state = await store.load(articleId);
    if (state) Y.applyUpdate(doc, state);
    const existing = readClaims(doc);
    if (existing.length === 0) {
      doc.on("update", (update: Uint8Array) => store.append(articleId, update));
      // The example is the editor's work: its client id is bound to them (vouched authorship).
      await bindClient(db, articleId, doc.clientID, editor.id);
      const who = { id: editor.id, name: editor.name };
      for (const c of WORKED_EXAMPLE_CLAIMS) {
        const start = body.indexOf(c.exact);
        if (start < 0) throw new Error(`seed: "${c.exact}" is not in the article ${WORKED_EXAMPLE_SLUG}`);
        const id = addClaim(doc, body, { type: c.type, start, end: start + c.exact.length }, who);
        if (c.fields) updateClaimFields(doc, id, c.fields, who);
        addSource(doc, id, c.source, who);
        setStatement(doc, id, c.statement, who);
        setRationale(doc, id, c.rationale, who);
        setVerdict(doc, id, c.verdict, who);
        setStatus(doc, id, "needs_review", who);
      }
      await store.flush(articleId);
    }
    return new Map(readClaims(doc).map((c) => [c.anchor.exact, c.id]));
  } finally {
    doc.destroy();
  }
}

/** Seed the worked example. Returns what it did, for the seed log. */
export async function seedWorkedExample(db: Db): Promise<"created" | "completed" | "already published" | "skipped"> {
  const article = await db.article.findUnique({ where: { slug: WORKED_EXAMPLE_SLUG }, select: { id: true, body: true } });
  if (!article) return "skipped";
  if (await db.publication.findFirst({ where: { articleId: article.id }, select: { id: true } })) return "already published";

  const editor = await demoActor(db, EDITOR_EMAIL);
  const reviewer = await demoActor(db, REVIEWER_EMAIL);
  const hadClaims = (await db.docUpdate.count({ where: { articleId: article.id } })) + (await db.docSnapshot.count({ where: { articleId: article.id } })) > 0;
  const ids = await writeExampleClaims(db, article.id, article.body, editor);
  await projectFromStore(db, article.id);

  const deps = { db, collab: null };
  const decided = new Set((await db.signOff.findMany({ where: { articleId: article.id }, select: { claimId: true } })).map((s) => s.claimId));
  for (const c of WORKED_EXAMPLE_CLAIMS) {
    const claimId = ids.get(c.exact);
    if (!claimId || decided.has(claimId)) continue;
    // The hash the reviewer "saw": computed from the stored document, as the workspace would.
    const live = await readLiveClaim(deps, article.id, claimId);
    await signOffClaim({ ...deps, actor: reviewer, articleId: article.id, claimId, input: { decision: "approved", contentHash: live.contentHash } });
  }
  try {
    await publishArticle({ ...deps, actor: reviewer, articleId: article.id });
  } catch (e) {
    // Someone worked on the article before the example was complete: leave their work alone.
    if (e instanceof AppError && e.code === "CONFLICT") return "skipped";
    throw e;
  }
  return hadClaims ? "completed" : "created";
}
