import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxy, TrustedProxyConfigError } from "./client-address";

describe("client address behind trusted proxies (SANAD_TRUSTED_PROXY)", () => {
  it("believes no X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", parseTrustedProxy(undefined))).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, parseTrustedProxy(""))).toBe("203.0.113.9");
  });
  it("with a hop count, takes the address the outermost trusted proxy saw, never what the client wrote", () => {
    const one = parseTrustedProxy("1");
    // The client forged "6.6.6.6"; the proxy appended the real peer 198.51.100.7.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", one)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "198.51.100.7", one)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", undefined, one)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", parseTrustedProxy("2"))).toBe("198.51.100.7");
  });
  it("with ranges, walks back through trusted proxies to the first untrusted address", () => {
    const ranges = parseTrustedProxy("10.0.0.0/8, 127.0.0.1, fd00::/8");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9", ranges)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.1", "198.51.100.7", ranges)).toBe("203.0.113.1"); // peer not trusted
    expect(clientAddress("::ffff:127.0.0.1", "192.0.2.44", ranges)).toBe("192.0.2.44");
    expect(clientAddress("fd00::1", "2001:db8::5", ranges)).toBe("2001:db8::5");
    expect(clientAddress("10.0.0.1", "10.0.0.5", ranges)).toBe("10.0.0.5"); // all trusted: the farthest one
    expect(clientAddress("10.0.0.1", "garbage, 192.0.2.1", ranges)).toBe("192.0.2.1");
  });
  it("refuses a malformed setting at start", () => {
    expect(() => parseTrustedProxy("10.0.0.0/99")).toThrow(TrustedProxyConfigError);
    expect(() => parseTrustedProxy("proxy.example")).toThrow(TrustedProxyConfigError);
    expect(() => parseTrustedProxy("50")).toThrow(TrustedProxyConfigError);
  });
});
