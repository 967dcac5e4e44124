import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { startPageFixtures, type PageFixtures } from "../test-support/page-fixtures";
import { addressProblem, parseAllowList } from "./address-policy";
import { HTML_TYPES, looksLikePdf, MAX_CONCURRENT_FETCHES, PDF_TYPE, safeFetch } from "./safe-fetch";

let fx: PageFixtures;
beforeAll(async () => {
  fx = await startPageFixtures();
});
afterAll(() => fx.close());

const loopback = parseAllowList("127.0.0.1");
const none = parseAllowList("");

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the fetch to fail");
}

describe("address policy", () => {
  it("refuses loopback, private, link-local, unique-local and mapped addresses; allows public ones", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "224.0.0.1"]) {
      expect(addressProblem(a, none), a).not.toBeNull();
    }
    for (const a of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"]) expect(addressProblem(a, none), a).toBeNull();
  });

  it("refuses IPv4-compatible IPv6 (::/96, deprecated), which ipaddr.js calls unicast: ::7f00:1 embeds 127.0.0.1", () => {
    for (const a of ["::7f00:1", "::127.0.0.1", "::a9fe:a9fe", "::808:808"]) expect(addressProblem(a, none), a).not.toBeNull();
    expect(addressProblem("::7f00:1", none)).toMatch(/IPv4-compatible/);
    // an operator can still allow one explicitly
    expect(addressProblem("::7f00:1", parseAllowList("::7f00:1"))).toBeNull();
  });
  it("lets SANAD_FETCH_ALLOW open hosts, addresses and CIDR ranges", () => {
    const allow = parseAllowList(" 127.0.0.1, 10.0.0.0/8 ,intranet.example ");
    expect(addressProblem("127.0.0.1", allow)).toBeNull();
    expect(addressProblem("::ffff:127.0.0.1", allow)).toBeNull();
    expect(addressProblem("10.9.8.7", allow)).toBeNull();
    expect(addressProblem("192.168.0.1", allow)).not.toBeNull();
    expect(allow.hosts.has("intranet.example")).toBe(true);
    expect(() => parseAllowList("10.0.0.0/99")).toThrow(/CIDR/);
  });
});

describe("safeFetch", () => {
  it("refuses schemes other than http(s) and URLs with credentials", async () => {
    expect((await failure(safeFetch({ url: "file:///etc/passwd", allow: loopback }))).code).toBe("URL_NOT_ALLOWED");
    expect((await failure(safeFetch({ url: "ftp://example.com/x", allow: loopback }))).code).toBe("URL_NOT_ALLOWED");
    expect((await failure(safeFetch({ url: `http://user:pw@127.0.0.1:${fx.port}/en`, allow: loopback }))).code).toBe("URL_NOT_ALLOWED");
    expect((await failure(safeFetch({ url: "not a url" }))).code).toBe("INVALID_INPUT");
  });

  it("refuses loopback by IP and by name (after DNS) unless allow-listed, without sending a request", async () => {
    const before = fx.hits.get("/en") ?? 0;
    const byIp = await failure(safeFetch({ url: `${fx.origin}/en`, allow: none }));
    expect(byIp.code).toBe("URL_NOT_ALLOWED");
    expect(byIp.message).toMatch(/loopback/);
    const byName = await failure(safeFetch({ url: `http://localhost:${fx.port}/en`, allow: none }));
    expect(byName.code).toBe("URL_NOT_ALLOWED");
    expect((await failure(safeFetch({ url: `http://[::ffff:127.0.0.1]:${fx.port}/en`, allow: none }))).code).toBe("URL_NOT_ALLOWED");
    expect(fx.hits.get("/en") ?? 0).toBe(before);
    const ok = await safeFetch({ url: `${fx.origin}/en`, allow: loopback, accept: HTML_TYPES });
    expect(ok.status).toBe(200);
    expect(ok.body.toString("utf8")).toContain("Port deal signed");
  });

  it("checks every redirect: a trusted host redirecting to 127.0.0.1 is refused unless 127.0.0.1 is allowed", async () => {
    const hostOnly = parseAllowList("localhost");
    const refused = await failure(safeFetch({ url: `http://localhost:${fx.port}/redirect-loopback`, allow: hostOnly }));
    expect(refused.code).toBe("URL_NOT_ALLOWED");
    expect(refused.message).toMatch(/127\.0\.0\.1/);
    const meta = await failure(safeFetch({ url: `http://localhost:${fx.port}/redirect-metadata`, allow: hostOnly }));
    expect(meta.code).toBe("URL_NOT_ALLOWED");
    expect(meta.message).toMatch(/169\.254\.169\.254 is a link-local address/);
    expect((await failure(safeFetch({ url: `${fx.origin}/redirect-file`, allow: loopback }))).code).toBe("URL_NOT_ALLOWED");
    const allowed = await safeFetch({ url: `http://localhost:${fx.port}/redirect-loopback`, allow: parseAllowList("localhost,127.0.0.1") });
    expect(allowed.finalUrl).toBe(`${fx.origin}/en`);
    expect(allowed.redirects).toEqual([`${fx.origin}/en`]);
  });

  it("follows same-site redirects and reports the final URL; stops redirect loops", async () => {
    const r = await safeFetch({ url: `${fx.origin}/redirect-same`, allow: loopback });
    expect(r.finalUrl).toBe(`${fx.origin}/en?utm_source=x`);
    const loop = await failure(safeFetch({ url: `${fx.origin}/redirect-loop`, allow: loopback }));
    expect(loop.code).toBe("FETCH_FAILED");
    expect(loop.message).toMatch(/redirects/);
  });

  it("runs at most MAX_CONCURRENT_FETCHES at once: a loop of imports cannot hold gigabytes of pages", async () => {
    const hanging = Array.from({ length: MAX_CONCURRENT_FETCHES }, () => failure(safeFetch({ url: `${fx.origin}/hang`, allow: loopback, timeoutMs: 1_500 })));
    const refused = await failure(safeFetch({ url: `${fx.origin}/en`, allow: loopback }));
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.status).toBe(429);
    for (const e of await Promise.all(hanging)) expect(e.code).toBe("FETCH_TIMEOUT");
    // the slots are free again
    expect((await safeFetch({ url: `${fx.origin}/en`, allow: loopback })).status).toBe(200);
  });

  it("caps the size: a 20 MB stream, a 20 MB Content-Length and a gzip bomb", async () => {
    for (const path of ["/big", "/big-declared", "/gzip-bomb"]) {
      const e = await failure(safeFetch({ url: `${fx.origin}${path}`, allow: loopback }));
      expect(e.code, path).toBe("FETCH_TOO_LARGE");
      expect(e.status).toBe(413);
    }
  });

  it("decodes gzip bodies", async () => {
    const r = await safeFetch({ url: `${fx.origin}/en-gzip`, allow: loopback });
    expect(r.body.toString("utf8")).toContain("Port deal signed");
  });

  it("refuses a PDF where HTML is expected, before reading it", async () => {
    const e = await failure(safeFetch({ url: `${fx.origin}/doc.pdf`, allow: loopback, accept: HTML_TYPES }));
    expect(e.code).toBe("FETCH_WRONG_TYPE");
    expect(e.message).toMatch(/application\/pdf/);
  });

  describe("PDFs for the archive (sniffPdf)", () => {
    const archive = [...HTML_TYPES, "text/plain", PDF_TYPE];
    it("keeps a PDF served as application/pdf, byte for byte", async () => {
      const r = await safeFetch({ url: `${fx.origin}/un.pdf`, allow: loopback, accept: archive, sniffPdf: true });
      expect(r.mediaType).toBe(PDF_TYPE);
      expect(looksLikePdf(r.body)).toBe(true);
      expect(r.body.subarray(-6).toString("latin1")).toBe("%%EOF\n");
    });
    it("recognises a PDF whose server says octet-stream or text/html", async () => {
      const download = await safeFetch({ url: `${fx.origin}/un-download`, allow: loopback, accept: archive, sniffPdf: true });
      expect(download.mediaType).toBe(PDF_TYPE);
      const lying = await safeFetch({ url: `${fx.origin}/ar.pdf`, allow: loopback, accept: archive, sniffPdf: true });
      expect(lying.mediaType).toBe(PDF_TYPE);
      expect(lying.charset).toBeNull();
    });
    it("refuses a generic download that is not a PDF, and PDFs altogether without sniffPdf", async () => {
      const e = await failure(safeFetch({ url: `${fx.origin}/octet`, allow: loopback, accept: archive, sniffPdf: true }));
      expect(e.code).toBe("FETCH_WRONG_TYPE");
      expect(e.message).toMatch(/application\/octet-stream/);
      expect((await failure(safeFetch({ url: `${fx.origin}/un-download`, allow: loopback, accept: HTML_TYPES }))).code).toBe("FETCH_WRONG_TYPE");
      // an HTML-only caller (import by URL) never turns a page into a PDF
      const html = await safeFetch({ url: `${fx.origin}/ar.pdf`, allow: loopback, accept: HTML_TYPES });
      expect(html.mediaType).toBe("text/html");
    });
    it("keeps the size cap and the address guard for PDFs", async () => {
      expect((await failure(safeFetch({ url: `${fx.origin}/un.pdf`, allow: loopback, accept: archive, sniffPdf: true, maxBytes: 200 }))).code).toBe("FETCH_TOO_LARGE");
      expect((await failure(safeFetch({ url: `${fx.origin}/un.pdf`, allow: none, accept: archive, sniffPdf: true }))).code).toBe("URL_NOT_ALLOWED");
    });
    it("looksLikePdf reads the header only", () => {
      expect(looksLikePdf(Buffer.from("%PDF-1.7\n"))).toBe(true);
      expect(looksLikePdf(Buffer.from(" %PDF-1.7"))).toBe(false);
      expect(looksLikePdf(Buffer.from("%PDF"))).toBe(false);
    });
  });

  it("gives up on a page that never answers", async () => {
    const started = Date.now();
    const e = await failure(safeFetch({ url: `${fx.origin}/hang`, allow: loopback, timeoutMs: 300 }));
    expect(e.code).toBe("FETCH_TIMEOUT");
    expect(e.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("reports HTTP errors and unreachable hosts", async () => {
    const e = await failure(safeFetch({ url: `${fx.origin}/missing`, allow: loopback }));
    expect(e.code).toBe("FETCH_FAILED");
    expect(e.message).toMatch(/404/);
    const closed = await failure(safeFetch({ url: "http://127.0.0.1:9/", allow: loopback }));
    expect(closed.code).toBe("FETCH_FAILED");
  });
});
