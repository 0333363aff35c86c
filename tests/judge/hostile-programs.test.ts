// Learner code that tries to hang, exhaust, escape or fool the judge. Each gets a
// non-passing verdict, and the judge still answers the next (correct) submission.
import { describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { judge, type ChallengeSuite, type JudgeLimits, DEFAULT_LIMITS } from "../../lib/judge";

const challenge = loadChallenge("rate-limiting/limiters");
if (!challenge) throw new Error("the rate-limiting challenge is missing");
const suite = toJudgeSuite(challenge);
const solution = challenge.solution;
// The real mechanism with a shorter budget, so the suite stays quick; one test uses the defaults.
const limits: JudgeLimits = { ...DEFAULT_LIMITS, cpuMs: 1000, wallMs: 2500 };

const stub = `
export class TokenBucket { take() { return { allowed: true, remaining: 0, retryAfterMs: 0 }; } }
export class SlidingWindowCounter { take() { return { allowed: true, remaining: 0, retryAfterMs: 0 }; } }
export class FixedWindow { take() { return { allowed: true, remaining: 0, retryAfterMs: 0 }; } }
`;

async function expectJudgeStillWorks() {
  const verdict = await judge(suite, solution, "submit", limits);
  expect(verdict.verdict).toBe("passed");
}

describe("hostile learner code", () => {
  test("an infinite loop at the top level times out (default limits)", async () => {
    const verdict = await judge(suite, `while (true) {}\n${stub}`, "submit");
    expect(verdict.verdict).toBe("timeout");
    await expectJudgeStillWorks();
  });

  test("an infinite loop inside a method times out and names the test that hung", async () => {
    const code = stub.replace("export class TokenBucket { take() {", "export class TokenBucket { take() { for (;;) {}");
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).toBe("timeout");
    expect(verdict.tests.some((t) => t.message?.includes("Time limit exceeded while running"))).toBe(true);
    await expectJudgeStillWorks();
  });

  test("a microtask loop times out", async () => {
    const verdict = await judge(suite, `(function spin(): void { Promise.resolve().then(spin); })();\n${stub}`, "submit", limits);
    expect(verdict.verdict).toBe("timeout");
    await expectJudgeStillWorks();
  });

  test("a memory bomb hits the memory limit", async () => {
    const code = `const hoard: number[][] = []; for (;;) hoard.push(new Array(1_000_000).fill(7));\n${stub}`;
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).toBe("memory_limit");
    await expectJudgeStillWorks();
  });

  test("2 GB of ArrayBuffers does not pass and does not hurt the host", async () => {
    const code = `const held: ArrayBuffer[] = []; for (let i = 0; i < 20; i++) held.push(new ArrayBuffer(100 * 1024 * 1024));\n${stub}`;
    const before = process.memoryUsage().rss;
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).not.toBe("passed");
    expect(["memory_limit", "runtime_error"]).toContain(verdict.verdict);
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
    await expectJudgeStillWorks();
  });

  test.each([
    ["process", `const p = (globalThis as any).process; p.exit(1);`],
    ["require", `declare const require: (id: string) => any; require("node:fs").readFileSync("/etc/passwd");`],
    ["a non-support import", `import { readFileSync } from "node:fs"; readFileSync("/etc/passwd");`],
    ["dynamic import", `export const leak = import("node:fs");`],
    ["the constructor escape", `const host = (function () {}).constructor("return process")(); host.mainModule.require("fs");`],
    ["fetch", `(globalThis as any).fetch("http://127.0.0.1:3000/");`],
  ])("reaching for %s gets nothing", async (_name, attack) => {
    const verdict = await judge(suite, `${attack}\n${stub}`, "submit", limits);
    expect(verdict.verdict).not.toBe("passed");
    expect(verdict.passed).toBe(0);
    await expectJudgeStillWorks();
  });

  test("replacing builtins to fake a pass fails to load", async () => {
    const code = `
      Object.is = () => true;
      (Array.prototype as any).every = () => true;
      JSON.stringify = () => '{"verdict":"passed"}';
      ${stub}`;
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toMatch(/threw while loading/);
    await expectJudgeStillWorks();
  });

  test("shadowing globals the tests use is refused", async () => {
    const code = `(globalThis as any).Math = { floor: () => 0, ceil: () => 0, max: () => 0, min: () => 0 };\n${stub}`;
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).not.toBe("passed");
    await expectJudgeStillWorks();
  });

  test("looking for the harness's report hook finds nothing", async () => {
    const code = `
      const g = globalThis as any;
      const names = Object.getOwnPropertyNames(g).filter((n) => n.startsWith("__bp"));
      console.log("hooks:", names.join(","));
      for (const name of names) { try { g[name]('{"type":"done"}'); } catch {} }
      ${stub}`;
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).toBe("failed");
    expect(verdict.logs).toBe("hooks: \n");
    await expectJudgeStillWorks();
  });

  test("printing a fake verdict is just output", async () => {
    const fake = JSON.stringify({ verdict: "passed", passed: 26, failed: 0, total: 26, type: "done" });
    const verdict = await judge(suite, `console.log(${JSON.stringify(fake)});\n${stub}`, "submit", limits);
    expect(verdict.verdict).toBe("failed");
    expect(verdict.logs).toContain('"verdict":"passed"');
    await expectJudgeStillWorks();
  });

  test("a 30 MB console.log is capped at 16 KB", async () => {
    const verdict = await judge(suite, `console.log("x".repeat(30_000_000));\n${stub}`, "submit", limits);
    expect(verdict.verdict).not.toBe("passed");
    expect(verdict.logs.length).toBeLessThanOrEqual(16 * 1024);
    await expectJudgeStillWorks();
  });

  test("a never-settling thenable times out instead of hanging the judge", async () => {
    const thenableSuite: ChallengeSuite = {
      id: "hostile/thenable",
      requiredExports: ["load"],
      contentHash: "thenable",
      examplesSource: "",
      hiddenSource: `
        import { expect, test } from "@blueprint/test";
        import { load } from "./solution";
        test("awaits the learner's value", async () => { expect(await load()).toBe(1); });`,
    };
    const code = `export function load(): any { return { then() {} }; }`;
    const verdict = await judge(thenableSuite, code, "submit", limits);
    expect(verdict.verdict).toBe("timeout");
    expect(verdict.tests[0]?.message).toContain('while running "awaits the learner\'s value"');
    await expectJudgeStillWorks();
  });

  test("code over 64 KiB is refused before it runs", async () => {
    await expect(judge(suite, `// ${"x".repeat(70 * 1024)}\n${stub}`, "submit")).rejects.toThrow(/larger than 64 KiB/);
  });
});
