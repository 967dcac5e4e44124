import type { Db } from "../db/client";
import type { AccountTokenKind, AccountTokenState } from "../../lib/accounts";
import { AppError } from "../../lib/errors";
import { parseRole, type Role } from "../../lib/policies";
import { lookUpAccountToken } from "./account-token";

export type AccountLinkView =
  | { state: "valid"; kind: AccountTokenKind; email: string; role: Role | null }
  | { state: Exclude<AccountTokenState, "valid"> | "throttled" };

/**
 * What the page behind a link shows (anonymous): whether it can be used and, only if it can,
 * the address (and role) it is for. Nothing about a link that cannot be used, so an old or
 * withdrawn link reveals no address. Throttled like every lookup by secret.
 */
export async function inspectAccountLink(options: { db: Db; kind: AccountTokenKind; token: string; address: string; now?: Date }): Promise<AccountLinkView> {
  try {
    const found = await lookUpAccountToken(options);
    if (found.state !== "valid" || !found.row) return { state: found.state === "valid" ? "unknown" : found.state };
    return { state: "valid", kind: options.kind, email: found.row.email, role: parseRole(found.row.role) };
  } catch (e) {
    if (e instanceof AppError && e.code === "RATE_LIMITED") return { state: "throttled" };
    throw e;
  }
}
