import { NextResponse } from "next/server";
import { authed, readJson } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { createInvitation } from "@/server/accounts/create-invitation";
import { listPendingInvitations } from "@/server/accounts/list-invitations";

export const dynamic = "force-dynamic";

/** GET /api/admin/invitations — pending invitations (admins only). */
export const GET = authed(async (_req, actor) => NextResponse.json(await listPendingInvitations({ db: getDb(), actor })));

/** POST /api/admin/invitations { email, role } — the link is in this answer only. */
export const POST = authed(async (req, actor) => {
  const invitation = await createInvitation({ db: getDb(), actor, input: await readJson(req, 10_000), origin: new URL(req.url).origin });
  return NextResponse.json(invitation, { status: 201, headers: { "cache-control": "no-store" } });
});
