import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { AppError, type AppErrorCode } from "../../lib/errors";

/** Test helpers for lib/article-doc (tests only; the lib itself does no I/O). */

/** The Arabic seed article, used as the immutable body in tests. */
export const AR_BODY = readFileSync(path.resolve(import.meta.dirname, "../../seeds/000_ar_qatar_turkey_libya.txt"), "utf8");

export const alice = { id: "u-alice", name: "Alice" };
export const bob = { id: "u-bob", name: "بشير" };

/** Assert that `fn` throws an AppError with `code`. */
export function expectAppError(fn: () => unknown, code: AppErrorCode, message?: RegExp): AppError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, "expected an AppError").toBeInstanceOf(AppError);
  const err = caught as AppError;
  expect(err.code).toBe(code);
  if (message) expect(err.message).toMatch(message);
  return err;
}

/** mulberry32: a small deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
