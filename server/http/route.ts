import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError } from "../../lib/errors";
import { describeZodError } from "../../lib/validation";
import type { Actor } from "../../lib/policies";
import { currentActor } from "../auth/session";

/** JSON error body every route answers with: a message a person can read, and a code. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) return NextResponse.json({ error: error.message, code: error.code }, { status: error.status });
  if (error instanceof ZodError) {
    return NextResponse.json(
      { error: describeZodError(error), code: "INVALID_INPUT" },
      { status: 400 },
    );
  }
  console.error("[sanad] route failed", error);
  return NextResponse.json({ error: "Something went wrong on the server.", code: "INTERNAL" }, { status: 500 });
}

/** Read a JSON body with a size cap; malformed JSON is a 400, not a crash. */
export async function readJson(req: Request, maxBytes = 1_000_000): Promise<unknown> {
  // Only JSON: a cross-site <form> can send text/plain, never application/json without CORS.
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
  const text = await req.text();
  if (text.length > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `request body is larger than ${maxBytes} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "request body is not valid JSON");
  }
}

/** Route wrapper: session first (401 without one), then the handler; errors mapped once here. */
export function authed<C>(handler: (req: Request, actor: Actor, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const actor = await currentActor();
      if (!actor) return NextResponse.json({ error: "Sign in first.", code: "UNAUTHENTICATED" }, { status: 401 });
      return await handler(req, actor, ctx);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
