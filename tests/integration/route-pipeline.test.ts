// The one request pipeline (lib/http/route.ts) through the real route handlers of app/api
// against a real PostgreSQL: every kind of bad input is a clear 4xx that saves nothing,
// AppError codes map to their status with details and Retry-After, an unknown error is a
// 500 that leaks nothing. Next.js's request scope (next/headers) is the one stand-in:
// outside `next start` there is none, so the test gives each request its own headers and
// cookie jar, read from and written to the Request and Response as Next.js does.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { judge } from "../../lib/judge";
import type { Verdict } from "../../lib/judge/verdict";
import { migrateQueue } from "../../lib/judge-queue/schema";
import { startJudgeWorker, type ClaimedJob } from "../../lib/judge-queue/worker";
import { createDatabase, useAppEnv } from "./database";
import { BASE, callRoute, json, type Reply } from "./request-scope";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders());
const call = callRoute;

let api: {
  interviews: typeof import("../../app/api/interviews/route");
  interview: typeof import("../../app/api/interviews/[id]/route");
  notes: typeof import("../../app/api/interviews/[id]/notes/[phaseIndex]/route");
  rubric: typeof import("../../app/api/interviews/[id]/rubric/route");
  drafts: typeof import("../../app/api/drafts/[concept]/[challenge]/route");
  submissions: typeof import("../../app/api/submissions/route");
  submission: typeof import("../../app/api/submissions/[id]/route");
  judge: typeof import("../../app/api/challenges/[concept]/[challenge]/[mode]/route");
  progress: typeof import("../../app/api/progress/route");
  action: typeof import("../../app/api/interviews/[id]/[action]/route");
};
let lib: {
  route: typeof import("../../lib/http/route");
  client: typeof import("../../lib/db/client");
  auth: typeof import("../../lib/auth/auth");
};
const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
// The wrapper's error lines (lib/log/log-line.ts writes one JSON object per line to stdout).
let stdoutLines: string[] = [];
const stdout = vi.spyOn(process.stdout, "write").mockImplementation(((chunk: unknown) => {
  stdoutLines.push(...String(chunk).split("\n").filter(Boolean));
  return true;
}) as typeof process.stdout.write);
const loggedJson = () => stdoutLines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>);

// A real judge worker on the queue (lib/judge-queue/worker.ts, judging with lib/judge in
// this process), whose judging can instead answer what a broken or hostile judge might
// (JSON that is not a verdict) or hold a job until the test lets it go.
let worker: { stop(): Promise<void> } | undefined;
let forgeJudgeReply: unknown = null;
/** When set, the worker holds the next job: `arrived` when it takes it, and it finishes only on `release`. */
let holdJudge: { arrived: () => void; released: Promise<void> } | null = null;
async function judgeJob(job: ClaimedJob): Promise<Verdict> {
  if (holdJudge !== null) {
    const hold = holdJudge;
    hold.arrived();
    await hold.released;
  }
  if (forgeJudgeReply !== null) return forgeJudgeReply as Verdict;
  const challenge = loadChallenge(job.challengeId);
  if (!challenge) throw new Error(`unknown challenge ${job.challengeId}`);
  return judge(toJudgeSuite(challenge), job.code, job.mode);
}

beforeAll(async () => {
  const databaseUrl = await createDatabase({ migrated: true });
  useAppEnv(databaseUrl);
  await migrateQueue(databaseUrl);
  worker = await startJudgeWorker({
    databaseUrl,
    concurrency: 2,
    leaseMs: 5000,
    judge: judgeJob,
    isCrash: () => false,
    crashedTwice: () => {
      throw new Error("no crashes in process");
    },
  });
  process.env.BETTER_AUTH_SECRET = "integration-better-auth-secret-0123456789";
  process.env.BETTER_AUTH_URL = BASE;
  process.env.BLUEPRINT_AUTH_RATE_LIMIT = "off";
  // Interviews get a quarter of this: 10 starts, actions or scores a minute, the eleventh refused.
  process.env.BLUEPRINT_WRITE_RATE_PER_MINUTE = "40";
  api = {
    interviews: await import("../../app/api/interviews/route"),
    interview: await import("../../app/api/interviews/[id]/route"),
    notes: await import("../../app/api/interviews/[id]/notes/[phaseIndex]/route"),
    rubric: await import("../../app/api/interviews/[id]/rubric/route"),
    drafts: await import("../../app/api/drafts/[concept]/[challenge]/route"),
    submissions: await import("../../app/api/submissions/route"),
    submission: await import("../../app/api/submissions/[id]/route"),
    judge: await import("../../app/api/challenges/[concept]/[challenge]/[mode]/route"),
    progress: await import("../../app/api/progress/route"),
    action: await import("../../app/api/interviews/[id]/[action]/route"),
  };
  lib = { route: await import("../../lib/http/route"), client: await import("../../lib/db/client"), auth: await import("../../lib/auth/auth") };
});

afterAll(async () => {
  await worker?.stop();
  await (await import("../../lib/judge-queue/connection")).closeQueuePools();
  log.mockRestore();
  stdout.mockRestore();
});

const DRAFT = { concept: "rate-limiting", challenge: "limiters" };
const learnerCount = () => lib.client.db().learner.count();

/** A learner with a running interview, through the API itself. */
async function learnerWithInterview(): Promise<{ cookie: string; id: string }> {
  const started = await call(api.interviews.POST, "/api/interviews", { method: "POST", ...json({ prompt: "url-shortener" }) });
  expect(started.status).toBe(201);
  return { cookie: started.cookie!, id: started.body.id as string };
}

describe("bad input is refused before the handler runs, and nothing is saved", () => {
  test("a body that is not JSON is a 415, and no learner is created for it", async () => {
    const before = await learnerCount();
    const reply = await call(api.drafts.PUT, "/api/drafts/rate-limiting/limiters", {
      method: "PUT",
      params: DRAFT,
      body: "code=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({ code: "unsupported_media_type", error: expect.stringMatching(/application\/json/) });
    expect(reply.cookie).toBeUndefined();
    expect(await learnerCount()).toBe(before);
  });

  test("a body over the route's limit is a 413, whether its length is declared or streamed", async () => {
    const big = JSON.stringify({ code: "x".repeat(300 * 1024) });
    const declared = await call(api.drafts.PUT, "/api/drafts/rate-limiting/limiters", { method: "PUT", params: DRAFT, ...json(null), body: big });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ code: "too_large", error: "request body is larger than 256 KiB" });
    // No content-length: a stream is read only up to the limit.
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16 * 1024) controller.enqueue(bytes.slice(at, at + 16 * 1024));
        controller.close();
      },
    });
    const streamed = await call(api.drafts.PUT, "/api/drafts/rate-limiting/limiters", { method: "PUT", params: DRAFT, ...json(null), body: stream });
    expect(streamed.status).toBe(413);
  });

  test("malformed JSON is a 400 that says so", async () => {
    const reply = await call(api.drafts.PUT, "/api/drafts/rate-limiting/limiters", { method: "PUT", params: DRAFT, ...json(null), body: "{nope" });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: "bad_request", error: "request body is not valid JSON" });
  });

  test("a schema failure names the field, nested paths included", async () => {
    const { cookie, id } = await learnerWithInterview();
    const version = await call(api.notes.PUT, `/api/interviews/${id}/notes/1`, { method: "PUT", cookie, params: { id, phaseIndex: "1" }, ...json({ text: "x", version: "one" }) });
    expect(version.status).toBe(400);
    expect(version.body.error).toBe("version: version must be the version you last saw (0 for none)");
    const score = await call(api.rubric.PUT, `/api/interviews/${id}/rubric`, { method: "PUT", cookie, params: { id }, ...json({ scores: [0, 5] }) });
    expect(score.status).toBe(400);
    expect(score.body.error).toBe("scores.1: each score is 0, 1 or 2");
    const phase = await call(api.notes.PUT, `/api/interviews/${id}/notes/x`, { method: "PUT", cookie, params: { id, phaseIndex: "x" }, ...json({ text: "x", version: 0 }) });
    expect(phase.status).toBe(400);
    expect(phase.body.error).toBe("phaseIndex: phase index must be a small whole number");
  });

  test("a note version beyond PostgreSQL's integer is a 400 naming version, not a 500 from the database", async () => {
    const { cookie, id } = await learnerWithInterview();
    const huge = await call(api.notes.PUT, `/api/interviews/${id}/notes/1`, { method: "PUT", cookie, params: { id, phaseIndex: "1" }, ...json({ text: "x", version: 2 ** 31 }) });
    expect(huge.status).toBe(400);
    expect(huge.body.error).toBe("version: version must be the version you last saw (0 for none)");
  });

  test("a query parameter is validated like a body", async () => {
    const reply = await call(api.submissions.GET, "/api/submissions?challenge=..%2Fetc");
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe("challenge: challenge must look like <concept>/<challenge>");
    const missing = await call(api.submissions.GET, "/api/submissions");
    expect(missing.body.error).toBe("challenge: challenge is required");
  });

  test("a malformed id is a 400; a well-formed one that is not yours is a 404", async () => {
    const { cookie } = await learnerWithInterview();
    const malformed = await call(api.interview.GET, "/api/interviews/not-a-uuid", { cookie, params: { id: "not-a-uuid" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('id: "not-a-uuid" is not an id (expected a UUID)');
    const submission = await call(api.submission.GET, "/api/submissions/42", { cookie, params: { id: "42" } });
    expect(submission.status).toBe(400);
    const unknown = crypto.randomUUID();
    const missing = await call(api.interview.GET, `/api/interviews/${unknown}`, { cookie, params: { id: unknown } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: "interview not found", code: "not_found" });
  });
});

describe("the learner policy", () => {
  test("required: a request with no learner gets the same 404 as another learner's id", async () => {
    const { id } = await learnerWithInterview();
    const stranger = await learnerWithInterview();
    const anonymous = await call(api.interview.GET, `/api/interviews/${id}`, { params: { id } });
    const someoneElse = await call(api.interview.GET, `/api/interviews/${id}`, { cookie: stranger.cookie, params: { id } });
    expect(anonymous.status).toBe(404);
    expect(someoneElse.status).toBe(404);
    expect(anonymous.body).toEqual(someoneElse.body);
  });

  test("ensure: the first write creates the learner and its cookie; the cookie finds it again", async () => {
    const saved = await call(api.drafts.PUT, "/api/drafts/rate-limiting/limiters", { method: "PUT", params: DRAFT, ...json({ code: "// mine" }) });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("cache-control")).toBe("no-store");
    expect(saved.cookie).toMatch(/^bp_learner=/);
    const read = await call(api.drafts.GET, "/api/drafts/rate-limiting/limiters", { cookie: saved.cookie, params: DRAFT });
    expect(read.status).toBe(200);
    expect(read.body.code).toBe("// mine");
    expect(read.cookie).toBeUndefined();
  });
});

describe("the interview service behind the routes", () => {
  test("scoring: not before the interview finishes, one score per rubric point, then the percent", async () => {
    const { cookie, id } = await learnerWithInterview();
    const points = (await import("../../lib/content/interviews")).loadInterviewPrompt("url-shortener")!.rubric.length;
    const early = await call(api.rubric.PUT, `/api/interviews/${id}/rubric`, { method: "PUT", cookie, params: { id }, ...json({ scores: Array(points).fill(2) }) });
    expect(early.status).toBe(409);
    const walk = await call(api.action.POST, `/api/interviews/${id}/walk`, { method: "POST", cookie, params: { id, action: "walk" } });
    expect(walk.status).toBe(404);
    const finished = await call(api.action.POST, `/api/interviews/${id}/finish`, { method: "POST", cookie, params: { id, action: "finish" } });
    expect(finished.body.status).toBe("finished");
    const again = await call(api.action.POST, `/api/interviews/${id}/resume`, { method: "POST", cookie, params: { id, action: "resume" } });
    expect(again.status).toBe(409);
    const short = await call(api.rubric.PUT, `/api/interviews/${id}/rubric`, { method: "PUT", cookie, params: { id }, ...json({ scores: [2] }) });
    expect(short.body.error).toBe(`this prompt has ${points} rubric points; send one score for each`);
    const scores = Array.from({ length: points }, (_, index) => (index === 0 ? 0 : 2));
    const saved = await call(api.rubric.PUT, `/api/interviews/${id}/rubric`, { method: "PUT", cookie, params: { id }, ...json({ scores }) });
    expect(saved.body).toEqual({ scores, percent: Math.round((100 * (points - 1) * 2) / (points * 2)) });
  });
});

describe("reads never write", () => {
  test("a signed-in user with no learner yet: a GET creates none, the first write does", async () => {
    const email = `reader-${crypto.randomUUID()}@example.test`;
    const signUp = await lib.auth.auth().handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE },
        body: JSON.stringify({ email, password: "correct horse battery", name: "Reader" }),
      }),
    );
    expect(signUp.status).toBe(200);
    const session = signUp.headers.getSetCookie().find((line) => line.startsWith("better-auth.session_token="))!.split(";")[0]!;
    const db = lib.client.db();
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    // An account from before learners were made at sign-up: it has none.
    await db.learner.deleteMany({ where: { userId: user.id } });
    const read = await call(api.progress.GET, "/api/progress", { cookie: session });
    expect(read.status).toBe(200);
    expect(await db.learner.count({ where: { userId: user.id } })).toBe(0);
    const write = await call(api.drafts.PUT, "/api/drafts/rate-limiting/limiters", { method: "PUT", cookie: session, params: DRAFT, ...json({ code: "// signed in" }) });
    expect(write.status).toBe(200);
    expect(write.cookie).toBeUndefined();
    const learner = await db.learner.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true } });
    expect((await db.draft.findFirstOrThrow({ where: { learnerId: learner.id } })).code).toBe("// signed in");
  });
});

describe("AppError mapping", () => {
  test("a conflict carries its details beside the message", async () => {
    const { cookie, id } = await learnerWithInterview();
    const first = await call(api.notes.PUT, `/api/interviews/${id}/notes/1`, { method: "PUT", cookie, params: { id, phaseIndex: "1" }, ...json({ text: "from tab A", version: 0 }) });
    expect(first.body).toEqual({ version: 1 });
    const stale = await call(api.notes.PUT, `/api/interviews/${id}/notes/1`, { method: "PUT", cookie, params: { id, phaseIndex: "1" }, ...json({ text: "from tab B", version: 0 }) });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ code: "conflict", error: expect.stringContaining("changed elsewhere"), text: "from tab A", version: 1 });
  });

  test("over the write limit: a 429 with Retry-After, and what was saved before stays", async () => {
    const first = await learnerWithInterview();
    // The bucket refills one start per 6 s, so on a slow machine a few more may pass: count them.
    let accepted = 0;
    let refused: Reply | undefined;
    for (let i = 0; i < 40 && !refused; i++) {
      const reply = await call(api.interviews.POST, "/api/interviews", { method: "POST", cookie: first.cookie, ...json({ prompt: "url-shortener" }) });
      if (reply.status === 201) accepted++;
      else refused = reply;
    }
    expect(accepted).toBeGreaterThanOrEqual(9);
    expect(refused?.status).toBe(429);
    expect(refused?.body.code).toBe("rate_limited");
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Counted for GET /metrics, under the part of the API that refused.
    expect(await (await import("../../lib/metrics/registry")).metricsText()).toMatch(/^blueprint_http_refusals_total\{status="429",reason="interviews"\} [1-9]\d*$/m);
    const list = await call(api.interviews.GET, "/api/interviews", { cookie: first.cookie });
    expect((list.body.interviews as unknown[]).length).toBe(1 + accepted);
  });

  test("an unknown error is a 500 that leaks nothing, logged as one JSON line with the request id", async () => {
    const failing = lib.route.route({}, async () => {
      throw new Error("connection to 10.0.0.7 failed: password authentication failed for user admin");
    });
    stdoutLines = [];
    const reply = await call(failing, "/api/anything", { headers: { "x-request-id": "req-500-a" } });
    expect(reply.status).toBe(500);
    expect(reply.body.code).toBe("internal");
    expect(JSON.stringify(reply.body)).not.toMatch(/10\.0\.0\.7|password|admin/);
    expect(reply.headers.get("x-request-id")).toBe("req-500-a");
    const lines = loggedJson();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "error", requestId: "req-500-a", method: "GET", route: "/api/anything", code: "internal", error: expect.stringContaining("password authentication failed") });
  });

  test("a logged error keeps its message's last line and the stack's frames: not the lines between (Prisma quotes arguments there), not a database password", async () => {
    const failing = lib.route.route({ body: z.object({ code: z.string() }) }, async ({ body }) => {
      throw new Error(`could not save to postgresql://blueprint:s3cret-pw@db:5432/app\n  data: ${body.code}\nsomething failed`);
    });
    stdoutLines = [];
    const reply = await call(failing, "/api/anything", { method: "POST", ...json({ code: "const secretSolution = 42;" }) });
    expect(reply.status).toBe(500);
    const text = stdoutLines.join("\n");
    expect(loggedJson()).toHaveLength(1);
    expect(text).not.toContain("secretSolution");
    expect(text).not.toContain("s3cret-pw");
  });

  test("the request id: a sane x-request-id is kept and echoed, anything else replaced by a UUID", async () => {
    const kept = await call(api.progress.GET, "/api/progress", { headers: { "x-request-id": "edge-7f3a.1_b" } });
    expect(kept.status).toBe(200);
    expect(kept.headers.get("x-request-id")).toBe("edge-7f3a.1_b");
    const replaced = await call(api.progress.GET, "/api/progress", { headers: { "x-request-id": `${"x".repeat(65)}` } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const seen: string[] = [];
    const handler = lib.route.route({}, async ({ requestId }) => void seen.push(requestId));
    const none = await call(handler, "/api/anything");
    expect(seen).toEqual([none.headers.get("x-request-id")]);
  });
});

describe("run and submit through the route", () => {
  const challenge = loadChallenge("rate-limiting/limiters")!;
  const JUDGE = { concept: "rate-limiting", challenge: "limiters" };

  test("a passing submit stores the draft, the submission with its verdict, and solves the concept", async () => {
    const reply = await call(api.judge.POST, "/api/challenges/rate-limiting/limiters/submit", { method: "POST", params: { ...JUDGE, mode: "submit" }, ...json({ code: challenge.solution }) });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ challengeId: challenge.id, mode: "submit", verdict: "passed" });
    // Where the time went, for dev tools and npm run bench:submit.
    expect(reply.headers.get("server-timing")).toMatch(/^db;dur=[\d.]+, judge;dur=[\d.]+, route;dur=[\d.]+$/);
    const submission = reply.body.submission as { id: string; verdict: string; mode: string };
    expect(submission).toMatchObject({ verdict: "passed", mode: "submit" });
    const db = lib.client.db();
    const stored = await db.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored).toMatchObject({ challengeId: challenge.id, code: challenge.solution, verdict: "passed", contentHash: challenge.contentHash });
    expect((stored.result as { total: number }).total).toBe(stored.total);
    const progress = await db.conceptProgress.findUniqueOrThrow({ where: { learnerId_conceptSlug: { learnerId: stored.learnerId, conceptSlug: "rate-limiting" } } });
    expect(progress).toMatchObject({ attempts: 1, solvedSubmissionId: submission.id });
    expect(progress.solvedAt).not.toBeNull();
    const draft = await db.draft.findUniqueOrThrow({ where: { learnerId_challengeId: { learnerId: stored.learnerId, challengeId: challenge.id } } });
    expect(draft.code).toBe(challenge.solution);
    expect(new Date(reply.body.draftUpdatedAt as string).getTime()).toBe(draft.updatedAt.getTime());

    // A run is stored too, but is not an attempt.
    const run = await call(api.judge.POST, "/api/challenges/rate-limiting/limiters/run", { method: "POST", cookie: reply.cookie, params: { ...JUDGE, mode: "run" }, ...json({ code: "export {};" }) });
    expect(run.status).toBe(200);
    expect((run.body.submission as { mode: string }).mode).toBe("run");
    const after = await db.conceptProgress.findUniqueOrThrow({ where: { learnerId_conceptSlug: { learnerId: stored.learnerId, conceptSlug: "rate-limiting" } } });
    expect(after.attempts).toBe(1);
  });

  test("a judge reply that is not a verdict is a 503: nothing is stored as judged, the draft is kept", async () => {
    forgeJudgeReply = { verdict: "passed", passed: 26, total: 26 };
    try {
      const reply = await call(api.judge.POST, "/api/challenges/rate-limiting/limiters/submit", { method: "POST", params: { ...JUDGE, mode: "submit" }, ...json({ code: "// forged" }) });
      expect(reply.status).toBe(503);
      expect(reply.body.code).toBe("unavailable");
      expect(Number(reply.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const db = lib.client.db();
      const draft = await db.draft.findFirstOrThrow({ where: { code: "// forged" } });
      expect(await db.submission.count({ where: { learnerId: draft.learnerId } })).toBe(0);
      expect(await db.conceptProgress.count({ where: { learnerId: draft.learnerId } })).toBe(0);
    } finally {
      forgeJudgeReply = null;
    }
  });

  test("a learner who goes away mid-run: the app answers at once, the job is recorded as not judged, the draft is kept", async () => {
    let arrived!: () => void;
    let release!: () => void;
    const judgeReached = new Promise<void>((resolve) => (arrived = resolve));
    holdJudge = { arrived, released: new Promise<void>((resolve) => (release = resolve)) };
    const learner = new AbortController();
    try {
      const reply = call(api.judge.POST, "/api/challenges/rate-limiting/limiters/submit", { method: "POST", params: { ...JUDGE, mode: "submit" }, signal: learner.signal, ...json({ code: "// left mid-run" }) });
      await judgeReached;
      learner.abort();
      // The worker still holds the job: without the request's signal the app would wait out its whole verdict budget.
      const answered = await reply;
      expect(answered.status).toBe(503);
      expect(answered.body).toMatchObject({ code: "unavailable", notJudged: true });
      const db = lib.client.db();
      const draft = await db.draft.findFirstOrThrow({ where: { code: "// left mid-run" } });
      const rows = await db.submission.findMany({ where: { learnerId: draft.learnerId }, select: { verdict: true, result: true } });
      // "aborted", not "timeout": the learner leaving, not the verdict budget running out, ended the wait.
      expect(rows).toEqual([{ verdict: "not_judged", result: { notJudged: "aborted" } }]);
    } finally {
      holdJudge = null;
      release();
    }
  });

  test("an unknown mode or challenge is a 404 before anything is saved", async () => {
    const mode = await call(api.judge.POST, "/api/challenges/rate-limiting/limiters/walk", { method: "POST", params: { ...JUDGE, mode: "walk" }, ...json({ code: "// walk" }) });
    expect(mode.status).toBe(404);
    expect(mode.body.error).toBe('unknown mode "walk": use /run or /submit');
    const unknown = await call(api.judge.POST, "/api/challenges/nope/nothing/run", { method: "POST", params: { concept: "nope", challenge: "nothing", mode: "run" }, ...json({ code: "// nope" }) });
    expect(unknown.status).toBe(404);
    expect(await lib.client.db().draft.count({ where: { code: { in: ["// walk", "// nope"] } } })).toBe(0);
  });
});
