// Learner code that tries to hang, exhaust, escape or fool the judge. Each gets a
// non-passing verdict, and the judge still answers the next (correct) submission.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { judge, type ChallengeSuite, type JudgeLimits, DEFAULT_LIMITS } from "../../lib/judge";
import { createJudgePool, REPEATED_CRASH_MESSAGE, runWithCrashRetry, type JudgePool, type JudgePoolEvent } from "../../lib/judge/pool";
import { processMemoryMessage, TOP_LEVEL_TIMEOUT } from "../../lib/judge/sandbox";

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

const MIB = 1024 * 1024;
/** Memory a bomb may add to this (the judge's) process before we call it unbounded. */
const RSS_GROWTH_BOUND = 256 * MIB;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/**
 * Runs a memory bomb and asserts the process's resident size never rose more than
 * RSS_GROWTH_BOUND above where it was: ru_maxrss only grows, so a spike freed again
 * when the isolate is disposed still shows.
 */
async function judgeBomb(code: string) {
  const rssBefore = process.memoryUsage.rss();
  const peakBefore = peakRss();
  const verdict = await judge(suite, `${code}\n${stub}`, "submit", limits);
  expect(peakRss()).toBeLessThanOrEqual(Math.max(peakBefore, rssBefore + RSS_GROWTH_BOUND));
  return verdict;
}

async function expectJudgeStillWorks() {
  const verdict = await judge(suite, solution, "submit", limits);
  expect(verdict.verdict).toBe("passed");
}

describe("hostile learner code", () => {
  test("an infinite loop at the top level times out as a top-level hang, naming no test (default limits)", async () => {
    const verdict = await judge(suite, `while (true) {}\n${stub}`, "submit");
    expect(verdict.verdict).toBe("timeout");
    expect(verdict.diagnostics?.[0]?.message).toBe(TOP_LEVEL_TIMEOUT);
    expect(verdict.tests[0]?.message).toBe(TOP_LEVEL_TIMEOUT);
    expect(verdict.tests.some((t) => t.message?.includes("while running"))).toBe(false);
    await expectJudgeStillWorks();
  });

  test("an infinite loop inside a method times out and names the test that hung", async () => {
    const code = stub.replace("export class TokenBucket { take() {", "export class TokenBucket { take() { for (;;) {}");
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).toBe("timeout");
    const hung = verdict.tests.find((t) => t.message?.startsWith("Time limit exceeded"));
    expect(hung?.name).toMatch(/^token bucket/);
    expect(hung?.message).toBe(`Time limit exceeded while running "${hung?.name}" (an infinite loop, or a promise that never settles?).`);
    expect(verdict.diagnostics?.[0]?.message).toBe(hung?.message);
    await expectJudgeStillWorks();
  });

  test("a microtask loop times out", async () => {
    const verdict = await judge(suite, `(function spin(): void { Promise.resolve().then(spin); })();\n${stub}`, "submit", limits);
    expect(verdict.verdict).toBe("timeout");
    await expectJudgeStillWorks();
  });

  test("a memory bomb hits the memory limit (default limits: filling 64 MB can take a loaded machine ~1 s of CPU)", async () => {
    const code = `const hoard: number[][] = []; for (;;) hoard.push(new Array(1_000_000).fill(7));\n${stub}`;
    const verdict = await judge(suite, code, "submit");
    expect(verdict.verdict).toBe("memory_limit");
    await expectJudgeStillWorks();
  });

  test("a WebAssembly memory bomb (1 GiB grown and touched) finds no WebAssembly; the judge's rss stays bounded", async () => {
    const verdict = await judgeBomb(
      `const memory = new WebAssembly.Memory({ initial: 1, maximum: 16384 }); memory.grow(16000);
       const bytes = new Uint8Array(memory.buffer); for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;`,
    );
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toBe("Your module threw while loading: ReferenceError: WebAssembly is not defined");
    await expectJudgeStillWorks();
  });

  test("a resizable ArrayBuffer bomb (resized to 1 GiB and touched) is refused; the judge's rss stays bounded", async () => {
    const verdict = await judgeBomb(
      `const buffer = new (ArrayBuffer as any)(0, { maxByteLength: 2 ** 30 }); buffer.resize(2 ** 30);
       const bytes = new Uint8Array(buffer); for (let i = 0; i < bytes.length; i += 4096) bytes[i] = 1;`,
    );
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toMatch(/^Your module threw while loading: RangeError: Resizable ArrayBuffers are not available/);
    await expectJudgeStillWorks();
  });

  test("the resizable buffer cannot be reached through a buffer's constructor either", async () => {
    const verdict = await judgeBomb(
      `const Native: any = Object.getPrototypeOf(new Uint8Array(1).buffer).constructor;
       const buffer = new Native(0, { maxByteLength: 2 ** 30 }); buffer.resize(2 ** 30);
       new Uint8Array(buffer).fill(1);`,
    );
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toMatch(/RangeError: Resizable ArrayBuffers are not available/);
  });

  test("a growable SharedArrayBuffer bomb finds no SharedArrayBuffer; the judge's rss stays bounded", async () => {
    const verdict = await judgeBomb(
      `const buffer = new (SharedArrayBuffer as any)(0, { maxByteLength: 2 ** 30 }); buffer.grow(2 ** 30);
       new Uint8Array(buffer).fill(1);`,
    );
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toBe("Your module threw while loading: ReferenceError: SharedArrayBuffer is not defined");
    await expectJudgeStillWorks();
  });

  test("an Intl bomb (ICU memory outside the heap) finds no Intl", async () => {
    const verdict = await judgeBomb(`const held: unknown[] = []; for (;;) held.push(new Intl.Collator("en"));`);
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toBe("Your module threw while loading: ReferenceError: Intl is not defined");
    await expectJudgeStillWorks();
  });

  test("ordinary buffers still work: fixed ArrayBuffers, subclasses, slices, typed arrays", async () => {
    const probeSuite: ChallengeSuite = {
      id: "hostile/buffers",
      requiredExports: ["facts"],
      contentHash: "buffers",
      examplesSource: "",
      hiddenSource: `
        import { expect, test } from "@blueprint/test";
        import { facts } from "./solution";
        test("buffers behave", () => { expect(facts()).toEqual([true, 8, true, 6, true, true, "ab"]); });`,
    };
    const code = `export function facts() {
      class Buf extends ArrayBuffer {}
      const own = new Buf(8);
      return [own instanceof ArrayBuffer, own.byteLength, new Uint8Array(4).buffer instanceof ArrayBuffer,
        own.slice(2).byteLength, ArrayBuffer.isView(new Uint8Array(1)), own.slice(1) instanceof Buf, "ba".split("").sort((a, b) => a.localeCompare(b)).join("")];
    }`;
    const verdict = await judge(probeSuite, code, "submit", limits);
    expect(verdict.tests[0]?.message).toBeUndefined();
    expect(verdict.verdict).toBe("passed");
  });

  test("a run that pushes the judge process past its resident bound gets memory_limit, whatever the isolate allows", async () => {
    // The isolate may use 512 MB; the process bound sits 48 MB above where it is now.
    const processRssMb = Math.ceil(process.memoryUsage.rss() / MIB) + 48;
    const roomy: JudgeLimits = { ...limits, memoryMb: 512, cpuMs: 60_000, wallMs: 60_000, processRssMb };
    const code = `const hoard: number[][] = []; for (let i = 0; i < 40; i++) hoard.push(new Array(1_000_000).fill(i + 0.5)); for (;;) {}\n${stub}`;
    const verdict = await judge(suite, code, "submit", roomy);
    expect(verdict.verdict).toBe("memory_limit");
    expect(verdict.diagnostics?.[0]?.message).toBe(processMemoryMessage(processRssMb));
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
    expect(verdict.diagnostics).toEqual([
      {
        line: 2,
        column: 14, // the "is" of Object.is
        message: "Your module threw while loading: TypeError: Cannot assign to read only property 'is' of function 'function Object() { [native code] }'",
      },
    ]);
    expect(verdict.total).toBe(0);
    await expectJudgeStillWorks();
  });

  test("shadowing globals the tests use is refused", async () => {
    const code = `(globalThis as any).Math = { floor: () => 0, ceil: () => 0, max: () => 0, min: () => 0 };\n${stub}`;
    const verdict = await judge(suite, code, "submit", limits);
    expect(verdict.verdict).toBe("runtime_error");
    // V8 names the global object "[object global]" on Node 20 and 24, "[object Object]" on 26.
    expect(verdict.diagnostics?.[0]?.message).toMatch(
      /^Your module threw while loading: TypeError: Cannot assign to read only property 'Math' of object '\[object (global|Object)\]'$/,
    );
    expect(verdict.total).toBe(0);
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

// Programs V8 may not contain. On Node 20 the isolate's heap limit does not stop them: V8
// aborts the whole process ("heap out of memory", SIGABRT) at 30-40 of its 64 MB (each aborted
// 10 times in 10 here; a Map grown without bound did in 9 of 10, so it is not listed). Newer
// V8 contains some of them (measured: on Node 24 the array filled at once ends as memory_limit
// at the judge process's resident bound; on Node 26 both do), so the test holds each run to
// one of two complete outcomes, never to which one: either the child died twice by SIGABRT and
// the learner gets runtime_error, or no child died and the learner gets memory_limit. Either
// way it is not passed and the next submission is judged. They run through the judge pool
// (lib/judge/pool.ts, decision 020), as the service and the queue's worker run them. Long
// budgets, so the heap runs out before any clock does.
describe("programs that may abort the judge process, through the judge pool", () => {
  const roomy: JudgeLimits = { ...DEFAULT_LIMITS, cpuMs: 120_000, wallMs: 120_000 };
  const deaths: JudgePoolEvent[] = [];
  let pool: JudgePool;
  beforeAll(async () => {
    pool = createJudgePool({ size: 1, limits: roomy, quiet: true, onEvent: (event) => event.type === "died" && deaths.push(event) });
    await pool.ready();
  });
  afterAll(() => pool.close());

  test.each([
    ["an array grown at negative indexes (the program that found the hole)", "const a = []; for (let i = 0; i > -1e9; i--) a[i] = i;"],
    ["a hundred-million-element array filled at once", "const a = new Array(1e8).fill(0); console.log(a.length);"],
  ])("%s: runtime_error after two aborts or memory_limit without one, and the next submission is judged", async (_name, bomb) => {
    const before = deaths.length;
    const verdict = await runWithCrashRetry(pool, { challengeId: suite.id, mode: "submit", code: `${bomb}\n${stub}` });
    const died = deaths.slice(before);
    if (died.length > 0) {
      expect(died).toMatchObject([{ signal: "SIGABRT", during: "job" }, { signal: "SIGABRT", during: "job" }]);
      expect(verdict.verdict).toBe("runtime_error");
      expect(verdict.diagnostics?.[0]?.message).toContain(REPEATED_CRASH_MESSAGE);
    } else {
      expect(verdict.verdict).toBe("memory_limit");
      expect(verdict.passed).toBe(0);
    }
    expect((await pool.run({ challengeId: suite.id, mode: "submit", code: solution })).verdict).toBe("passed");
  });

  test.each([
    ["a string doubled past V8's longest", "let s = 'ab'; for (let i = 0; i < 40; i++) s = s + s;", /RangeError: Invalid string length/],
    ["recursion with big frames", "function f(n: number, ...rest: number[]): number { const frame = [n, ...rest, n, n, n, n]; return f(n + 1, ...frame.slice(0, 8)) + frame.length; } f(0);", /RangeError: Maximum call stack size exceeded/],
    ["typed arrays grown without bound", "const held: Float64Array[] = []; for (;;) held.push(new Float64Array(1e7));", /RangeError: Array buffer allocation failed/],
  ])("%s is contained by V8: an ordinary runtime_error, and the child lives", async (_name, bomb, message) => {
    const before = deaths.length;
    const verdict = await pool.run({ challengeId: suite.id, mode: "submit", code: `${bomb}\n${stub}` });
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toMatch(message);
    expect(deaths.slice(before)).toEqual([]);
  });
});
