// No Next.js proxy runs (docs/decisions/025): next.config.ts alone sends the security
// headers, so its rule must cover every path (pages, route handlers, assets) with all of them.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import nextConfig from "../../next.config";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "../../lib/http/security-headers";

describe("security headers", () => {
  test("next.config sends every security header, CSP included, on every path", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const everyPath = rules.find((rule) => rule.source === "/:path*");
    expect(everyPath?.headers).toEqual(SECURITY_HEADERS);
    expect(everyPath?.headers.find((header) => header.key === "content-security-policy")?.value).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS.map((header) => header.key)).toEqual(
      expect.arrayContaining(["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"]),
    );
  });

  test("no proxy (middleware) file makes every API request pay for a trip through it", () => {
    for (const name of ["proxy.ts", "middleware.ts", "src/proxy.ts", "src/middleware.ts"]) expect(existsSync(path.join(process.cwd(), name))).toBe(false);
  });
});
