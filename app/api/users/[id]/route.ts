import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { setUserRole } from "@/server/users/set-user-role";

export const dynamic = "force-dynamic";

/** PATCH /api/users/<id> { role } — admins only; 403/404/409 with a message otherwise. */
export const PATCH = authed<{ params: Promise<{ id: string }> }>(async (req, actor, ctx) => {
  const { id } = await ctx.params;
  const user = await setUserRole({ db: getDb(), actor, userId: id, input: await readJson(req, 10_000) });
  return NextResponse.json(user);
});
