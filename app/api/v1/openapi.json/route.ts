import { NextResponse } from "next/server";
import { openApiDocument } from "@/server/api/openapi";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json — the API's OpenAPI 3.1 description, generated from the zod schemas. Public. */
export function GET(req: Request): Response {
  return NextResponse.json(openApiDocument(new URL(req.url).origin));
}
