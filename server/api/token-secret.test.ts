import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerToken } from "./authenticate-token";
import { generateToken, hashToken, looksLikeToken } from "./token-secret";
import { hasScope, parseScopes } from "../../lib/api-tokens";

describe("API token secrets", () => {
  it("a new token is sanad_ + 256 random bits; only its SHA-256 and a short prefix are kept", () => {
    const { token, prefix, tokenHash } = generateToken();
    expect(token).toMatch(/^sanad_[A-Za-z0-9_-]{43}$/);
    expect(looksLikeToken(token)).toBe(true);
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toBe(tokenHash);
    expect(prefix).toBe(token.slice(0, 14));
    expect(tokenHash).not.toContain(token.slice(6));
    expect(generateToken().token).not.toBe(token);
  });

  it("refuses shapes that are not ours before any lookup", () => {
    expect(looksLikeToken("sanad_short")).toBe(false);
    expect(looksLikeToken(`other_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeToken(`sanad_${"a".repeat(42)}!`)).toBe(false);
  });

  it("reads only the Bearer scheme", () => {
    expect(bearerToken("Bearer sanad_abc")).toBe("sanad_abc");
    expect(bearerToken("bearer   sanad_abc ")).toBe("sanad_abc");
    expect(bearerToken("Basic dXNlcjpwdw==")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });

  it("scopes: unknown words grant nothing; read does not include write", () => {
    expect(parseScopes("read write admin")).toEqual(["read", "write"]);
    expect(hasScope(parseScopes("read"), "write")).toBe(false);
    expect(hasScope(parseScopes("read write"), "write")).toBe(true);
  });
});
