// Which address a request comes from, for limits keyed on the client (how many
// anonymous learners it may create, better-auth's sign-in limit). The socket's peer is
// the only thing a client cannot choose; X-Forwarded-For is believed only hop by hop
// from the right, and only while each hop that appended to it is a proxy the operator
// listed in BLUEPRINT_TRUSTED_PROXIES (docs/decisions/014-rate-limits-and-client-addresses.md).
import { BlockList, isIP } from "node:net";

/** The header the app's server (scripts/serve-app.ts) sets on every request, replacing any a client sent. */
export const CLIENT_ADDRESS_HEADER = "x-blueprint-client-address";

export interface TrustedProxies {
  contains(address: string): boolean;
  readonly size: number;
}

/** The same address written one way: IPv4-mapped IPv6 (::ffff:1.2.3.4) as IPv4, IPv6 in lower case. */
export function normalizeAddress(address: string): string | null {
  let value = address.trim();
  // "[::1]:443" and "1.2.3.4:80" (some proxies add the port).
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return value.toLowerCase();
  return null;
}

/**
 * Parses BLUEPRINT_TRUSTED_PROXIES: addresses or CIDR ranges, comma- or space-separated
 * ("127.0.0.1, 10.0.0.0/8, fd00::/8"). An entry that is neither is an error, so a typo
 * never silently trusts nothing (or everything).
 */
export function parseTrustedProxies(list: string): TrustedProxies {
  const blocks = new BlockList();
  let size = 0;
  for (const entry of list.split(/[\s,]+/).filter(Boolean)) {
    const [rawAddress, rawPrefix, extra] = entry.split("/");
    const address = rawAddress ? normalizeAddress(rawAddress) : null;
    const family = address ? isIP(address) : 0;
    const maxPrefix = family === 4 ? 32 : 128;
    const prefix = rawPrefix === undefined ? maxPrefix : /^\d+$/.test(rawPrefix) ? Number(rawPrefix) : NaN;
    if (!address || extra !== undefined || !(prefix >= 0 && prefix <= maxPrefix)) {
      throw new Error(`BLUEPRINT_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`);
    }
    blocks.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
    size += 1;
  }
  return {
    size,
    contains(address) {
      const normal = normalizeAddress(address);
      if (!normal) return false;
      return blocks.check(normal, isIP(normal) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the socket's peer, or, when the peer is a trusted proxy, the
 * right-most X-Forwarded-For hop that is not itself trusted. A hop that is not an
 * address ends the walk at the last trusted hop before it, since whatever is further
 * left was written by someone we cannot vouch for.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  let client = (peer && normalizeAddress(peer)) ?? "unknown";
  if (trusted.size === 0 || !trusted.contains(client)) return client;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header.split(",").map((hop) => hop.trim()).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normalizeAddress(hops[index] ?? "");
    if (!hop) break;
    client = hop;
    if (!trusted.contains(hop)) break;
  }
  return client;
}

/**
 * The key a per-address limit counts under: IPv4 as is, IPv6 by its /64, since one
 * IPv6 host is usually given a whole /64 and could otherwise rotate through it.
 */
export function addressLimitKey(address: string): string {
  const normal = normalizeAddress(address);
  if (!normal) return "unknown";
  if (isIP(normal) === 4) return normal;
  const [head = "", tail = ""] = normal.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = normal.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : normal.split(":");
  return `${groups.slice(0, 4).map((group) => group.padStart(4, "0")).join(":")}::/64`;
}
