import { describe, expect, it } from "vitest";
import { accountTokenPath, accountTokenState, looksLikeAccountToken, PASSWORD_MIN_LENGTH, ZNewPassword, ZPersonName } from "./accounts";

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

  it("a name is one line of visible text: no controls, no direction overrides", () => {
    for (const ok of ["نور الهدى", "Anne-Marie O'Neil", "می\u200Cخواهم", "Ali \u200F(Cairo)"]) expect(ZPersonName.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["Alice\u202Eecilop", "Bob\u2066x", "Eve\nAdmin", "nul\u0000", "\u200B", "...", " "]) expect(ZPersonName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("one password rule: long enough, bounded, not only spaces", () => {
    expect(ZNewPassword.safeParse("x".repeat(PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
    expect(ZNewPassword.safeParse("x".repeat(PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(ZNewPassword.safeParse(" ".repeat(20)).success).toBe(false);
    expect(ZNewPassword.safeParse("x".repeat(201)).success).toBe(false);
    expect(ZNewPassword.safeParse("كلمة مرور طويلة").success).toBe(true);
  });
});
