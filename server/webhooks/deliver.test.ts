import { describe, expect, it } from "vitest";
import { addressProblem, deliverWebhook, parseAllowList } from "./deliver";

describe("webhook address guard", () => {
  const none = parseAllowList("");

  it("refuses loopback, private, link-local, CGNAT, unique-local and IPv4-mapped private addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"]) {
      expect(addressProblem(a, none), a).toMatch(/private or special-purpose/);
    }
    for (const a of ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"]) expect(addressProblem(a, none), a).toBeNull();
    expect(addressProblem("not-an-ip", none)).toMatch(/not an IP/);
  });

  it("SANAD_FETCH_ALLOW opens listed addresses and CIDR ranges only", () => {
    const allow = parseAllowList("127.0.0.1, 10.0.0.0/8 ,Hooks.Internal.");
    expect(addressProblem("127.0.0.1", allow)).toBeNull();
    expect(addressProblem("::ffff:127.0.0.1", allow)).toBeNull();
    expect(addressProblem("10.200.0.9", allow)).toBeNull();
    expect(addressProblem("127.0.0.2", allow)).not.toBeNull();
    expect(addressProblem("192.168.0.1", allow)).not.toBeNull();
    expect(allow.hosts.has("hooks.internal")).toBe(true);
  });

  it("refuses non-http schemes, credentials and private IP literals without connecting, permanently", async () => {
    for (const url of ["ftp://example.org/x", "http://user:pw@example.org/x", "http://127.0.0.1:9/x", "http://[::1]:9/x", "http://169.254.169.254/latest/meta-data"]) {
      const r = await deliverWebhook({ url, body: "{}", headers: {}, allow: "" });
      expect(r, url).toMatchObject({ status: null, permanent: true });
    }
  });
});
