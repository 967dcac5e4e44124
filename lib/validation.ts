import type { z } from "zod";
import { AppError } from "./errors";

/**
 * The one way untrusted input is parsed: zod, and a failure becomes AppError("INVALID_INPUT")
 * whose message a person can read ("fields.year: expected number; url: invalid URL").
 */

/** Readable one-line summary of a zod error's issues. */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/** Parse `value` with `schema`; on failure throw AppError INVALID_INPUT (prefixed with `what`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what?: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const msg = describeZodError(r.error);
    throw new AppError("INVALID_INPUT", what ? `${what}: ${msg}` : msg, r.error.issues);
  }
  return r.data;
}
