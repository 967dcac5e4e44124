import { describe, expect, it } from "vitest";
import { accountTokenPath, accountTokenState, looksLikeAccountToken, PASSWORD_MIN_LENGTH, ZNewPassword } from "./accounts";

describe("account links and passwords", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  const later = new Date("2026-11-30T12:00:00Z");
  const earlier = new Date("2026-11-28T12:00:00Z");

  it("a link's state: revoked before used before expired", () => {
    expect(accountTokenState(null, now)).toBe("unknown");
    expect(accountTokenState({ revokedAt: null, usedAt: null, expiresAt: later }, now)).toBe("valid");
    expect(accountTokenState({ revokedAt: null, usedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(accountTokenState({ revokedAt: null, usedAt: earlier, expiresAt: earlier }, now)).toBe("used");
    expect(accountTokenState({ revokedAt: earlier, usedAt: earlier, expiresAt: later }, now)).toBe("revoked");
  });

  it("only 43 base64url characters look like a link secret", () => {
    expect(looksLikeAccountToken("A".repeat(43))).toBe(true);
    expect(looksLikeAccountToken("A".repeat(42))).toBe(false);
    expect(looksLikeAccountToken(`${"A".repeat(42)}/`)).toBe(false);
    expect(accountTokenPath("invitation", "x")).toBe("/invite/x");
    expect(accountTokenPath("password_reset", "x")).toBe("/reset/x");
  });

  it("one password rule: long enough, bounded, not only spaces", () => {
    expect(ZNewPassword.safeParse("x".repeat(PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
    expect(ZNewPassword.safeParse("x".repeat(PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(ZNewPassword.safeParse(" ".repeat(20)).success).toBe(false);
    expect(ZNewPassword.safeParse("x".repeat(201)).success).toBe(false);
    expect(ZNewPassword.safeParse("كلمة مرور طويلة").success).toBe(true);
  });
});
