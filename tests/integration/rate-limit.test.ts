// The run/submit rate limit: one token bucket per learner in PostgreSQL, taken from
// atomically, so concurrent requests (from any number of app servers) cannot overdraw it.
import { beforeAll, describe, expect, test } from "vitest";
import { createDatabase, useAppEnv } from "./database";

let limit: typeof import("../../lib/rate-limit/judge-limit");
let buckets: typeof import("../../lib/db/rate-limits");

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  // No judge worker is running (every call a quick 503 before anything is queued) and a small budget, for the route-level test.
  process.env.BLUEPRINT_JUDGE_RATE_PER_MINUTE = "2";
  limit = await import("../../lib/rate-limit/judge-limit");
  buckets = await import("../../lib/db/rate-limits");
});

describe("judge rate limit", () => {
  test("allows the per-minute budget, then refuses with a Retry-After", async () => {
    const learner = crypto.randomUUID();
    for (let i = 0; i < 5; i += 1) expect((await limit.takeJudgeToken(learner, 5)).allowed).toBe(true);
    const refused = await limit.takeJudgeToken(learner, 5);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(12);
    // Another learner has a bucket of their own.
    expect((await limit.takeJudgeToken(crypto.randomUUID(), 5)).allowed).toBe(true);
  });

  test("concurrent requests never take more than the bucket holds", async () => {
    const learner = crypto.randomUUID();
    // One instant for all 40: however long they queue on the row lock, nothing refills meanwhile.
    const at = new Date("2026-02-01T12:00:00.000Z");
    const results = await Promise.all(Array.from({ length: 40 }, () => limit.takeJudgeToken(learner, 30, at)));
    expect(results.filter((result) => result.allowed)).toHaveLength(30);
  });

  test("the bucket refills with time, and only with time", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const at = (ms: number) => new Date(Date.parse("2026-02-01T12:00:00.000Z") + ms);
    // One token, refilled at 20 a second: back after 50 ms.
    expect((await buckets.takeToken(key, 1, 20, at(0))).allowed).toBe(true);
    expect((await buckets.takeToken(key, 1, 20, at(0))).allowed).toBe(false);
    expect((await buckets.takeToken(key, 1, 20, at(40))).allowed).toBe(false);
    expect((await buckets.takeToken(key, 1, 20, at(100))).allowed).toBe(true);
    // A clock that goes backwards (another app server's) never mints tokens.
    expect((await buckets.takeToken(key, 1, 20, at(50))).allowed).toBe(false);
  });
});

describe("run and submit", () => {
  test("over the limit: a 429 with Retry-After, and the draft is still saved", async () => {
    const { createLearner } = await import("../../lib/db/learners");
    const { getDraft } = await import("../../lib/db/drafts");
    const { judgeCode } = await import("../../lib/challenges/judge-code");
    const { loadChallenge } = await import("../../lib/content/server-challenges");
    const { AppError, appErrorStatus } = await import("../../lib/app-error");
    const challenge = loadChallenge("rate-limiting/limiters")!;
    const { id } = await createLearner();
    const statuses: number[] = [];
    let last: InstanceType<typeof AppError> | undefined;
    for (let i = 0; i < 3; i += 1) {
      try {
        await judgeCode({ learnerId: id, challenge, mode: "run", code: `// attempt ${i}` });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        statuses.push(appErrorStatus[error.code]);
        last = error;
      }
    }
    // Two reach the queue (no worker: 503), the third is refused before it.
    expect(statuses).toEqual([503, 503, 429]);
    expect(last?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(last?.message).toMatch(/draft is saved/);
    expect((await getDraft(id, challenge.id))?.code).toBe("// attempt 2");
  });
});
