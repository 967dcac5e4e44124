import { describe, expect, it } from "vitest";
import { errorDetail, errorKey } from "./errors";

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
