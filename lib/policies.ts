import type { ClaimView } from "./claim-model";

/**
 * Who may do what. One-line rules used by pages (to hide), route handlers and actions (to
 * enforce) and the collaboration server (read-only sockets). Nothing else decides access.
 */
export const ROLES = ["viewer", "editor", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

/**
 * The role of an account that has not been given one yet: a first single sign-on (GitHub or an
 * OIDC issuer anyone can join) creates the account with it. Not a Role: no access at all, not
 * even viewing, until an admin chooses a role on /admin/users.
 */
export const NO_ROLE = "none";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, reviewer: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Parse a role from untrusted input (a token, a form); unknown roles get nothing. */
export function parseRole(value: unknown): Role | null {
  return isRole(value) ? value : null;
}

export function atLeast(actor: Pick<Actor, "role"> | null | undefined, role: Role): boolean {
  return !!actor && isRole(actor.role) && RANK[actor.role] >= RANK[role];
}

export const canViewArticle = (a: Actor | null) => atLeast(a, "viewer");
export const canEditArticle = (a: Actor | null) => atLeast(a, "editor");
export const canImportArticle = (a: Actor | null) => atLeast(a, "editor");
export const canReview = (a: Actor | null) => atLeast(a, "reviewer");
export const canPublish = (a: Actor | null) => atLeast(a, "reviewer");
export const canManageUsers = (a: Actor | null) => atLeast(a, "admin");
export const canExport = (a: Actor | null) => atLeast(a, "viewer");

/** `code` names the reason for the interface to word it (catalogue `signoff.reason.<code>`). */
export type FourEyesResult = { ok: true } | { ok: false; reason: string; code: "not_reviewer" | "own_claim" | "own_verdict" | "no_verdict" | "verdict_unvouched" | "not_sent" };

/**
 * Four-eyes rule: a reviewer may not approve a claim they created or whose verdict they
 * last set. Admins are held to it too — the point is a second person, not a rank. The server
 * passes server-vouched authorship (server/collab/authorship.ts; null = not on record): a
 * verdict whose setter is not on record cannot be approved (someone else sets it again).
 * Browsers pass the document's display hints, only to explain a disabled button.
 */
export function mayApproveClaim(actor: Actor | null, claim: { createdBy: string | null; verdictBy: string | null } & Pick<ClaimView, "verdict" | "status">): FourEyesResult {
  if (!canReview(actor)) return { ok: false, code: "not_reviewer", reason: "Only reviewers can approve claims." };
  if (claim.createdBy === actor!.id) return { ok: false, code: "own_claim", reason: "You created this claim; a second person must approve it." };
  if (claim.verdictBy === actor!.id) return { ok: false, code: "own_verdict", reason: "You set this verdict; a second person must approve it." };
  if (!claim.verdict) return { ok: false, code: "no_verdict", reason: "The claim has no verdict yet." };
  if (claim.verdictBy === null) return { ok: false, code: "verdict_unvouched", reason: "Who set this verdict is not on record; someone other than you must set it again." };
  if (claim.status !== "needs_review") return { ok: false, code: "not_sent", reason: "The claim has not been sent for review." };
  return { ok: true };
}

/** Requesting changes or excluding needs the reviewer role but not four eyes. */
export function mayRequestChanges(actor: Actor | null): FourEyesResult {
  return canReview(actor) ? { ok: true } : { ok: false, code: "not_reviewer", reason: "Only reviewers can request changes." };
}
