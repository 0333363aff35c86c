import { describe, expect, test } from "vitest";
import { addressLimitKey, normalizeAddress, parseTrustedProxies, resolveClientAddress } from "./client-address";

const none = parseTrustedProxies("");
const loopbackProxy = parseTrustedProxies("127.0.0.1");
const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 fd00::/8");

describe("client address", () => {
  test("trusts no forwarded header by default: the peer is the client, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", ["1.1.1.1", "2.2.2.2"], none)).toBe("203.0.113.9");
  });

  test("a peer that is not a trusted proxy is the client even when proxies are configured", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", proxies)).toBe("203.0.113.9");
  });

  test("behind trusted proxies: the right-most hop that is not trusted", () => {
    // client -> 10.1.2.3 (edge) -> 127.0.0.1 (local proxy) -> app; the client forged the left-most entry.
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.7", loopbackProxy)).toBe("198.51.100.7");
    // Only the loopback proxy is trusted: the edge's own entry is as far as we believe.
    expect(resolveClientAddress("127.0.0.1", "198.51.100.7, 10.1.2.3", loopbackProxy)).toBe("10.1.2.3");
  });

  test("a trusted proxy with no header, or a garbage hop, stops at the last address we can vouch for", () => {
    expect(resolveClientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.7, not-an-ip, 10.1.2.3", proxies)).toBe("10.1.2.3");
  });

  test("rejects a malformed trusted-proxy list instead of trusting nothing silently", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustedProxies("localhost")).toThrow(/localhost/);
    expect(parseTrustedProxies("10.0.0.0/8").contains("10.200.0.1")).toBe(true);
    expect(parseTrustedProxies("10.0.0.0/8").contains("11.0.0.1")).toBe(false);
    expect(parseTrustedProxies("fd00::/8").contains("fd12::1")).toBe(true);
  });

  test("normalizes the ways one address is written", () => {
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normalizeAddress("nonsense")).toBeNull();
  });

  test("counts IPv6 clients by their /64, IPv4 by the address", () => {
    expect(addressLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:0db8:0001:0002::/64");
    expect(addressLimitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:0db8:0001:0002::/64");
    expect(addressLimitKey("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
    expect(addressLimitKey("203.0.113.9")).toBe("203.0.113.9");
  });
});
