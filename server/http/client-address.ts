import { BlockList, isIP } from "node:net";
import { ConfigError } from "../auth/secret";

/**
 * Which proxies in front of Sanad may speak for the client's address (`SANAD_TRUSTED_PROXY`):
 * a number of hops ("1": one reverse proxy, take the address it saw), or a comma-separated list
 * of addresses and CIDR ranges ("10.0.0.0/8, 127.0.0.1"). Unset: no proxy is trusted and the
 * socket's peer address is the client, whatever `X-Forwarded-For` says.
 */
export type TrustedProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; list: BlockList };

export class TrustedProxyConfigError extends ConfigError {}

/** Parse `SANAD_TRUSTED_PROXY`; a malformed value is an error at start, never a silent default. */
export function parseTrustedProxy(value: string | undefined): TrustedProxy {
  const v = value?.trim() ?? "";
  if (v === "" || v === "0" || v.toLowerCase() === "false") return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new TrustedProxyConfigError(`SANAD_TRUSTED_PROXY: ${hops} hops is not plausible (at most 10)`);
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const raw of v.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefix] = entry.split("/");
    const family = isIP(address);
    if (!family) throw new TrustedProxyConfigError(`SANAD_TRUSTED_PROXY: "${entry}" is neither a hop count nor an address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) {
      list.addAddress(address, type);
    } else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) throw new TrustedProxyConfigError(`SANAD_TRUSTED_PROXY: bad prefix length in "${entry}"`);
      list.addSubnet(address, bits, type);
    }
  }
  return { kind: "ranges", list };
}

/** "::ffff:10.0.0.1" -> "10.0.0.1", so IPv4 ranges match IPv4 peers on a dual-stack socket. */
export function normaliseAddress(address: string): string {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket peer, or — through trusted proxies only — the nearest
 * address in `X-Forwarded-For` that a trusted proxy vouches for. Entries an untrusted hop
 * could have written are never believed, so a client cannot choose its own budget.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxy: TrustedProxy): string {
  const remote = normaliseAddress(peer ?? "unknown");
  if (proxy.kind === "none" || !forwardedFor) return remote;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const hops = header.split(",").map(normaliseAddress).filter((a) => isIP(a) !== 0);
  // Nearest first: the peer, then what each proxy appended, right to left.
  const chain = [remote, ...hops.reverse()];
  if (proxy.kind === "hops") return chain[Math.min(proxy.hops, chain.length - 1)];
  let i = 0;
  while (i < chain.length - 1 && trusted(proxy.list, chain[i])) i++;
  return chain[i];
}

/** Header main.ts sets on every request it hands to Next (any value a client sent is replaced). */
export const CLIENT_ADDRESS_HEADER = "x-sanad-client-address";

const holder = globalThis as unknown as { __sanadTrustedProxy?: TrustedProxy };

/** The process's trusted-proxy setting, parsed once from the environment. */
export function trustedProxy(): TrustedProxy {
  return (holder.__sanadTrustedProxy ??= parseTrustedProxy(process.env.SANAD_TRUSTED_PROXY));
}
