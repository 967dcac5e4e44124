import { describe, expect, it } from "vitest";
import { fetchFeedText } from "./fetch-feed";

describe("feed fetch guard (the shared safe fetch)", () => {
  it("refuses non-http schemes, credentials and local hosts before connecting", async () => {
    await expect(fetchFeedText("file:///etc/passwd")).rejects.toMatchObject({ code: "URL_NOT_ALLOWED" });
    await expect(fetchFeedText("http://user:pw@example.org/feed")).rejects.toMatchObject({ code: "URL_NOT_ALLOWED" });
    for (const url of ["http://127.0.0.1:1/feed", "http://[::1]:1/feed", "http://localhost:1/feed", "http://169.254.169.254/latest", "http://[::ffff:10.0.0.1]/feed"]) {
      await expect(fetchFeedText(url), url).rejects.toMatchObject({ code: "URL_NOT_ALLOWED" });
    }
  });
});
