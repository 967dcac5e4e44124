import { NextResponse } from "next/server";
import { originChecked, readJson, requestAddress } from "@/server/http/route";
import { getDb } from "@/server/db/client";
import { resetPasswordWithToken } from "@/server/accounts/password-reset";

export const dynamic = "force-dynamic";

/** POST /api/password-resets/accept { token, password } — sets the password, ends every session (no session needed). */
export const POST = originChecked(async (req) => {
  return NextResponse.json(await resetPasswordWithToken({ db: getDb(), input: await readJson(req, 10_000), address: requestAddress(req) }));
});
