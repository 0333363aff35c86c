// The HTTP API as a script would use it: bad input gets a clear 4xx, and a learner
// cannot read another learner's data.
import { expect, test } from "@playwright/test";
import { solution } from "./helpers";

const RUN = "/api/challenges/rate-limiting/limiters/run";

test.describe("API bad input", () => {
  const cases: Array<[string, string, { data?: string | Buffer; headers?: Record<string, string> }, number, RegExp]> = [
    // A Buffer is sent as is (a string would be JSON-encoded by Playwright).
    ["malformed JSON", RUN, { data: Buffer.from("{nope"), headers: { "content-type": "application/json" } }, 400, /not valid JSON/],
    ["code missing", RUN, { data: "{}", headers: { "content-type": "application/json" } }, 400, /code is required/],
    ["code not a string", RUN, { data: '{"code": 42}', headers: { "content-type": "application/json" } }, 400, /code must be a string/],
    ["code over 64 KiB", RUN, { data: JSON.stringify({ code: "x".repeat(65 * 1024) }), headers: { "content-type": "application/json" } }, 400, /larger than 64 KiB/],
    ["not JSON at all", RUN, { data: Buffer.from("code=1"), headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, /JSON/],
    ["unknown challenge", "/api/challenges/nope/nothing/run", { data: '{"code":""}', headers: { "content-type": "application/json" } }, 404, /unknown challenge/],
    ["unknown mode", "/api/challenges/rate-limiting/limiters/walk", { data: '{"code":""}', headers: { "content-type": "application/json" } }, 404, /unknown mode/],
  ];
  for (const [name, url, options, status, message] of cases) {
    test(`${name} -> ${status}`, async ({ request }) => {
      const response = await request.post(url, options);
      expect(response.status()).toBe(status);
      expect((await response.json()).error).toMatch(message);
    });
  }

  test("learner code that throws while loading is a verdict, not a 500", async ({ request }) => {
    const response = await request.post(RUN, { data: { code: 'throw new Error("nope");' } });
    expect(response.status()).toBe(200);
    expect((await response.json()).verdict).toBe("runtime_error");
  });
});

test.describe("learners are kept apart", () => {
  test("another learner's submission is a 404 and their list is empty", async ({ playwright, baseURL }) => {
    const alice = await playwright.request.newContext({ baseURL });
    const bob = await playwright.request.newContext({ baseURL });
    const submitted = await alice.post("/api/challenges/rate-limiting/limiters/submit", { data: { code: solution() } });
    expect(submitted.status()).toBe(200);
    const { submission, verdict } = await submitted.json();
    expect(verdict).toBe("passed");
    expect((await alice.get(`/api/submissions/${submission.id}`)).status()).toBe(200);
    expect((await bob.get(`/api/submissions/${submission.id}`)).status()).toBe(404);
    const bobsList = await (await bob.get("/api/submissions?challenge=rate-limiting/limiters")).json();
    expect(bobsList.submissions).toEqual([]);
    expect((await bob.get("/api/drafts/rate-limiting/limiters")).status()).toBe(404);
    expect((await alice.get("/api/drafts/rate-limiting/limiters")).status()).toBe(200);
    // A forged cookie is ignored, not trusted.
    const mallory = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `bp_learner=${submission.id}.forged` },
    });
    expect((await mallory.get(`/api/submissions/${submission.id}`)).status()).toBe(404);
    await Promise.all([alice.dispose(), bob.dispose(), mallory.dispose()]);
  });
});
