import { NextResponse } from "next/server";
import { captureHtml, readPublicCapture } from "@/server/archive/read-capture";
import { inertCaptureResponse } from "@/server/archive/inert-response";
import { getDb } from "@/server/db/client";
import { parseSlug } from "../../../../public-data";

export const dynamic = "force-dynamic";

/** The captured page of a published source, inert (CSP sandbox, nothing loaded). */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string; captureId: string }> }) {
  const p = await ctx.params;
  const slug = parseSlug(p.slug);
  const captureId = /^[A-Za-z0-9_-]{1,100}$/.test(p.captureId) ? p.captureId : null;
  const capture = slug && captureId ? await readPublicCapture({ db: getDb(), slug, captureId }) : null;
  if (!capture) return NextResponse.json({ error: "No such archived copy.", code: "NOT_FOUND" }, { status: 404 });
  return inertCaptureResponse(await captureHtml(getDb(), capture.id), capture);
}
