import { describe, expect, it } from "vitest";
import { configuredOrigin, publicOrigin } from "./public-origin";

describe("publicOrigin (NEXTAUTH_URL read once for every absolute link)", () => {
  it("is NEXTAUTH_URL's origin, whatever path or trailing slash it carries", () => {
    expect(publicOrigin(undefined, { NEXTAUTH_URL: "https://sanad.example/" })).toBe("https://sanad.example");
    expect(publicOrigin("http://internal:3000", { NEXTAUTH_URL: "https://sanad.example/api/auth" })).toBe("https://sanad.example");
  });
  it("falls back to the request's origin, then to the local default", () => {
    expect(publicOrigin("http://10.0.0.5:3000", {})).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(undefined, {})).toBe("http://localhost:3000");
  });
  it("ignores a malformed or non-http NEXTAUTH_URL instead of throwing or using it", () => {
    expect(configuredOrigin({ NEXTAUTH_URL: "not a url" })).toBeNull();
    expect(configuredOrigin({ NEXTAUTH_URL: "javascript:alert(1)" })).toBeNull();
    expect(configuredOrigin({ NEXTAUTH_URL: "  " })).toBeNull();
    expect(publicOrigin("http://req.example", { NEXTAUTH_URL: "ftp://files.example" })).toBe("http://req.example");
  });
});
