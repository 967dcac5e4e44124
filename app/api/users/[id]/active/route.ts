import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { setAccountActive } from "@/server/accounts/set-account-active";

export const dynamic = "force-dynamic";

/** PUT /api/users/<id>/active { active } — deactivate or reactivate (admins only, not oneself, not the last admin). */
export const PUT = authed<{ params: Promise<{ id: string }> }>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  return NextResponse.json(await setAccountActive({ db: getDb(), actor, userId: id, input: await readJson(req, 1_000) }));
});
