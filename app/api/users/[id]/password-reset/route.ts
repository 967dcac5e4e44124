import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { createPasswordReset } from "@/server/accounts/password-reset";

export const dynamic = "force-dynamic";

/** POST /api/users/<id>/password-reset — a single-use reset link, in this answer only (admins only). */
export const POST = authed<{ params: Promise<{ id: string }> }>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  const reset = await createPasswordReset({ db: getDb(), actor, userId: id, origin: new URL(req.url).origin });
  return NextResponse.json(reset, { status: 201, headers: { "cache-control": "no-store" } });
});
