import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { AppError } from "../../lib/errors";

/**
 * A minimal guarded GET for admin-supplied feed URLs, until server/fetch/safe-fetch.ts (the
 * import work) lands on main; then this should call it. Guards: http/https only; the host is
 * resolved once and every address must be public (no loopback, private, link-local, CGNAT,
 * multicast, unique-local or IPv4-mapped private); the connection goes to the checked address
 * (no second DNS answer: DNS rebinding); redirects are followed by hand, at most 3, each
 * re-checked; 10 s timeout; 5 MB cap.
 */
const MAX_BYTES = 5_000_000;
const TIMEOUT_MS = 10_000;

export function isPrivateAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) {
    const [a, b] = address.split(".").map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19)) || a >= 224;
  }
  if (v === 6) {
    const x = address.toLowerCase();
    if (x === "::" || x === "::1") return true;
    const mapped = x.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return isPrivateAddress(mapped[1]);
    return /^(fc|fd|fe8|fe9|fea|feb|ff)/.test(x) || x.startsWith("::ffff:");
  }
  return true;
}

async function checkedAddress(url: URL): Promise<{ address: string; family: number }> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("INVALID_INPUT", "Only http and https feed URLs can be fetched.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const answers = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
  if (answers.length === 0) throw new AppError("INVALID_INPUT", `Could not resolve ${host}.`);
  if (answers.some((a) => isPrivateAddress(a.address))) throw new AppError("FORBIDDEN", `${host} is a private or local address; Sanad does not fetch those.`);
  return answers[0];
}

/** GET a public URL and return its body as text. */
export async function fetchFeedText(raw: string, redirects = 3): Promise<string> {
  let url: URL;
  try { url = new URL(raw); } catch { throw new AppError("INVALID_INPUT", "That is not a URL."); }
  const { address, family } = await checkedAddress(url);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<string>((resolve, reject) => {
    const req = client.get(url, {
      timeout: TIMEOUT_MS,
      headers: { accept: "application/ld+json, application/json;q=0.9, */*;q=0.1", "user-agent": "Sanad feed import" },
      lookup: (_host, _opts, cb) => cb(null, address, family),
    }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (redirects <= 0) return reject(new AppError("INVALID_INPUT", "The feed URL redirects too many times."));
        return resolve(fetchFeedText(new URL(res.headers.location, url).toString(), redirects - 1));
      }
      if (status !== 200) { res.resume(); return reject(new AppError("INVALID_INPUT", `The feed answered HTTP ${status}.`)); }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_BYTES) { req.destroy(); reject(new AppError("PAYLOAD_TOO_LARGE", "The feed is larger than 5 MB.")); } else chunks.push(c);
      });
      res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => reject(e instanceof AppError ? e : new AppError("INVALID_INPUT", `Could not fetch the feed: ${e.message}`)));
  });
}
