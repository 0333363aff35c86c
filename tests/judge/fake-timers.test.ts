// Learner code gets only what the curriculum's API gives it: for timers, setTimeout and
// clearTimeout (support's Timers). The suites' fake timers also have advance() and
// pending(), the test's own controls; handed to learner code, they let a solution move
// the test's time, or hook advance() to act whenever the test moves it, and pass tests
// a real pool would fail. Each cheat below runs through the real judge and must fail.
import { describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { judge } from "../../lib/judge";

const challenge = loadChallenge("connection-pool/pool");
if (!challenge) throw new Error("the connection-pool challenge is missing");
const suite = toJudgeSuite(challenge);

// The reference pool, but its acquire timeout is never scheduled with setTimeout: the
// pool rejects overdue waiters whenever the test's timers.advance() runs. With real
// timers (setTimeout and clearTimeout only, as the contract says) nothing ever calls
// advance(), so a queued acquire() would wait forever.
const timeoutScheduling = /request\.timer = this\.opts\.timers\.setTimeout\(\(\) => \{[\s\S]*?\}, this\.opts\.acquireTimeoutMs\);/;
if (!timeoutScheduling.test(challenge.solution)) throw new Error("the reference pool no longer schedules its acquire timeout as this test expects");
const hooksAdvance = challenge.solution
  .replace(timeoutScheduling, "this.deadlines.set(request, this.opts.now() + this.opts.acquireTimeoutMs);")
  .replace(
    "constructor(private readonly opts: PoolOptions<T>) {}",
    `private readonly deadlines = new Map<Request<T>, number>();
  constructor(private readonly opts: PoolOptions<T>) {
    const controls = opts.timers as Timers & { advance?: (ms: number) => void };
    const advance = controls.advance;
    if (typeof advance !== "function") return;
    const expire = () => {
      for (const [request, at] of this.deadlines) {
        if (at > this.opts.now()) continue;
        this.deadlines.delete(request);
        const index = this.waiters.indexOf(request);
        if (index >= 0) {
          this.waiters.splice(index, 1);
          request.reject(new PoolTimeoutError("no connection in time"));
        }
      }
    };
    controls.advance = (ms: number) => {
      const target = this.opts.now() + ms;
      for (;;) {
        const due = [...this.deadlines.values()].filter((at) => at <= target).sort((a, b) => a - b)[0];
        if (due === undefined) break;
        advance.call(controls, Math.max(0, due - this.opts.now()));
        expire();
      }
      advance.call(controls, target - this.opts.now());
    };
  }`,
  );

// The control: the same pool without the hook never times a waiter out.
const noTimeout = challenge.solution.replace(timeoutScheduling, "");

describe("learner code gets setTimeout and clearTimeout, not the test's timer controls", () => {
  test("a pool that times waiters out by hooking the suite's timers.advance() fails the hidden suite", async () => {
    const verdict = await judge(suite, hooksAdvance, "submit");
    expect(verdict.verdict).toBe("failed");
    expect(verdict.tests.filter((t) => t.status === "failed").map((t) => t.name)).toContain(
      "a queued waiter rejects with PoolTimeoutError exactly at acquireTimeoutMs",
    );
  });

  test("the timers a pool is given, in the hidden suite and the examples, have no advance() or pending() to call", async () => {
    const probe = `${challenge.solution}
const seen: string[] = [];
const original = Pool.prototype.acquire;
Pool.prototype.acquire = function (this: Pool<unknown>) {
  const timers = (this as unknown as { opts: { timers: Record<string, unknown> } }).opts.timers;
  const keys = Object.keys(timers).sort().join(",");
  if (!seen.includes(keys)) { seen.push(keys); console.log("timers: " + keys); }
  return original.call(this);
};`;
    // Both suites: the examples hand the pool timers too.
    for (const mode of ["submit", "run"] as const) {
      const verdict = await judge(suite, probe, mode);
      expect(verdict.verdict).toBe("passed");
      expect(verdict.logs).toContain("timers: clearTimeout,setTimeout\n");
      expect(verdict.logs).not.toMatch(/advance|pending/);
    }
  });

  test("the reference pool still passes with only setTimeout and clearTimeout", async () => {
    expect((await judge(suite, challenge.solution, "submit")).verdict).toBe("passed");
    expect((await judge(suite, challenge.solution, "run")).verdict).toBe("passed");
  });

  test("control: the same pool without the hook fails (so the hook is what passed)", async () => {
    expect((await judge(suite, noTimeout, "submit")).verdict).toBe("failed");
  });
});
