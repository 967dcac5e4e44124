import { describe, expect, it } from "vitest";
import { fetchFeedText, isPrivateAddress } from "./fetch-feed";

describe("feed fetch guard", () => {
  it("recognises private, loopback, link-local and mapped addresses", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1"]) expect(isPrivateAddress(a), a).toBe(false);
  });
  it("refuses non-http schemes and local hosts before connecting", async () => {
    await expect(fetchFeedText("file:///etc/passwd")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(fetchFeedText("http://127.0.0.1:1/feed")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(fetchFeedText("http://[::1]:1/feed")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(fetchFeedText("http://localhost:1/feed")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
