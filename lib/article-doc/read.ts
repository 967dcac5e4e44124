import * as Y from "yjs";
import { z } from "zod";
import type { ClaimView, CommentView, SourceView } from "../claim-model";
import { CLAIM_FIELD_SCHEMAS, ZClaimType, type ClaimFields } from "../claim-types";
import { anchorProblem, ZAnchor } from "./anchor";
import { MAX_COMMENT_LENGTH } from "./comments";
import { malformedDismissedKeys } from "./dismissed";
import { claimsMap, ZClaimStatus, ZVerdictKey } from "./internal";
import { ZAddSourceInput } from "./sources";
import { MAX_STATEMENT } from "./statement";
import { describeZodError } from "../validation";

/**
 * Defensive reads. A hostile client can write anything into the Y.Doc, so every claim is
 * validated as a whole; invalid ones are skipped (readClaims) or reported (inspectClaims).
 *
 * Present-but-invalid values make a claim invalid. MISSING mutable keys read as defaults
 * (status "draft", verdict/verdictBy/assigneeId null, updatedBy/At = createdBy/At, source
 * texts "", comment text "", field defaults of the type's schema): Y.UndoManager can drop a
 * map key when an undo/redo meets a concurrent write (yjs issues #472, #514), and such a
 * claim must stay readable. The keys a claim cannot be read without (type, anchor, fields,
 * rationale, sources, comments, createdBy, createdAt; a source's id and url; a comment's
 * id, authorId and createdAt) are write-once, so an undo cannot drop them.
 */

const ZUserRef = z.string().max(200);
const ZTime = z.string().max(40);

/** A stored source: what addSource accepts, plus what it records. */
const ZStoredSource = ZAddSourceInput.extend({
  id: z.string().min(1).max(100),
  addedBy: ZUserRef.default(""),
  addedAt: ZTime.default(""),
});

const ZStoredComment = z.object({
  id: z.string().min(1).max(100),
  authorId: ZUserRef,
  authorName: z.string().max(200).default(""),
  text: z.string().max(MAX_COMMENT_LENGTH).default(""),
  createdAt: ZTime,
  editedAt: ZTime.nullable().default(null),
}).strict();

const ZClaimMeta = z.object({
  verdictBy: ZUserRef.nullable(),
  assigneeId: ZUserRef.nullable(),
  createdBy: ZUserRef,
  createdAt: ZTime,
  updatedBy: ZUserRef,
  updatedAt: ZTime,
});

type Result = { ok: true; claim: ClaimView } | { ok: false; reason: string };

function fail(reason: string): Result {
  return { ok: false, reason };
}


/** Plain maps of a Y.Array of Y.Map, or null when an element is not a Y.Map. */
function mapsOf(arr: Y.Array<unknown>): Array<Record<string, unknown>> | null {
  const out: Array<Record<string, unknown>> = [];
  for (const m of arr) {
    if (!(m instanceof Y.Map)) return null;
    out.push(m.toJSON());
  }
  return out;
}

/** Validate one stored claim and build its view; never throws. */
function viewOf(id: string, value: unknown): Result {
  try {
    if (!(value instanceof Y.Map)) return fail("not a claim map");
    const c = value as Y.Map<unknown>;
    const type = ZClaimType.safeParse(c.get("type"));
    if (!type.success) return fail(`invalid type ${JSON.stringify(c.get("type"))?.slice(0, 50)}`);
    const anchor = ZAnchor.safeParse(c.get("anchor"));
    if (!anchor.success) return fail(`invalid anchor: ${describeZodError(anchor.error)}`);
    const fieldsMap = c.get("fields");
    if (!(fieldsMap instanceof Y.Map)) return fail("fields is not a map");
    const fields = CLAIM_FIELD_SCHEMAS[type.data].safeParse(fieldsMap.toJSON());
    if (!fields.success) return fail(`invalid fields: ${describeZodError(fields.error)}`);
    const status = ZClaimStatus.safeParse(c.get("status") ?? "draft");
    if (!status.success) return fail("invalid status");
    const verdict = ZVerdictKey.safeParse(c.get("verdict") ?? null);
    if (!verdict.success) return fail("invalid verdict");
    const statement = z.string().max(MAX_STATEMENT).safeParse(c.get("statement") ?? "");
    if (!statement.success) return fail("invalid statement");
    const rationale = c.get("rationale");
    if (!(rationale instanceof Y.Text)) return fail("rationale is not a text");
    const sourcesArr = c.get("sources");
    const rawSources = sourcesArr instanceof Y.Array ? mapsOf(sourcesArr) : null;
    if (!rawSources) return fail("sources is not an array of maps");
    const sources: SourceView[] = [];
    for (const s of rawSources) {
      const r = ZStoredSource.safeParse(s);
      if (!r.success) return fail(`invalid source: ${describeZodError(r.error)}`);
      sources.push(r.data);
    }
    const commentsArr = c.get("comments");
    const rawComments = commentsArr instanceof Y.Array ? mapsOf(commentsArr) : null;
    if (!rawComments) return fail("comments is not an array of maps");
    const comments: CommentView[] = [];
    for (const m of rawComments) {
      const r = ZStoredComment.safeParse(m);
      if (!r.success) return fail(`invalid comment: ${describeZodError(r.error)}`);
      comments.push(r.data);
    }
    const meta = ZClaimMeta.safeParse({
      verdictBy: c.get("verdictBy") ?? null,
      assigneeId: c.get("assigneeId") ?? null,
      createdBy: c.get("createdBy"),
      createdAt: c.get("createdAt"),
      updatedBy: c.get("updatedBy") ?? c.get("createdBy"),
      updatedAt: c.get("updatedAt") ?? c.get("createdAt"),
    });
    if (!meta.success) return fail(`invalid metadata: ${describeZodError(meta.error)}`);
    if (id.includes("\u0000")) return fail("claim id contains a NUL character");
    return {
      ok: true,
      claim: withoutNul({
        id,
        type: type.data,
        anchor: anchor.data,
        fields: fields.data as ClaimFields,
        status: status.data,
        verdict: verdict.data,
        verdictBy: meta.data.verdictBy,
        rationale: rationale.toString(),
        statement: statement.data,
        sources,
        comments,
        assigneeId: meta.data.assigneeId,
        createdBy: meta.data.createdBy,
        createdAt: meta.data.createdAt,
        updatedBy: meta.data.updatedBy,
        updatedAt: meta.data.updatedAt,
      }),
    };
  } catch (e) {
    return fail(`unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A NUL character (U+0000) anywhere in a claim's strings becomes U+FFFD. A client may type one
 * into the shared document, and PostgreSQL refuses it in text and JSON: one NUL in a rationale
 * stopped the projection (review queue, search, notifications, webhooks) of the whole article on
 * every save, and publishing. The view is copied only when it holds one.
 */
function withoutNul<T>(value: T): T {
  return hasNul(value) ? scrubNul(value) : value;
}
function hasNul(v: unknown): boolean {
  if (typeof v === "string") return v.includes("\u0000");
  if (Array.isArray(v)) return v.some(hasNul);
  if (v && typeof v === "object") return Object.values(v).some(hasNul);
  return false;
}
function scrubNul<T>(v: T): T {
  if (typeof v === "string") return v.replaceAll("\u0000", "\uFFFD") as T;
  if (Array.isArray(v)) return v.map(scrubNul) as T;
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubNul(x)])) as T;
  return v;
}

/** Text order: anchor start, then end, then creation time, then id. */
function byTextOrder(a: ClaimView, b: ClaimView): number {
  return a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || cmp(a.createdAt, b.createdAt) || cmp(a.id, b.id);
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One claim as a plain view, or null when it does not exist or is malformed. Never throws. */
export function readClaim(doc: Y.Doc, claimId: string): ClaimView | null {
  try {
    const r = viewOf(claimId, claimsMap(doc).get(claimId));
    return r.ok ? r.claim : null;
  } catch {
    return null;
  }
}

/**
 * All well-formed claims, in text order. Malformed ones are skipped (use `inspectClaims`
 * to see them, with a body check of the anchors). Never throws.
 */
export function readClaims(doc: Y.Doc): ClaimView[] {
  const out: ClaimView[] = [];
  try {
    for (const [id, value] of claimsMap(doc).entries()) {
      const r = viewOf(id, value);
      if (r.ok) out.push(r.claim);
    }
  } catch {
    // defensive: return what we have
  }
  return out.sort(byTextOrder);
}

/** A claim that `inspectClaims` skipped, and why. */
export interface ClaimProblem {
  claimId: string;
  reason: string;
}

/**
 * Validate every claim, including that its anchor matches `body`. Returns the valid claims
 * in text order and the skipped ones with a reason. Never throws.
 */
export function inspectClaims(doc: Y.Doc, body: string): { claims: ClaimView[]; problems: ClaimProblem[] } {
  const claims: ClaimView[] = [];
  const problems: ClaimProblem[] = [];
  try {
    for (const [id, value] of claimsMap(doc).entries()) {
      const r = viewOf(id, value);
      if (!r.ok) {
        problems.push({ claimId: id, reason: r.reason });
        continue;
      }
      const mismatch = anchorProblem(r.claim.anchor, body);
      if (mismatch) problems.push({ claimId: id, reason: mismatch });
      else claims.push(r.claim);
    }
  } catch (e) {
    problems.push({ claimId: "", reason: `unreadable document: ${e instanceof Error ? e.message : String(e)}` });
  }
  return { claims: claims.sort(byTextOrder), problems };
}

/**
 * Every broken invariant of the document, as messages ([] when sound): each claim readable
 * with an anchor matching `body`, valid type/fields/status/verdict/source URLs, no id used
 * twice (claims, sources, comments), well-formed dismissed keys. Sources and comments are
 * nested in their claim, so they cannot outlive it. Used by tests.
 */
export function checkInvariants(doc: Y.Doc, body: string): string[] {
  const out: string[] = [];
  const { claims, problems } = inspectClaims(doc, body);
  for (const p of problems) out.push(`claim ${p.claimId}: ${p.reason}`);
  const seen = new Set<string>();
  const see = (kind: string, id: string) => {
    if (seen.has(id)) out.push(`duplicate id ${id} (${kind})`);
    seen.add(id);
  };
  for (const c of claims) {
    see("claim", c.id);
    for (const s of c.sources) see(`source of ${c.id}`, s.id);
    for (const m of c.comments) see(`comment of ${c.id}`, m.id);
  }
  for (const k of malformedDismissedKeys(doc)) out.push(`malformed dismissed key ${JSON.stringify(k).slice(0, 60)}`);
  return out;
}
