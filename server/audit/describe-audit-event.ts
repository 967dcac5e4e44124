import { CLAIM_TYPE_META, type ClaimType } from "../../lib/claim-types";
import { verdictLabel } from "../../lib/verdicts";

/**
 * One readable line for an audit event of the history page (pure). Never includes ids or
 * emails; notes are quoted as plain text (rendered by React, never as HTML).
 */
const STATUS_LABEL: Record<string, string> = {
  draft: "draft", researching: "researching", needs_review: "needs review", changes_requested: "changes requested",
};

function field(obj: unknown, key: string): unknown {
  return typeof obj === "object" && obj !== null ? (obj as Record<string, unknown>)[key] : undefined;
}
const str = (v: unknown) => (typeof v === "string" ? v : null);
const status = (v: unknown) => STATUS_LABEL[str(v) ?? ""] ?? str(v) ?? "none";
const verdict = (v: unknown) => (str(v) ? verdictLabel(str(v), "en") : "no verdict");

export function describeAuditEvent(action: string, before: unknown, after: unknown): string {
  switch (action) {
    case "claim.created": {
      const type = str(field(after, "type")) as ClaimType | null;
      return `tagged a ${type && CLAIM_TYPE_META[type] ? CLAIM_TYPE_META[type].en.toLowerCase() : "claim"} claim`;
    }
    case "claim.deleted":
      return "deleted the claim";
    case "claim.status_changed":
      return `changed the status from ${status(field(before, "status"))} to ${status(field(after, "status"))}`;
    case "claim.verdict_changed":
      return `changed the verdict from ${verdict(field(before, "verdict"))} to ${verdict(field(after, "verdict"))}`;
    case "claims.restored":
      return `restored ${field(after, "count") ?? "?"} claim(s) from a saved version`;
    case "version.taken":
      return "saved a version of the claims";
    case "sign_off.approved":
      return "approved the claim";
    case "sign_off.changes_requested":
      return "requested changes";
    case "sign_off.excluded":
      return "excluded the claim from publication";
    case "publication.published":
      return `published version ${field(after, "version") ?? 1}`;
    case "publication.corrected":
      return `published correction (version ${field(after, "version") ?? "?"})`;
    case "publication.retracted":
      return `retracted the fact-check (version ${field(before, "version") ?? "?"} withdrawn)`;
    case "user.role_changed":
      return `changed a role from ${str(field(before, "role")) ?? "?"} to ${str(field(after, "role")) ?? "?"}`;
    default:
      return action;
  }
}

/** The note a reviewer wrote with the event (sign-off note, correction note, retraction note), if any. */
export function auditEventNote(action: string, after: unknown): string | null {
  if (action.startsWith("sign_off.")) return str(field(after, "note")) || null;
  if (action === "publication.corrected") return str(field(after, "correctionNote")) || null;
  if (action === "publication.retracted") return str(field(after, "note")) || null;
  return null;
}

/** The raw values an event's sentence needs, for the page to word it in the reader's language. */
export interface AuditEventParams {
  type: string | null;
  from: string | null;
  to: string | null;
  version: number | null;
  /** Claims put back by a restore. */
  count: number | null;
}

/** Values behind describeAuditEvent, untranslated (statuses, verdict keys, type keys, versions). */
export function auditEventParams(action: string, before: unknown, after: unknown): AuditEventParams {
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const key = action === "claim.status_changed" ? "status" : action === "claim.verdict_changed" ? "verdict" : action === "user.role_changed" ? "role" : null;
  return {
    type: str(field(after, "type")),
    from: key ? str(field(before, key)) : null,
    to: key ? str(field(after, key)) : null,
    version: num(action === "publication.retracted" ? field(before, "version") : field(after, "version")),
    count: action === "claims.restored" ? num(field(after, "count")) : null,
  };
}
