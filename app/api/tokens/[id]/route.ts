import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { revokeApiToken } from "@/server/api/revoke-api-token";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** DELETE /api/tokens/{id} — revoke one of your own tokens. 204 · 404 unknown or someone else's. */
export const DELETE = authed<Ctx>(async (_req, actor, ctx) => {
  const { id } = await ctx.params;
  await revokeApiToken({ db: getDb(), actor, tokenId: id });
  return new NextResponse(null, { status: 204 });
});
