import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { AppError, ERROR_REASONS } from "../errors";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import { errorBodyOf, errorDetail, errorKey, wordError, type ErrorTranslator } from "./errors";

const tFor = (lang: "en" | "ar") => createTranslator({ locale: lang, messages: (lang === "ar" ? ar : en) as never, namespace: "errors" as never }) as unknown as ErrorTranslator;
/** Latin letters outside what the test put in on purpose (a host name). */
const latin = (s: string, allowed = "") => s.replace(allowed, "").match(/[A-Za-z]+/g) ?? [];

describe("error codes to catalogue keys", () => {
  it("keeps known codes, falls back by status, then INTERNAL", () => {
    expect(errorKey("URL_NOT_ALLOWED")).toBe("URL_NOT_ALLOWED");
    expect(errorKey("nonsense", 404)).toBe("NOT_FOUND");
    expect(errorKey(undefined)).toBe("INTERNAL");
  });
  it("shows the server's reason for refused or failed fetches, not for every error", () => {
    expect(errorDetail({ code: "URL_NOT_ALLOWED", error: "169.254.169.254 is a link-local address" })).toMatch(/link-local/);
    expect(errorDetail({ code: "FETCH_FAILED", error: "The site answered 404." })).toMatch(/404/);
    expect(errorDetail({ code: "INTERNAL", error: "stack trace" })).toBeNull();
    expect(errorDetail({ code: "FORBIDDEN", error: "no" })).toBeNull();
  });
});

describe("errors worded in the reader's language", () => {
  it("never puts the server's English message in front of an Arabic reader", () => {
    for (const body of [
      { code: "INVALID_INPUT", error: "title: Too small: expected string to have >=1 characters" },
      { code: "CONFLICT", error: "You cannot remove your own admin role; ask another admin." },
      { code: "FETCH_FAILED", error: "example.org closed the connection" },
    ]) {
      const said = wordError(tFor("ar"), "ar-u-nu-latn", body, 400);
      expect(latin(said), said).toEqual([]);
      expect(said).not.toMatch(/التفاصيل/);
    }
    // English keeps the specific detail.
    expect(wordError(tFor("en"), "en-GB-u-nu-latn", { code: "INVALID_INPUT", error: "title: Too small" })).toMatch(/Details: title: Too small/);
  });

  it("words the machine-readable reason in both languages, with its values", () => {
    const e = new AppError("FETCH_FAILED", "news.example answered HTTP 404", { status: 404 }).withReason("httpStatus", { host: "news.example", status: 404 });
    const arSaid = wordError(tFor("ar"), "ar", errorBodyOf(e));
    expect(arSaid).toContain("news.example");
    expect(arSaid).toContain("404");
    expect(latin(arSaid, "news.example").filter((w) => w !== "HTTP")).toEqual([]);
    expect(wordError(tFor("en"), "en", { ...errorBodyOf(e), error: undefined })).toBe("The page could not be fetched. Check the address, or paste the text instead. news.example answered with HTTP error 404.");
    expect(wordError(tFor("en"), "en", errorBodyOf(e))).toMatch(/Details: news.example answered HTTP 404$/);
    // Unknown or hostile reasons fall back to the sentence alone.
    expect(wordError(tFor("ar"), "ar", { code: "CONFLICT", error: "x", reason: "constructor" })).toBe(wordError(tFor("ar"), "ar", { code: "CONFLICT" }));
    expect(wordError(tFor("ar"), "ar", { code: "CONFLICT", error: "x", reason: "../../x" })).toBe(wordError(tFor("ar"), "ar", { code: "CONFLICT" }));
  });

  it("has an Arabic and an English wording for every reason the code throws", async () => {
    const { execSync } = await import("node:child_process");
    const used = new Set([...execSync("grep -rhoE 'withReason\\(\"[A-Za-z]+\"' server lib --include=*.ts", { encoding: "utf8" }).matchAll(/withReason\("([A-Za-z]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(10);
    for (const key of [...used, ...ERROR_REASONS]) {
      expect(tFor("en").has(`reasons.${key}`), key).toBe(true);
      expect(tFor("ar").has(`reasons.${key}`), key).toBe(true);
    }
  });
});
