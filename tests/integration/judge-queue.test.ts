// The judge queue end to end with real worker processes on a real PostgreSQL: enqueue ->
// verdict, backpressure before enqueueing, a caller that gives up, and idempotent verdicts.
import { beforeAll, describe, expect, test } from "vitest";
import { queueTestBed } from "./judge-queue-workers";

const bed = queueTestBed();
let lib: {
  judgeCode: typeof import("../../lib/challenges/judge-code").judgeCode;
  createLearner: typeof import("../../lib/db/learners").createLearner;
  getDraft: typeof import("../../lib/db/drafts").getDraft;
  loadChallenge: typeof import("../../lib/content/server-challenges").loadChallenge;
  AppError: typeof import("../../lib/app-error").AppError;
  appErrorStatus: typeof import("../../lib/app-error").appErrorStatus;
  recordJudgedRun: typeof import("../../lib/db/submissions").recordJudgedRun;
  listSubmissions: typeof import("../../lib/db/submissions").listSubmissions;
  judgeQueueStats: typeof import("../../lib/judge-queue/stats").judgeQueueStats;
};

beforeAll(async () => {
  lib = {
    ...(await import("../../lib/challenges/judge-code")),
    ...(await import("../../lib/db/learners")),
    ...(await import("../../lib/db/drafts")),
    ...(await import("../../lib/content/server-challenges")),
    ...(await import("../../lib/app-error")),
    ...(await import("../../lib/db/submissions")),
    ...(await import("../../lib/judge-queue/stats")),
  };
});


const challengeId = "rate-limiting/limiters";

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof lib.AppError) return { status: lib.appErrorStatus[error.code], error };
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("judge queue", () => {
  test("no worker: 503 at once, nothing queued, the draft kept", async () => {
    const challenge = lib.loadChallenge(challengeId)!;
    const { id } = await lib.createLearner();
    const { status, error } = await refusal(lib.judgeCode({ learnerId: id, challenge, mode: "run", code: "// no worker" }));
    expect(status).toBe(503);
    expect(error.message).toMatch(/no judge worker is running/);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect((await lib.getDraft(id, challenge.id))?.code).toBe("// no worker");
    expect((await bed.admin.query(`SELECT count(*)::int AS n FROM "JudgeJob"`)).rows[0].n).toBe(0);
  });

  test("enqueue -> a worker judges it -> one submission with the job id, and the worker logs the request id", async () => {
    const worker = bed.worker();
    await worker.ready;
    expect((await lib.judgeQueueStats()).liveWorkers).toBe(1);
    const challenge = lib.loadChallenge(challengeId)!;
    const { id } = await lib.createLearner();
    const result = await lib.judgeCode({ learnerId: id, challenge, mode: "run", code: challenge.solution, requestId: "req-queue-1" });
    expect(result.verdict.verdict).toBe("passed");
    const rows = await bed.admin.query(`SELECT "jobId"::text AS "jobId", verdict::text FROM "Submission" WHERE "learnerId" = $1`, [id]);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0].verdict).toBe("passed");
    const logged = await worker.line((l) => l.jobId === rows.rows[0].jobId);
    expect(logged).toMatchObject({ requestId: "req-queue-1", challengeId, mode: "run", verdict: "passed", attempt: 1, stored: true });
    expect(typeof logged.queueWaitMs).toBe("number");
    expect(typeof logged.judgeMs).toBe("number");
    const stats = await lib.judgeQueueStats();
    expect(stats.depth).toBe(0);
    expect(stats.oldestJobAgeMs).toBeNull();
  });

  test("past the depth bound: 503 before enqueueing, the draft kept", async () => {
    const challenge = lib.loadChallenge(challengeId)!;
    const { id } = await lib.createLearner();
    process.env.JUDGE_MAX_QUEUE_DEPTH = "2";
    try {
      // Two unfinished jobs (another learner's, never picked up: not in graphile-worker's table).
      const other = await lib.createLearner();
      for (let i = 0; i < 2; i += 1) {
        await bed.admin.query(`INSERT INTO "JudgeJob" ("id", "learnerId", "challengeId", "mode", "code") VALUES (gen_random_uuid(), $1, $2, 'run', 'x')`, [other.id, challengeId]);
      }
      const before = (await bed.admin.query(`SELECT count(*)::int AS n FROM "JudgeJob"`)).rows[0].n;
      const { status, error } = await refusal(lib.judgeCode({ learnerId: id, challenge, mode: "submit", code: "// busy" }));
      expect(status).toBe(503);
      expect(error.message).toMatch(/busy/);
      expect(error.message).toMatch(/draft is saved/);
      expect((await bed.admin.query(`SELECT count(*)::int AS n FROM "JudgeJob"`)).rows[0].n).toBe(before);
      expect((await lib.getDraft(id, challenge.id))?.code).toBe("// busy");
      expect((await lib.judgeQueueStats()).depth).toBe(2);
    } finally {
      delete process.env.JUDGE_MAX_QUEUE_DEPTH;
      await bed.admin.query(`DELETE FROM "JudgeJob" WHERE status = 'queued'`);
    }
  });

  test("a caller that times out: the job is marked not judged, a not_judged row is listed, the late verdict is not stored", async () => {
    const challenge = lib.loadChallenge(challengeId)!;
    const { id } = await lib.createLearner();
    // Spins until the judge's CPU limit: far longer than the caller's patience below.
    const code = `${challenge.solution}\nconst spinUntil = Date.now() + 60_000; while (Date.now() < spinUntil) {}`;
    const { status, error } = await refusal(lib.judgeCode({ learnerId: id, challenge, mode: "submit", code, timeoutMs: 300 }));
    expect(status).toBe(503);
    expect(error.message).toMatch(/not judged/);
    expect(error.message).toMatch(/draft is saved/);
    const history = await lib.listSubmissions(id, challenge.id);
    expect(history.map((row) => [row.mode, row.verdict])).toEqual([["submit", "not_judged"]]);
    const job = (await bed.admin.query(`SELECT id::text, status::text FROM "JudgeJob" WHERE "learnerId" = $1`, [id])).rows[0];
    expect(job.status).toBe("not_judged");
    // The worker finishes it later (the CPU limit stops the loop) and cannot store it.
    const logged = await bed.workers[0]!.line((l) => l.jobId === job.id);
    expect(logged.stored).toBe(false);
    expect((await bed.admin.query(`SELECT status::text, verdict FROM "JudgeJob" WHERE id = $1`, [job.id])).rows[0]).toEqual({ status: "not_judged", verdict: null });
    expect((await lib.getDraft(id, challenge.id))?.code).toBe(code);
  });

  test("a verdict delivered twice records one submission and counts one attempt", async () => {
    const challenge = lib.loadChallenge(challengeId)!;
    const { id } = await lib.createLearner();
    const jobId = crypto.randomUUID();
    const verdict = { challengeId, mode: "submit" as const, verdict: "failed" as const, passed: 1, failed: 1, total: 2, tests: [], logs: "", durationMs: 3 };
    const first = await lib.recordJudgedRun({ learnerId: id, conceptSlug: challenge.concept, code: "x", verdict, contentHash: "h", jobId });
    const again = await lib.recordJudgedRun({ learnerId: id, conceptSlug: challenge.concept, code: "x", verdict, contentHash: "h", jobId });
    expect(again.id).toBe(first.id);
    expect((await bed.admin.query(`SELECT count(*)::int AS n FROM "Submission" WHERE "jobId" = $1`, [jobId])).rows[0].n).toBe(1);
    expect((await bed.admin.query(`SELECT attempts FROM "ConceptProgress" WHERE "learnerId" = $1`, [id])).rows[0].attempts).toBe(1);
  });
});
