import { NextResponse } from "next/server";
import { originChecked, readJson, requestAddress } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { acceptInvitation } from "@/server/accounts/accept-invitation";

export const dynamic = "force-dynamic";

/** POST /api/invitations/accept { token, name, password } — creates the invited account (no session needed). */
export const POST = originChecked(async (req) => {
  const account = await acceptInvitation({ db: getDb(), input: await readJson(req, 10_000), address: requestAddress(req) });
  return NextResponse.json({ email: account.email, role: account.role }, { status: 201 });
});
