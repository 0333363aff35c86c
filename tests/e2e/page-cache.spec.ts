// The static page cache in front of Next.js (lib/serve/static-page-cache.ts), against the
// production build: a lesson served from memory carries exactly the headers Next.js sent
// for it (the security headers above all), 304s agree, router requests and dynamic pages
// still reach Next.js, and a signed-in learner's progress still arrives after the page.
import { expect, test, type APIResponse } from "@playwright/test";
import { signUpAs } from "./sign-up";

const LESSON = "/concepts/rate-limiting";
const CACHE = "x-blueprint-page-cache";
// next.config.ts's headers() (lib/http/security-headers.ts), as tests/e2e/security-headers.spec.ts lists them.
const SECURITY = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "permissions-policy"];
// Per request, or framing Node picks for the bytes (chunked from Next.js's stream, a length from memory).
const PER_REQUEST = new Set(["date", "x-request-id", CACHE, "transfer-encoding", "content-length", "connection", "keep-alive"]);

/** An Accept-Encoding no earlier test sent: the first request is surely Next.js's, the second the cache's. */
const freshEncoding = (base: string) => `${base}, x-e2e-${Date.now()}-${Math.floor(Math.random() * 1e9)};q=0.1`;

function comparable(response: APIResponse): Record<string, string> {
  return Object.fromEntries(
    response
      .headersArray()
      .filter(({ name }) => !PER_REQUEST.has(name.toLowerCase()))
      .map(({ name, value }) => [name.toLowerCase(), value]),
  );
}

test.describe("the static page cache", () => {
  for (const encoding of ["identity", "gzip"]) {
    test(`a cached lesson (${encoding}) carries the same headers and bytes as Next.js's own answer`, async ({ request }) => {
      const headers = { "accept-encoding": freshEncoding(encoding) };
      const fromNext = await request.get(LESSON, { headers });
      const fromCache = await request.get(LESSON, { headers });
      expect(fromNext.status()).toBe(200);
      expect(fromCache.status()).toBe(200);
      expect(fromNext.headers()[CACHE]).toBeUndefined();
      expect(fromCache.headers()[CACHE]).toBe("HIT");
      expect(comparable(fromCache)).toEqual(comparable(fromNext));
      for (const name of SECURITY) expect(fromCache.headers()[name], name).toBeTruthy();
      expect(fromCache.headers()["content-security-policy"]).toContain("default-src 'self'");
      expect(fromCache.headers()["content-encoding"]).toBe(encoding === "gzip" ? "gzip" : undefined);
      expect((await fromCache.body()).equals(await fromNext.body())).toBe(true);
      expect(await fromCache.text()).toContain("Rate limiting");
      // Each answer has its own request id, from memory too.
      expect(fromCache.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(fromCache.headers()["x-request-id"]).not.toBe(fromNext.headers()["x-request-id"]);
    });
  }

  test("If-None-Match with the page's ETag is a 304 with Next.js's headers, from memory the second time", async ({ request }) => {
    const headers = { "accept-encoding": freshEncoding("identity") };
    const page = await request.get(LESSON, { headers });
    const etag = page.headers().etag;
    expect(etag).toBeTruthy();
    const first = await request.get(LESSON, { headers: { ...headers, "if-none-match": etag! } });
    const second = await request.get(LESSON, { headers: { ...headers, "if-none-match": etag! } });
    expect([first.status(), second.status()]).toEqual([304, 304]);
    expect(first.headers()[CACHE]).toBeUndefined();
    expect(second.headers()[CACHE]).toBe("HIT");
    expect(comparable(second)).toEqual(comparable(first));
    expect((await second.body()).length).toBe(0);
    // A stale ETag gets the page.
    const stale = await request.get(LESSON, { headers: { ...headers, "if-none-match": '"not-this-one"' } });
    expect(stale.status()).toBe(200);
    expect(stale.headers()[CACHE]).toBe("HIT");
  });

  test("router requests and dynamic pages are never answered from memory", async ({ request }) => {
    for (let i = 0; i < 2; i++) {
      const rsc = await request.get(LESSON, { headers: { rsc: "1" } });
      expect(rsc.status()).toBe(200);
      expect(rsc.headers()["content-type"]).toContain("text/x-component");
      expect(rsc.headers()[CACHE]).toBeUndefined();
      const dashboard = await request.get("/dashboard");
      expect(dashboard.headers()[CACHE]).toBeUndefined();
      const api = await request.get("/api/health");
      expect(api.headers()[CACHE]).toBeUndefined();
      const query = await request.get(`${LESSON}?from=search`);
      expect(query.headers()[CACHE]).toBeUndefined();
    }
  });

  test("a signed-in learner's progress badge still arrives after a lesson served from memory", async ({ page }) => {
    await signUpAs(page, "Cache Learner", "cache");
    // A quiz result, through the API as the lesson's quiz would send it.
    const quiz = await page.request.post("/api/progress/caching", { data: { event: "quiz", correct: 2, total: 3 } });
    expect(quiz.status()).toBe(204);

    // The first visit may reach Next.js; the browser revalidates the second with If-None-Match,
    // which Next.js answers 304 the first time; from the third on the cache answers (a 304 or the page).
    await page.goto("/concepts/caching");
    await page.goto("/concepts/caching");
    const response = await page.goto("/concepts/caching");
    expect(response?.headers()[CACHE]).toBe("HIT");
    await expect(page.getByTestId("lesson-progress").locator("[data-state]")).toHaveAttribute("data-state", "quiz_done");
    await expect(page.getByTestId("lesson-progress")).toContainText("Quiz: 2 of 3");
    await expect(page.locator('[data-testid="account-menu"][data-state="ready"]')).toContainText("Cache Learner");
  });
});
