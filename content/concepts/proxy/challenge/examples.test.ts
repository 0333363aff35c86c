import { expect, test } from "@blueprint/test";
import { forwardProxyAllows, reverseProxyHeaders } from "./solution";

test("a blocked domain blocks its subdomains but not look-alikes", () => {
  const policy = { blockedDomains: ["example.com"] };
  expect(forwardProxyAllows("https://example.com/", policy)).toBe(false);
  expect(forwardProxyAllows("https://a.example.com/x", policy)).toBe(false);
  expect(forwardProxyAllows("https://badexample.com/", policy)).toBe(true);
});

test("only ports 80 and 443 pass by default", () => {
  const policy = { blockedDomains: [] };
  expect(forwardProxyAllows("http://example.org/", policy)).toBe(true);
  expect(forwardProxyAllows("http://example.org:8080/", policy)).toBe(false);
  expect(forwardProxyAllows("http://example.org:8080/", { blockedDomains: [], allowedPorts: [8080] })).toBe(true);
});

test("the host comes after the userinfo", () => {
  expect(forwardProxyAllows("http://me@example.com/", { blockedDomains: ["example.com"] })).toBe(false);
});

test("a reverse proxy rewrites the forwarding headers", () => {
  const out = reverseProxyHeaders(
    { Host: "shop.example.com", "X-Forwarded-For": "203.0.113.7", Connection: "keep-alive", Accept: "*/*" },
    { clientIp: "198.51.100.20", upstreamHost: "10.0.0.12:8080", proto: "https" },
  );
  expect(out).toEqual({
    accept: "*/*",
    host: "10.0.0.12:8080",
    "x-forwarded-for": "203.0.113.7, 198.51.100.20",
    "x-real-ip": "203.0.113.7",
    "x-forwarded-proto": "https",
    "x-forwarded-host": "shop.example.com",
  });
});
