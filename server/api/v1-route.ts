import "server-only";
import { NextResponse } from "next/server";
import { hasScope, type ApiScope } from "../../lib/api-tokens";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/policies";
import { actorFromRequest } from "../auth/session";
import { getDb } from "../db/client";
import { errorResponse } from "../http/route";
import { authenticateToken, bearerToken } from "./authenticate-token";

export interface ApiCaller {
  actor: Actor;
  /** "token" for a bearer token, "session" for a browser cookie (read endpoints only). */
  via: "token" | "session";
}

/**
 * Wrapper for every /api/v1 endpoint: authenticates, checks the token's scope, maps errors.
 * The handler still checks the person's policy itself (through the domain operation).
 *
 * - A bearer token (`Authorization: Bearer sanad_…`) is required for `write` endpoints. A
 *   session cookie never authenticates a write: a browser attaches cookies to cross-site
 *   requests, a token has to be put there on purpose, so token writes need no Origin/CSRF check.
 * - `read` endpoints also accept the signed-in browser session (same data the pages show).
 * - A present but bad token is 401 even when a cookie is also present: no silent fallback.
 */
export function apiRoute<C>(scope: ApiScope, handler: (req: Request, caller: ApiCaller, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const caller = await authenticate(req, scope);
      return await handler(req, caller, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

async function authenticate(req: Request, scope: ApiScope): Promise<ApiCaller> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const token = bearerToken(authorization);
    const principal = token ? await authenticateToken(getDb(), token) : null;
    if (!principal) throw new AppError("UNAUTHENTICATED", "The API token is missing, malformed, unknown or revoked.");
    if (!hasScope(principal.scopes, scope)) throw new AppError("FORBIDDEN", `This token lacks the "${scope}" scope.`);
    return { actor: principal.actor, via: "token" };
  }
  if (scope === "read") {
    const actor = await actorFromRequest(req);
    if (actor) return { actor, via: "session" };
  }
  throw new AppError("UNAUTHENTICATED", scope === "write" ? "Writing through the API needs a token: Authorization: Bearer sanad_…" : "Send an API token: Authorization: Bearer sanad_…");
}

/** JSON answer with the API's cache policy: responses hold private data, never cached by proxies. */
export function apiJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}
