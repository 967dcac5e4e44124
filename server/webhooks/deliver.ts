import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";

/**
 * POST a webhook delivery without letting a registered URL reach what it should not (SSRF).
 * A minimal guard, written because the shared one (server/fetch/safe-fetch.ts) was not on main
 * yet: http(s) only, no credentials in the URL, and the address the socket connects to is the
 * address we checked (the check runs inside the socket's own DNS lookup, so DNS rebinding
 * between a check and the connection is impossible). Private, loopback, link-local and other
 * special-purpose ranges are refused unless SANAD_FETCH_ALLOW lists the host, the address or a
 * CIDR range. Redirects are not followed (a receiver answers; it does not send us elsewhere).
 */

export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer is kept in the delivery log. */
export const RESPONSE_LOG_BYTES = 2048;

const SPECIAL_V4 = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"];
const SPECIAL_V6 = ["::/128", "::1/128", "64:ff9b::/96", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "ff00::/8"];

const refused = new net.BlockList();
for (const r of SPECIAL_V4) { const [a, b] = r.split("/"); refused.addSubnet(a, Number(b), "ipv4"); }
for (const r of SPECIAL_V6) { const [a, b] = r.split("/"); refused.addSubnet(a, Number(b), "ipv6"); }

interface AllowList { hosts: Set<string>; ranges: net.BlockList }

/** Parse SANAD_FETCH_ALLOW: comma-separated host names, IP addresses or CIDR ranges (same format as URL import). */
export function parseAllowList(value: string | undefined): AllowList {
  const allow: AllowList = { hosts: new Set(), ranges: new net.BlockList() };
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const [addr, bits] = entry.split("/");
    const kind = net.isIPv4(addr) ? "ipv4" : net.isIPv6(addr) ? "ipv6" : null;
    if (kind) allow.ranges.addSubnet(addr, bits ? Number(bits) : kind === "ipv4" ? 32 : 128, kind);
    else allow.hosts.add(entry.replace(/\.$/, ""));
  }
  return allow;
}

/** Why `address` may not receive a delivery, or null when it may. IPv4-mapped IPv6 is checked as IPv4. */
export function addressProblem(address: string, allow: AllowList): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const ip = mapped ? mapped[1] : address;
  const kind = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : null;
  if (!kind) return `${address} is not an IP address`;
  if (allow.ranges.check(ip, kind)) return null;
  return refused.check(ip, kind) ? `${ip} is a private or special-purpose address` : null;
}

export interface DeliveryResult {
  status: number | null;
  /** The first RESPONSE_LOG_BYTES of the answer (UTF-8, lossy). */
  body: string;
  /** Why there was no HTTP answer (refused address, timeout, connection error). */
  error: string | null;
  /** True when retrying cannot help (the URL or its address is refused). */
  permanent: boolean;
}

/** Send one delivery; never throws. 2xx is success; anything else is for the caller to retry. */
export async function deliverWebhook(options: { url: string; body: string; headers: Record<string, string>; timeoutMs?: number; allow?: string }): Promise<DeliveryResult> {
  const allow = parseAllowList(options.allow ?? process.env.SANAD_FETCH_ALLOW);
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return { status: null, body: "", error: "not a URL", permanent: true };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { status: null, body: "", error: "only http and https URLs", permanent: true };
  if (url.username || url.password) return { status: null, body: "", error: "credentials in the URL are not allowed", permanent: true };
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const hostOk = allow.hosts.has(host);
  if (net.isIP(host) && !hostOk) {
    const problem = addressProblem(host, allow);
    if (problem) return { status: null, body: "", error: `refused: ${problem} (allow it with SANAD_FETCH_ALLOW)`, permanent: true };
  }
  const guardedLookup: LookupFunction = (hostname, opts, callback) => {
    dns.lookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as dns.LookupAddress[];
      for (const a of list) {
        const problem = hostOk ? null : addressProblem(a.address, allow);
        if (problem) return callback(Object.assign(new Error(`refused: ${problem} (allow it with SANAD_FETCH_ALLOW)`), { code: "SANAD_REFUSED" }), "", 4);
      }
      if (opts.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<DeliveryResult>((resolve) => {
    const req = client.request(url, {
      method: "POST",
      headers: { ...options.headers, "content-length": Buffer.byteLength(options.body).toString() },
      lookup: guardedLookup,
      timeout: options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
      agent: false,
    }, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on("data", (c: Buffer) => {
        if (kept < RESPONSE_LOG_BYTES) { chunks.push(c); kept += c.length; }
        if (kept >= RESPONSE_LOG_BYTES) res.destroy();
      });
      const done = () => resolve({ status: res.statusCode ?? null, body: Buffer.concat(chunks).subarray(0, RESPONSE_LOG_BYTES).toString("utf8"), error: null, permanent: false });
      res.on("end", done);
      res.on("close", done);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${options.timeoutMs ?? DELIVERY_TIMEOUT_MS} ms`)));
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ status: null, body: "", error: e.message, permanent: e.code === "SANAD_REFUSED" }));
    req.end(options.body);
  });
}
