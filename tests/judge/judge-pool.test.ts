// The judge pool (lib/judge/pool.ts, decision 020): judge() in child processes, so a
// learner program that makes V8 abort its process costs one child, not the judge. Real
// child processes throughout; the tests wait on the pool's own events, never on the clock.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { verdictSchema } from "../../lib/challenges/contract";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { DEFAULT_LIMITS, JudgeCancelledError, JudgeInputError, type JudgeLimits } from "../../lib/judge";
import {
  crashCauseFrom,
  createJudgePool,
  JudgePoolClosedError,
  JudgeProcessDiedError,
  REPEATED_CRASH_MESSAGE,
  runWithCrashRetry,
  UnknownChallengeError,
  type JudgePool,
  type JudgePoolEvent,
} from "../../lib/judge/pool";
import { createJudgeService, type JudgeServiceEvent } from "../../lib/judge/service";

const challenge = loadChallenge("rate-limiting/limiters");
if (!challenge) throw new Error("the rate-limiting challenge is missing");
const suite = toJudgeSuite(challenge);
const solution = { challengeId: challenge.id, mode: "submit" as const, code: challenge.solution };
// Long budgets: these programs end by the child being killed (or by cancellation), never by the
// CPU or wall clock, so a slow machine cannot turn a crash into a timeout.
const limits: JudgeLimits = { ...DEFAULT_LIMITS, cpuMs: 120_000, wallMs: 120_000 };
// The children are killed from outside when they start a job, with the signal V8's abort
// raises (SIGABRT): which learner programs make V8 abort depends on the Node version (the
// program of the hole aborts Node 20 and 24; Node 26 contains it as memory_limit, see
// tests/judge/hostile-programs.test.ts), and the pool's handling of a death must not.
const HANG = "while (true) {}";

/** Records a pool's events and waits for the next one that matches. */
function eventLog() {
  const events: JudgePoolEvent[] = [];
  const waiters: Array<() => void> = [];
  return {
    events,
    onEvent(event: JudgePoolEvent) {
      events.push(event);
      for (const wake of waiters.splice(0)) wake();
    },
    /** The first matching event at or after index `from` (default: from now on). */
    next<T extends JudgePoolEvent["type"]>(type: T, matches: (event: Extract<JudgePoolEvent, { type: T }>) => boolean = () => true, from = events.length) {
      return new Promise<Extract<JudgePoolEvent, { type: T }>>((resolve) => {
        const look = () => {
          const found = events.slice(from).find((event): event is Extract<JudgePoolEvent, { type: T }> => event.type === type && matches(event as never));
          if (found) resolve(found);
          else waiters.push(look);
        };
        look();
      });
    },
  };
}

describe("a pool of two children", () => {
  const log = eventLog();
  let pool: JudgePool;
  beforeAll(async () => {
    pool = createJudgePool({ size: 2, limits, quiet: true, onEvent: log.onEvent });
    await pool.ready();
  });
  afterAll(() => pool.close());
  // A test may leave a replacement child still starting; each starts with both children up.
  beforeEach(() => pool.ready());

  test("a child aborted mid-job: the job rejects with JudgeProcessDiedError, the child is replaced, the next job passes", async () => {
    void log.next("started").then(({ pid }) => process.kill(pid, "SIGABRT"));
    const died = pool.run({ challengeId: challenge.id, mode: "submit", code: HANG });
    await expect(died).rejects.toBeInstanceOf(JudgeProcessDiedError);
    const error = (await died.catch((caught: unknown) => caught)) as JudgeProcessDiedError;
    expect(error.signal).toBe("SIGABRT");
    expect(error.message).toContain(`the judge process ${error.pid} died while judging ${challenge.id} (SIGABRT`);
    const death = log.events.find((event) => event.type === "died");
    expect(death).toMatchObject({ pid: error.pid, during: "job", signal: "SIGABRT" });
    // A fresh child takes the dead one's place; the pool is whole again and judges correctly.
    await log.next("ready", (event) => event.pid !== error.pid, 0);
    await pool.ready();
    expect(pool.stats()).toMatchObject({ size: 2, ready: 2 });
    expect((await pool.run(solution)).verdict).toBe("passed");
  });

  test("a crash while other jobs run leaves them their verdicts", async () => {
    // Dispatch is synchronous: the first job started is the hanging one, and only its child is killed.
    void log.next("started").then(({ pid }) => process.kill(pid, "SIGABRT"));
    const crashed = pool.run({ challengeId: challenge.id, mode: "submit", code: HANG });
    // Held before the others are awaited: the death can come first, and must not go unhandled.
    const crashedRejects = expect(crashed).rejects.toBeInstanceOf(JudgeProcessDiedError);
    const others = [pool.run(solution), pool.run({ ...solution, code: "export const nothing = 1;" })];
    const [passed, missing] = await Promise.all(others);
    expect(passed?.verdict).toBe("passed");
    expect(missing?.verdict).toBe("runtime_error");
    await crashedRejects;
    expect((await pool.run(solution)).verdict).toBe("passed");
  });

  test("two deaths in a row become a well-formed runtime_error verdict for the learner", async () => {
    // The child is killed from outside each time it starts the job: exactly two deaths, whatever V8 does.
    const crashes: Array<NodeJS.Signals | null> = [];
    void log.next("started").then(({ pid }) => {
      process.kill(pid, "SIGKILL");
      void log.next("started", (event) => event.pid !== pid).then((second) => process.kill(second.pid, "SIGKILL"));
    });
    const verdict = await runWithCrashRetry(pool, { challengeId: challenge.id, mode: "run", code: HANG }, { onCrash: (error) => crashes.push(error.signal) });
    expect(crashes).toEqual(["SIGKILL", "SIGKILL"]);
    expect(verdictSchema.parse(verdict)).toEqual(verdict);
    expect(verdict).toMatchObject({ challengeId: challenge.id, mode: "run", verdict: "runtime_error", total: 0 });
    expect(verdict.diagnostics?.[0]?.message).toContain(REPEATED_CRASH_MESSAGE);
    expect(verdict.diagnostics?.[0]?.message).toMatch(/crashed the judge process twice; out of memory\?.*\(SIGKILL\)$/);
    expect((await pool.run(solution)).verdict).toBe("passed");
  });

  test("one death and a good second run: the retry's verdict is the answer", async () => {
    const kill = log.next("started").then(({ pid }) => process.kill(pid, "SIGKILL"));
    const crashes: number[] = [];
    const verdict = await runWithCrashRetry(pool, solution, { onCrash: (_error, attempt) => crashes.push(attempt) });
    await kill;
    expect(crashes).toEqual([1]);
    expect(verdict.verdict).toBe("passed");
  });

  test("eight jobs at once on two children all get their verdicts, at most two running at a time", async () => {
    const from = log.events.length;
    const jobs = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? solution : { ...solution, code: "export const nothing = 1;" }));
    const running = jobs.map((job) => pool.run(job));
    expect(pool.stats()).toMatchObject({ busy: 2, queued: 6 });
    const verdicts = await Promise.all(running);
    expect(verdicts.map((verdict) => verdict.verdict)).toEqual(jobs.map((_, i) => (i % 2 === 0 ? "passed" : "runtime_error")));
    const started = log.events.slice(from).filter((event) => event.type === "started");
    expect(started).toHaveLength(8);
    expect(new Set(started.map((event) => event.pid)).size).toBe(2);
  });

  test("a child keeps its spare isolates: its later runs start on a prepared isolate", async () => {
    // Two at once go to the two children: each has run once (a child's first run makes its own isolate).
    await Promise.all([pool.run(solution), pool.run(solution)]);
    const from = log.events.length;
    await Promise.all([pool.run(solution), pool.run(solution)]);
    const finished = log.events.slice(from).filter((event) => event.type === "finished");
    expect(finished).toHaveLength(2);
    for (const run of finished) if (run.type === "finished") expect(run.stages).not.toContain("context-create");
  });

  test("a cancelled job frees its child: the child stops the run when asked, and serves the next job", async () => {
    const controller = new AbortController();
    const started = log.next("started");
    const hung = pool.run({ ...solution, code: HANG }, { signal: controller.signal });
    const { pid } = await started;
    controller.abort();
    await expect(hung).rejects.toBeInstanceOf(JudgeCancelledError);
    expect(log.events.find((event) => event.type === "cancelled" && event.pid === pid)).toMatchObject({ how: "answered" });
    // Nothing died: the same two children serve on.
    const nextOnThatChild = log.next("started", (event) => event.pid === pid);
    const verdicts = await Promise.all([pool.run(solution), pool.run(solution)]);
    expect(verdicts.map((verdict) => verdict.verdict)).toEqual(["passed", "passed"]);
    await nextOnThatChild;
    expect(log.events.filter((event) => event.type === "died" && event.pid === pid)).toEqual([]);
  });

  test("a job cancelled while queued never starts", async () => {
    const from = log.events.length;
    const busy = [pool.run(solution), pool.run(solution)];
    const controller = new AbortController();
    const queued = pool.run({ ...solution, code: HANG }, { signal: controller.signal });
    expect(pool.stats().queued).toBe(1);
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(JudgeCancelledError);
    expect(pool.stats().queued).toBe(0);
    await Promise.all(busy);
    expect(log.events.slice(from).filter((event) => event.type === "started")).toHaveLength(2);
  });

  test("unknown challenges and oversized code are the caller's errors, not crashes", async () => {
    await expect(pool.run({ ...solution, challengeId: "no-such/challenge" })).rejects.toBeInstanceOf(UnknownChallengeError);
    await expect(pool.run({ ...solution, code: "x".repeat(limits.sourceBytes + 1) })).rejects.toBeInstanceOf(JudgeInputError);
  });
});

describe("a pool's children", () => {
  test("a child that does not stop when asked is killed and replaced (grace 0: killed at once)", async () => {
    const log = eventLog();
    const pool = createJudgePool({ size: 1, limits, quiet: true, cancelGraceMs: 0, onEvent: log.onEvent });
    try {
      const controller = new AbortController();
      const started = log.next("started");
      const hung = pool.run({ ...solution, code: HANG }, { signal: controller.signal });
      const { pid } = await started;
      controller.abort();
      await expect(hung).rejects.toBeInstanceOf(JudgeCancelledError);
      expect(log.events.find((event) => event.type === "cancelled")).toMatchObject({ pid, how: "killed" });
      const replacement = await log.next("ready", (event) => event.pid !== pid, 0);
      expect(replacement.pid).not.toBe(pid);
      expect((await pool.run(solution)).verdict).toBe("passed");
    } finally {
      await pool.close();
    }
  });

  test("get no DATABASE_URL or judge secret even when the parent has them, only the allow-list", async () => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, JUDGE_SECRET: process.env.JUDGE_SECRET };
    process.env.DATABASE_URL = "postgres://judge-must-not-see:this@127.0.0.1:5432/blueprint";
    process.env.JUDGE_SECRET = "judge-child-must-not-see-this-secret-0123";
    const log = eventLog();
    const pool = createJudgePool({ size: 1, quiet: true, onEvent: log.onEvent });
    try {
      const { pid } = await log.next("ready", () => true, 0);
      // The child's real environment, as the kernel holds it.
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
      const names = environ.map((entry) => entry.slice(0, entry.indexOf("=")));
      expect(names).toContain("PATH");
      expect(names).not.toContain("DATABASE_URL");
      expect(names).not.toContain("JUDGE_SECRET");
      expect(environ.join("\n")).not.toContain("judge-must-not-see");
    } finally {
      await pool.close();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  test("closing the pool rejects its queued and running jobs and ends every child", async () => {
    const log = eventLog();
    const pool = createJudgePool({ size: 1, limits, quiet: true, onEvent: log.onEvent });
    const started = log.next("started");
    // Held as settled outcomes: close() rejects them before anything awaits them.
    const running = pool.run({ ...solution, code: HANG }).catch((error: unknown) => error);
    const queued = pool.run(solution).catch((error: unknown) => error);
    const { pid } = await started;
    await pool.close();
    expect(await running).toBeInstanceOf(JudgePoolClosedError);
    expect(await queued).toBeInstanceOf(JudgePoolClosedError);
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(pool.run(solution)).rejects.toBeInstanceOf(JudgePoolClosedError);
  });
});

describe("naming why a child died", () => {
  test("V8's own out-of-heap report, from a real Node process that ran out, is named", () => {
    // A plain Node process with a tiny old space: V8 prints its fatal report and aborts, as a child would.
    const ran = spawnSync(process.execPath, ["--max-old-space-size=8", "-e", "const held = []; for (;;) held.push({ n: held.length });"], { encoding: "utf8" });
    expect(ran.signal).toBe("SIGABRT");
    expect(crashCauseFrom(ran.stderr + ran.stdout)).toBe("V8 ran out of heap memory and aborted the process");
  });

  test("another fatal report gives its own line; ordinary output gives nothing", () => {
    expect(crashCauseFrom("noise\n#\n# Fatal error in ../src/api.cc, line 1\n# Check failed: x.\n")).toBe("Fatal error in ../src/api.cc, line 1");
    expect(crashCauseFrom("child ready\n")).toBeUndefined();
  });
});

describe("the judge service on the pool", () => {
  const secret = "judge-pool-service-test-secret-0123456789";
  const events: JudgeServiceEvent[] = [];
  let server: ReturnType<typeof createJudgeService>;
  let pool: JudgePool;
  let base: string;
  /** How many of the next jobs to start get their child killed (SIGABRT, as V8's abort). */
  let abortNextStarts = 0;
  beforeAll(async () => {
    const abortOnStart = (event: JudgePoolEvent) => {
      if (event.type !== "started" || abortNextStarts === 0) return;
      abortNextStarts -= 1;
      process.kill(event.pid, "SIGABRT");
    };
    pool = createJudgePool({ size: 1, limits, quiet: true, onEvent: abortOnStart });
    server = createJudgeService({
      secret,
      concurrency: 1,
      pool,
      limits,
      loadSuite: (id) => (id === suite.id ? suite : undefined),
      onEvent: (event) => events.push(event),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await pool.close();
  });
  const post = (body: unknown) =>
    fetch(`${base}/judge`, { method: "POST", headers: { "content-type": "application/json", "x-judge-secret": secret }, body: JSON.stringify(body) });

  test("answers runtime_error for a program whose child dies twice, after one retry, and stays up", async () => {
    abortNextStarts = 2;
    const response = await post({ challengeId: challenge.id, mode: "submit", code: HANG });
    expect(response.status).toBe(200);
    const verdict = verdictSchema.parse(await response.json());
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toContain(REPEATED_CRASH_MESSAGE);
    expect(events.filter((event) => event.type === "crashed").map((event) => event.type === "crashed" && event.attempt)).toEqual([1, 2]);
    expect(abortNextStarts).toBe(0);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const next = await post(solution);
    expect(((await next.json()) as { verdict: string }).verdict).toBe("passed");
  });
});
