// Pages skip the proxy (it runs for /api/* only), so next.config.ts must send the same
// security headers the proxy sends, on every path.
import { describe, expect, test } from "vitest";
import nextConfig from "../../next.config";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, config as proxyConfig } from "../../proxy";

describe("security headers on pages", () => {
  test("next.config sends every header of the proxy, CSP included, on every path", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const everyPath = rules.find((rule) => rule.source === "/:path*");
    expect(everyPath?.headers).toEqual(SECURITY_HEADERS);
    expect(everyPath?.headers.find((header) => header.key === "content-security-policy")?.value).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS.map((header) => header.key)).toEqual(
      expect.arrayContaining(["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"]),
    );
  });

  test("the proxy runs for the API only", () => {
    expect(proxyConfig.matcher).toEqual(["/api/:path*"]);
  });
});
