// The proxy's headers and same-origin rule for writes (proxy.ts).
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { CONTENT_SECURITY_POLICY, crossOriginWrite, proxy } from "../../proxy";

const request = (method: string, headers: Record<string, string>) =>
  new NextRequest("http://127.0.0.1:3000/api/drafts/rate-limiting/limiters", { method, headers: { host: "127.0.0.1:3000", ...headers } });

describe("same-origin writes", () => {
  test("a write from this site, or from a script without Origin, passes", () => {
    expect(crossOriginWrite(request("PUT", { origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(crossOriginWrite(request("POST", {}))).toBe(false);
    expect(crossOriginWrite(request("GET", { origin: "http://evil.example" }))).toBe(false);
  });

  test("a write from another origin is refused with 403", async () => {
    expect(crossOriginWrite(request("DELETE", { origin: "http://evil.example" }))).toBe(true);
    expect(crossOriginWrite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(crossOriginWrite(request("POST", { origin: "null" }))).toBe(true);
    const response = proxy(request("POST", { origin: "http://localhost:3000" }));
    expect(response.status).toBe(403);
  });
});

describe("content security policy", () => {
  test("lets Monaco's workers run and names no other host", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:\/\//);
    const response = proxy(new NextRequest("http://127.0.0.1:3000/concepts/caching"));
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });
});
