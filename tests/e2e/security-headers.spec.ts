// The security headers and the same-origin rule against the production build, through the
// real server: no Next.js proxy runs (docs/decisions/025), so next.config.ts's headers()
// must reach route handlers, their error answers and assets as well as pages, and the route
// wrapper and the accounts route must refuse a write from another site themselves.
import { expect, test } from "@playwright/test";

const SECURITY = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "permissions-policy"];

test.describe("security headers and same-origin writes", () => {
  test("pages, API answers (200, 404, 403) and assets all carry every security header", async ({ request }) => {
    const page = await request.get("/concepts/rate-limiting");
    const html = await page.text();
    const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    expect(asset, "the lesson names a script of its own").toBeTruthy();
    const answers = {
      page,
      live: await request.get("/api/health/live"),
      missing: await request.get("/api/submissions/00000000-0000-4000-8000-000000000000"),
      refused: await request.put("/api/drafts/rate-limiting/limiters", { headers: { origin: "http://evil.example" }, data: { code: "export {}" } }),
      asset: await request.get(asset!),
    };
    expect(answers.live.status()).toBe(200);
    expect(answers.missing.status()).toBe(404);
    expect(answers.refused.status()).toBe(403);
    for (const [name, response] of Object.entries(answers)) {
      for (const header of SECURITY) expect(response.headers()[header], `${name}: ${header}`).toBeTruthy();
      expect(response.headers()["content-security-policy"], name).toContain("frame-ancestors 'none'");
    }
  });

  test("a write from another site is refused with the reason, and one from this site is served", async ({ request, baseURL }) => {
    const refused = await request.put("/api/drafts/rate-limiting/limiters", { headers: { origin: "http://evil.example" }, data: { code: "export const stolen = 1;" } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "forbidden", error: "cross-origin request refused: writes must come from this site" });
    expect(refused.headers()["set-cookie"]).toBeUndefined();
    const signUp = await request.post("/api/auth/sign-up/email", {
      headers: { origin: "http://evil.example" },
      data: { name: "Mallory", email: `mallory-${Date.now()}@example.com`, password: "correct horse battery staple" },
    });
    expect(signUp.status()).toBe(403);
    const served = await request.put("/api/drafts/rate-limiting/limiters", { headers: { origin: new URL(baseURL!).origin }, data: { code: "export const mine = 1;" } });
    expect(served.status()).toBe(200);
  });
});
