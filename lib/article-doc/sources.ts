import * as Y from "yjs";
import { z } from "zod";
import { AppError } from "../errors";
import { checkActor, findById, getClaimMap, getNested, newId, nowIso, parseInput, touch, type Actor, type Origin } from "./internal";

/** Sources of a claim: a Y.Array of Y.Map { id, url, title, publisher, date, archivedUrl, note, addedBy, addedAt }; id and url are write-once. */

/** Limits on sources. */
export const MAX_URL_LENGTH = 2048;
export const MAX_SOURCES_PER_CLAIM = 200;

/** True for an absolute http(s) URL with a host and no embedded credentials. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string" || value.length > MAX_URL_LENGTH || value.trim() !== value || value === "") return false;
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return false;
  }
  return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "" && u.username === "" && u.password === "" && /^https?:\/\//i.test(value);
}

/** An absolute http:// or https:// URL (javascript:, data:, file:, relative... are refused). */
export const ZHttpUrl = z.string().trim().max(MAX_URL_LENGTH).refine(isHttpUrl, { message: "expected an absolute http(s) URL" });
const isoDateOrEmpty = z.string().trim().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, "expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or nothing");
const httpUrlOrEmpty = z.string().trim().max(MAX_URL_LENGTH).refine((s) => s === "" || isHttpUrl(s), { message: "expected an absolute http(s) URL or nothing" });

/** Field schemas of a source, without defaults (shared by add, update and the reader). */
export const SOURCE_FIELDS = {
  url: ZHttpUrl,
  title: z.string().trim().max(500),
  publisher: z.string().trim().max(200),
  date: isoDateOrEmpty,
  archivedUrl: httpUrlOrEmpty,
  note: z.string().trim().max(2000),
} as const;

/** Input of `addSource`. */
export const ZAddSourceInput = z.object({
  url: SOURCE_FIELDS.url,
  title: SOURCE_FIELDS.title.default(""),
  publisher: SOURCE_FIELDS.publisher.default(""),
  date: SOURCE_FIELDS.date.default(""),
  archivedUrl: SOURCE_FIELDS.archivedUrl.default(""),
  note: SOURCE_FIELDS.note.default(""),
}).strict();
export type TAddSourceInput = z.input<typeof ZAddSourceInput>;

/**
 * Patch of `updateSource`: only the given fields change. The URL is write-once (remove the
 * source and add a new one instead): a source cannot be read without it, and Y.UndoManager
 * can drop a map key that was written concurrently (yjs issues #472, #514).
 */
export const ZUpdateSourcePatch = z.object({
  title: SOURCE_FIELDS.title.optional(),
  publisher: SOURCE_FIELDS.publisher.optional(),
  date: SOURCE_FIELDS.date.optional(),
  archivedUrl: SOURCE_FIELDS.archivedUrl.optional(),
  note: SOURCE_FIELDS.note.optional(),
}).strict();
export type TUpdateSourcePatch = z.infer<typeof ZUpdateSourcePatch>;

const ZSourceId = z.string().min(1).max(100);

/** Add a source to a claim; returns the source id. */
export function addSource(doc: Y.Doc, claimId: string, input: TAddSourceInput, actor: Actor, origin?: Origin): string {
  const a = checkActor(actor);
  const s = parseInput(ZAddSourceInput, input, "source");
  const claim = getClaimMap(doc, claimId);
  const sources = getNested(claim, "sources", Y.Array<unknown>);
  if (sources.length >= MAX_SOURCES_PER_CLAIM) throw new AppError("INVALID_INPUT", `a claim holds at most ${MAX_SOURCES_PER_CLAIM} sources`).withReason("tooManySources", { max: MAX_SOURCES_PER_CLAIM });
  const id = newId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set("id", id);
    for (const [k, v] of Object.entries(s)) m.set(k, v);
    m.set("addedBy", a.id);
    m.set("addedAt", nowIso());
    sources.push([m]);
    touch(claim, a);
  }, origin);
  return id;
}

function findSource(doc: Y.Doc, claimId: string, sourceId: string) {
  const claim = getClaimMap(doc, claimId);
  const sources = getNested(claim, "sources", Y.Array<unknown>);
  const id = parseInput(ZSourceId, sourceId, "source id");
  const found = findById(sources, id);
  if (!found) throw new AppError("NOT_FOUND", `source ${id} not found`);
  return { claim, sources, ...found };
}

/** Change some fields of a source. */
export function updateSource(doc: Y.Doc, claimId: string, sourceId: string, patch: TUpdateSourcePatch, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const p = parseInput(ZUpdateSourcePatch, patch, "source patch");
  const { claim, map } = findSource(doc, claimId, sourceId);
  doc.transact(() => {
    for (const [k, v] of Object.entries(p)) if (v !== undefined) map.set(k, v);
    touch(claim, a);
  }, origin);
}

/** Remove a source from a claim. */
export function removeSource(doc: Y.Doc, claimId: string, sourceId: string, actor: Actor, origin?: Origin): void {
  const a = checkActor(actor);
  const { claim, sources, index } = findSource(doc, claimId, sourceId);
  doc.transact(() => {
    sources.delete(index, 1);
    touch(claim, a);
  }, origin);
}
