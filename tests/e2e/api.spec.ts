// The HTTP API as a script would use it: bad input gets a clear 4xx, and a learner
// cannot read another learner's data.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { solution } from "./helpers";

const RUN = "/api/challenges/rate-limiting/limiters/run";
const DRAFT = "/api/drafts/rate-limiting/limiters";

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
  // Alice and Bob are both real learners who have written data of every kind, so a
  // route that forgot to scope a read or write by learner would hand Bob Alice's rows.
  // Mallory sends a cookie with Alice's real learner id and a signature that is not hers.
  type Api = APIRequestContext;
  const json = { "content-type": "application/json" };

  async function writeEverything(api: Api, name: string) {
    const submitted = await api.post("/api/challenges/rate-limiting/limiters/submit", { data: { code: `${solution()}\n// ${name}'s submission` } });
    expect(submitted.status()).toBe(200);
    // After the submit, which saves its code as the draft.
    const draft = await api.put(DRAFT, { data: { code: `// ${name}'s draft` }, headers: json });
    expect(draft.status()).toBe(200);
    const interview = await api.post("/api/interviews", { data: { prompt: "url-shortener" }, headers: json });
    expect(interview.status()).toBe(201);
    const interviewId = ((await interview.json()) as { id: string }).id;
    const note = await api.put(`/api/interviews/${interviewId}/notes/0`, { data: { text: `${name}'s interview notes`, version: 0 }, headers: json });
    expect(note.status()).toBe(200);
    const round = await api.post("/api/drills");
    expect(round.status()).toBe(201);
    const { id: roundId, scenarios } = (await round.json()) as { id: string; scenarios: Array<{ id: string }> };
    const answered = await api.post(`/api/drills/${roundId}/answers`, { data: { scenarioId: scenarios[0]!.id, chosen: "caching" }, headers: json });
    expect(answered.status()).toBe(201);
    const quiz = await api.post("/api/progress/caching", { data: { event: "quiz", correct: name === "alice" ? 3 : 1, total: 7 }, headers: json });
    expect(quiz.status()).toBeLessThan(300);
    return { submissionId: ((await submitted.json()) as { submission: { id: string } }).submission.id, interviewId, roundId, firstScenario: scenarios[0]!.id };
  }

  async function learnerIdOf(api: Api): Promise<string> {
    const cookie = (await api.storageState()).cookies.find((entry) => entry.name === "bp_learner");
    const id = cookie?.value.split(".")[0];
    if (!id) throw new Error("no learner cookie was set");
    return id;
  }

  test("a real second learner and a forged cookie see none of Alice's drafts, submissions, interviews, drills, progress or export", async ({
    playwright,
    baseURL,
  }) => {
    const alice = await playwright.request.newContext({ baseURL });
    const bob = await playwright.request.newContext({ baseURL });
    const aliceData = await writeEverything(alice, "alice");
    const bobData = await writeEverything(bob, "bob");
    const aliceId = await learnerIdOf(alice);
    expect(await learnerIdOf(bob)).not.toBe(aliceId);

    // Bob reads his own things...
    expect(((await (await bob.get(DRAFT)).json()) as { code: string }).code).toBe("// bob's draft");
    expect((await bob.get(`/api/submissions/${bobData.submissionId}`)).status()).toBe(200);
    // ...and none of Alice's.
    expect((await bob.get(`/api/submissions/${aliceData.submissionId}`)).status()).toBe(404);
    const bobsList = (await (await bob.get("/api/submissions?challenge=rate-limiting/limiters")).json()) as { submissions: Array<{ id: string }> };
    expect(bobsList.submissions.map((row) => row.id)).toEqual([bobData.submissionId]);
    expect((await bob.get(`/api/interviews/${aliceData.interviewId}`)).status()).toBe(404);
    expect((await bob.put(`/api/interviews/${aliceData.interviewId}/notes/0`, { data: { text: "bob was here", version: 1 }, headers: json })).status()).toBe(404);
    expect((await bob.post(`/api/interviews/${aliceData.interviewId}/pause`)).status()).toBe(404);
    expect((await bob.get(`/api/drills/${aliceData.roundId}`)).status()).toBe(404);
    expect((await bob.post(`/api/drills/${aliceData.roundId}/answers`, { data: { scenarioId: aliceData.firstScenario, chosen: "cdn" }, headers: json })).status()).toBe(404);
    expect((await bob.post(`/api/drills/${aliceData.roundId}/finish`)).status()).toBe(404);
    const bobsProgress = (await (await bob.get("/api/progress")).json()) as { concepts: Array<{ slug: string; quiz: { correct: number } | null }> };
    expect(bobsProgress.concepts.find((concept) => concept.slug === "caching")?.quiz?.correct).toBe(1);
    const bobsExport = await (await bob.get("/api/me/export")).text();
    expect(bobsExport).toContain("bob's interview notes");
    for (const secret of ["alice's draft", "alice's submission", "alice's interview notes", aliceData.submissionId, aliceData.interviewId, aliceData.roundId, aliceId]) {
      expect(bobsExport).not.toContain(secret);
    }

    // Mallory: Alice's real id, a signature that is not the server's.
    const mallory = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `bp_learner=${aliceId}.${"A".repeat(43)}` } });
    expect((await mallory.get(DRAFT)).status()).toBe(404);
    expect((await mallory.get(`/api/submissions/${aliceData.submissionId}`)).status()).toBe(404);
    expect((await mallory.get(`/api/interviews/${aliceData.interviewId}`)).status()).toBe(404);
    expect((await mallory.get(`/api/drills/${aliceData.roundId}`)).status()).toBe(404);
    const malloryProgress = (await (await mallory.get("/api/progress")).json()) as { concepts: Array<{ slug: string; quiz: unknown }> };
    expect(malloryProgress.concepts.find((concept) => concept.slug === "caching")?.quiz).toBeNull();
    expect(await (await mallory.get("/api/me/export")).text()).not.toContain("alice");
    // A write with the forged cookie lands on a new learner, never on Alice's rows.
    expect((await mallory.put(DRAFT, { data: { code: "// mallory overwrote this" }, headers: json })).status()).toBe(200);

    // Nothing of Alice's was changed by either of them.
    expect(((await (await alice.get(DRAFT)).json()) as { code: string }).code).toBe("// alice's draft");
    const aliceInterview = (await (await alice.get(`/api/interviews/${aliceData.interviewId}`)).json()) as { notes: Array<{ text: string }> };
    expect(JSON.stringify(aliceInterview)).toContain("alice's interview notes");
    expect(JSON.stringify(aliceInterview)).not.toContain("bob was here");
    const aliceRound = (await (await alice.get(`/api/drills/${aliceData.roundId}`)).json()) as { finishedAt: string | null; score: { answered: number } };
    expect(aliceRound).toMatchObject({ finishedAt: null, score: { answered: 1 } });
    const aliceExport = await (await alice.get("/api/me/export")).text();
    for (const mine of ["alice's draft", "alice's submission", "alice's interview notes", aliceData.submissionId, aliceData.interviewId, aliceData.roundId]) {
      expect(aliceExport).toContain(mine);
    }
    await Promise.all([alice.dispose(), bob.dispose(), mallory.dispose()]);
  });
});

test.describe("cookie-less clients", () => {
  // The e2e server trusts loopback as a proxy (playwright.config.ts), so each test names
  // its client in X-Forwarded-For. fetch keeps no cookies: every request is a new visitor.
  const visit = (baseURL: string, address: string, extra: Record<string, string> = {}) =>
    fetch(`${baseURL}/api/progress/rate-limiting`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address, ...extra },
      body: JSON.stringify({ event: "lesson_read" }),
    });

  // What playwright.config.ts gives the server (the default, 100, is tested in tests/integration/anonymous-learners.test.ts).
  const perHour = Number(process.env.BLUEPRINT_ANONYMOUS_LEARNERS_PER_HOUR);

  test("one address creates only so many anonymous learners an hour, then gets 429 with Retry-After; others are not affected", async ({ baseURL }) => {
    expect(perHour).toBeGreaterThan(0);
    const address = "198.51.100.23";
    const startedAt = Date.now();
    let allowed = 0;
    let firstCookie = "";
    let refused: Response | undefined;
    for (let i = 0; i < perHour * 2 && !refused; i += 1) {
      // The client also claims a new address header each time: the server replaces it with the one it resolved.
      const response = await visit(baseURL!, address, { "x-blueprint-client-address": `203.0.113.${i % 250}` });
      if (response.status === 429) refused = response;
      else {
        expect(response.status).toBeLessThan(300);
        allowed += 1;
        firstCookie ||= response.headers.getSetCookie().find((line) => line.startsWith("bp_learner="))?.split(";")[0] ?? "";
      }
    }
    // The allowance refills steadily (perHour an hour): while these requests ran, at most this many came back.
    const refilled = Math.ceil(((Date.now() - startedAt) / 3_600_000) * perHour);
    expect(allowed).toBeGreaterThanOrEqual(perHour);
    expect(allowed).toBeLessThanOrEqual(perHour + refilled);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await refused?.json()) as { error: string }).error).toMatch(/Too many new visitors/);
    // A learner that already exists keeps working from that address; another address is unaffected.
    expect(firstCookie).toMatch(/^bp_learner=/);
    expect((await visit(baseURL!, address, { cookie: firstCookie })).status).toBeLessThan(300);
    expect((await visit(baseURL!, "198.51.100.24")).status).toBeLessThan(300);
  });

  test("a class of 50 behind one NAT address: every learner is created and runs its code", async ({ playwright, baseURL }) => {
    const classroom = await Promise.all(
      Array.from({ length: 50 }, () => playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.50" } })),
    );
    for (const learner of classroom) {
      const run = await learner.post(RUN, { data: { code: solution() } });
      expect(run.status()).toBe(200);
      expect(((await run.json()) as { verdict: string }).verdict).toBe("passed");
      // A second run is within the learner's own 30 a minute.
      expect((await learner.post(RUN, { data: { code: solution() } })).status()).toBe(200);
    }
    await Promise.all(classroom.map((learner) => learner.dispose()));
  });
});
