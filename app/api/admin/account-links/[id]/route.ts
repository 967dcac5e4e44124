import { NextResponse } from "next/server";
import { authed } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { revokeAccountToken } from "@/server/accounts/revoke-account-token";

export const dynamic = "force-dynamic";

/** DELETE /api/admin/account-links/<id> — withdraw a pending invitation or reset link (admins only). */
export const DELETE = authed<{ params: Promise<{ id: string }> }>(async (_req, actor, ctx) => {
  const { id } = await ctx.params;
  return NextResponse.json(await revokeAccountToken({ db: getDb(), actor, id }));
});
