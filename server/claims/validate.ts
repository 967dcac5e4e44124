import type { z } from "zod";
import { AppError } from "../../lib/errors";

/** Parse untrusted input with zod; a failure becomes AppError INVALID_INPUT with readable issues. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const msg = r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    throw new AppError("INVALID_INPUT", msg, r.error.issues);
  }
  return r.data;
}
