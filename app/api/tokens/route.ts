import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { createApiToken } from "@/server/api/create-api-token";
import { listApiTokens } from "@/server/api/list-api-tokens";

export const dynamic = "force-dynamic";

/** GET /api/tokens — the signed-in person's own API tokens (never their secrets). */
export const GET = authed(async (_req, actor) => NextResponse.json({ tokens: await listApiTokens({ db: getDb(), actor }) }));

/** POST /api/tokens { name, scopes: "read" | "read write" } — 201 with the secret, shown this once. */
export const POST = authed(async (req, actor) => {
  const created = await createApiToken({ db: getDb(), actor, input: await readJson(req, 5_000) });
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
