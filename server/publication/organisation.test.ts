import { describe, expect, it } from "vitest";
import { organisation, publicBaseUrl, publicPaths } from "./organisation";

describe("organisation and public URLs", () => {
  it("defaults sensibly and reads the environment", () => {
    expect(organisation({})).toEqual({ name: "Sanad Fact Check", url: "http://localhost:3000" });
    expect(organisation({ SANAD_ORG_NAME: "Misbar", SANAD_ORG_URL: "https://misbar.example/" })).toEqual({ name: "Misbar", url: "https://misbar.example" });
    expect(publicBaseUrl({ NEXTAUTH_URL: "http://localhost:4123/" })).toBe("http://localhost:4123");
    expect(publicBaseUrl({ SANAD_PUBLIC_URL: "https://checks.example", NEXTAUTH_URL: "http://x" })).toBe("https://checks.example");
  });
  it("ignores non-http URLs", () => {
    expect(organisation({ SANAD_ORG_URL: "javascript:alert(1)" }).url).toBe("http://localhost:3000");
  });
  it("builds encoded public paths", () => {
    expect(publicPaths.claim("a-b", "x/y")).toBe("/v/a-b/claims/x%2Fy");
    expect(publicPaths.version("a-b", 2)).toBe("/v/a-b/versions/2");
  });
});
