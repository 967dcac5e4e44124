import ipaddr from "ipaddr.js";

/**
 * Which addresses Sanad may connect to when it fetches a URL a user gave it. Only public
 * unicast addresses, unless the operator allow-lists hosts or ranges (SANAD_FETCH_ALLOW) for
 * tests and intranets. ipaddr.js classifies ranges (RFC 6890 special-purpose registries) so we
 * do not hand-maintain a list of CIDRs; IPv4-mapped IPv6 is unwrapped first, so
 * ::ffff:127.0.0.1 is loopback, not "public IPv6".
 */

export interface FetchAllowList {
  hosts: Set<string>;
  ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

/** Parse SANAD_FETCH_ALLOW: comma-separated host names, IP addresses or CIDR ranges. Bad entries throw. */
export function parseAllowList(value: string | undefined): FetchAllowList {
  const allow: FetchAllowList = { hosts: new Set(), ranges: [] };
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry.includes("/")) {
      try {
        allow.ranges.push(ipaddr.parseCIDR(entry));
      } catch {
        throw new Error(`SANAD_FETCH_ALLOW: "${entry}" is not a CIDR range`);
      }
    } else if (ipaddr.isValid(entry)) {
      const addr = normalise(entry);
      allow.ranges.push([addr, addr.kind() === "ipv4" ? 32 : 128]);
    } else {
      allow.hosts.add(entry.replace(/\.$/, ""));
    }
  }
  return allow;
}

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed;
}

/** True when the allow-list names this host (exact match, case-insensitive). */
export function hostAllowed(host: string, allow: FetchAllowList): boolean {
  return allow.hosts.has(host.toLowerCase().replace(/\.$/, "").replace(/^\[|\]$/g, ""));
}

/**
 * Why an address may not be fetched, or null when it may: loopback, private, link-local,
 * unique-local, multicast, unspecified, reserved, carrier-grade NAT… everything that is not
 * "unicast" in ipaddr.js's classification, unless an allow-listed range covers it.
 */
export function addressProblem(address: string, allow: FetchAllowList): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const addr = normalise(address);
  for (const [range, bits] of allow.ranges) {
    if (range.kind() === addr.kind() && addr.match(range, bits)) return null;
  }
  const kind = addr.range();
  // ipaddr.js calls IPv4-compatible IPv6 (::a.b.c.d, RFC 4291 deprecated) "unicast"; it embeds
  // an IPv4 address (::7f00:1 is 127.0.0.1) and is never a public host's address.
  if (kind === "unicast" && addr.kind() === "ipv6" && (addr as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) return `${address} is an IPv4-compatible IPv6 address`;
  if (kind === "unicast") return null;
  return `${address} is a ${RANGE_NAMES[kind] ?? kind.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} address`;
}

/** ipaddr.js range names as a reader says them. */
const RANGE_NAMES: Record<string, string> = {
  loopback: "loopback",
  private: "private",
  linkLocal: "link-local",
  uniqueLocal: "unique-local (private IPv6)",
  carrierGradeNat: "carrier-grade NAT",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "broadcast",
  reserved: "reserved",
};

/** The process-wide allow-list from SANAD_FETCH_ALLOW (read on each call: tests change it). */
export function allowListFromEnv(): FetchAllowList {
  return parseAllowList(process.env.SANAD_FETCH_ALLOW);
}
