import type { PublicationSnapshot, TextDirection } from "../../lib/publication/snapshot";

/**
 * What a Publication row's `snapshot` holds: a PublicationSnapshot for kind "publish", a
 * RetractionSnapshot for kind "retraction". Both are frozen at the time of the row.
 */
export interface RetractionSnapshot {
  retraction: true;
  article: { id: string; slug: string; title: string; outlet: string; sourceUrl: string; language: string; direction: TextDirection };
  /** The public retraction notice. */
  note: string;
  retractedAt: string;
  /** The publication version this retraction withdrew. */
  retractedVersion: number;
  organisation: { name: string; url: string };
}

export type PublicationKind = "publish" | "retraction";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A stored publish snapshot, or null when the JSON is not one (never throws). */
export function asPublicationSnapshot(value: unknown): PublicationSnapshot | null {
  if (!isObject(value) || !isObject(value.article) || !Array.isArray(value.claims) || typeof value.version !== "number") return null;
  return value as unknown as PublicationSnapshot;
}

/** A stored retraction snapshot, or null (never throws). */
export function asRetractionSnapshot(value: unknown): RetractionSnapshot | null {
  if (!isObject(value) || value.retraction !== true || !isObject(value.article) || typeof value.note !== "string") return null;
  return value as unknown as RetractionSnapshot;
}
