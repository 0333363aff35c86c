// Faults on the judge queue, with real worker processes: a worker SIGKILLed mid-run loses
// nothing and duplicates nothing (its lease runs out, another worker takes its job); a program
// during which its worker dies twice is given runtime_error, not retried forever.
import { beforeAll, describe, expect, test } from "vitest";
import { queueTestBed, stopWorker, type WorkerProcess } from "./judge-queue-workers";

const bed = queueTestBed();
let lib: {
  judgeCode: typeof import("../../lib/challenges/judge-code").judgeCode;
  createLearner: typeof import("../../lib/db/learners").createLearner;
  loadChallenge: typeof import("../../lib/content/server-challenges").loadChallenge;
};

beforeAll(async () => {
  lib = {
    ...(await import("../../lib/challenges/judge-code")),
    ...(await import("../../lib/db/learners")),
    ...(await import("../../lib/content/server-challenges")),
  };
});


const worker = (): WorkerProcess => bed.worker();

/** Waits (on the rows, checked every 25 ms) until `process` is running a job; returns the job's id. */
async function runningOn(process: WorkerProcess, attempt?: number): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const { rows } = await bed.admin.query<{ id: string }>(
          `SELECT j.id::text FROM "JudgeJob" j JOIN "JudgeWorker" w ON j."workerId" = ANY(w."slotIds")
           WHERE w.pid = $1 AND j.status = 'running' AND ($2::int IS NULL OR j.attempts = $2) LIMIT 1`,
          [process.proc.pid, attempt ?? null],
        );
        found = rows[0]?.id;
        return found !== undefined;
      },
      { interval: 25, timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

const challengeId = "rate-limiting/limiters";

describe("judge queue under faults", () => {
  test("a worker SIGKILLed mid-run: every accepted submission gets exactly one verdict and one row", async () => {
    const a = worker();
    const b = worker();
    await Promise.all([a.ready, b.ready]);
    const challenge = lib.loadChallenge(challengeId)!;
    // Each job spins 200 ms beside a correct solution, so jobs are in flight when the worker dies.
    const code = `${challenge.solution}\nconst spinUntil = Date.now() + 200; while (Date.now() < spinUntil) {}`;
    const learners = await Promise.all(Array.from({ length: 10 }, () => lib.createLearner()));
    const submits = learners.map(({ id }) => lib.judgeCode({ learnerId: id, challenge, mode: "submit", code }));
    await runningOn(a);
    a.proc.kill("SIGKILL");
    const results = await Promise.allSettled(submits);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value.verdict.verdict : String(r.reason)))).toEqual(learners.map(() => "passed"));
    const jobs = await bed.admin.query<{ status: string; attempts: number; rows: number }>(
      `SELECT j.status::text, j.attempts, (SELECT count(*)::int FROM "Submission" s WHERE s."jobId" = j.id) AS rows FROM "JudgeJob" j`,
    );
    expect(jobs.rows).toHaveLength(10);
    expect(jobs.rows.every((job) => job.status === "done" && job.rows === 1)).toBe(true);
    // The job that was running on the killed worker was started again on the other.
    expect(jobs.rows.some((job) => job.attempts === 2)).toBe(true);
    expect((await bed.admin.query(`SELECT count(*)::int AS n FROM "Submission"`)).rows[0].n).toBe(10);
    const progress = await bed.admin.query<{ attempts: number }>(`SELECT attempts FROM "ConceptProgress"`);
    expect(progress.rows.map((row) => row.attempts)).toEqual(learners.map(() => 1));
  });

  test("a program during which its worker dies twice gets runtime_error, and is not started a third time", async () => {
    const challenge = lib.loadChallenge(challengeId)!;
    const { id } = await lib.createLearner();
    // Only the workers this test starts: the others stop cleanly (SIGTERM retires their rows).
    await Promise.all(bed.workers.map((w) => stopWorker(w)));
    expect((await bed.admin.query(`SELECT count(*)::int AS n FROM "JudgeWorker" WHERE "lastBeat" + "leaseMs" * interval '1 millisecond' > now()`)).rows[0].n).toBe(0);
    const code = `${challenge.solution}\nconst spinUntil = Date.now() + 60_000; while (Date.now() < spinUntil) {}`;
    const first = worker();
    await first.ready;
    const submit = lib.judgeCode({ learnerId: id, challenge, mode: "submit", code });
    const jobId = await runningOn(first, 1);
    first.proc.kill("SIGKILL");
    const second = worker();
    await second.ready;
    expect(await runningOn(second, 2)).toBe(jobId);
    second.proc.kill("SIGKILL");
    const third = worker();
    const { verdict } = await submit;
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toMatch(/crashed the judge process twice; out of memory\?/);
    const logged = await third.line((l) => l.jobId === jobId);
    expect(logged).toMatchObject({ attempt: 3, verdict: "runtime_error", stored: true });
    const job = (await bed.admin.query(`SELECT status::text, attempts FROM "JudgeJob" WHERE id = $1`, [jobId])).rows[0];
    expect(job).toEqual({ status: "done", attempts: 3 });
  });
});
