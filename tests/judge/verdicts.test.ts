// The verdict rules: what each kind of learner mistake is reported as.
import { describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { compileLearner, harnessScript } from "../../lib/judge/compile";
import { runInSandbox } from "../../lib/judge/sandbox";
import { judge, DEFAULT_LIMITS } from "../../lib/judge";

const found = loadChallenge("rate-limiting/limiters");
if (!found) throw new Error("the rate-limiting challenge is missing");
const challenge = found;
const suite = toJudgeSuite(challenge);

describe("verdicts", () => {
  test("a syntax error is a compile error with line and column", async () => {
    const verdict = await judge(suite, "export class TokenBucket {}\nconst broken = ;\n", "run");
    expect(verdict.verdict).toBe("compile_error");
    expect(verdict.diagnostics?.[0]?.line).toBe(2);
    expect(verdict.diagnostics?.[0]?.column).toBe(16);
    expect(verdict.total).toBe(0);
  });

  test("a module that throws while loading is a runtime error pointing at the line", async () => {
    const verdict = await judge(suite, `const a = 1;\nconst b = 2;\nthrow new Error("boom " + (a + b));\n`, "run");
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toContain("boom 3");
    expect(verdict.diagnostics?.[0]?.line).toBe(3);
  });

  test("missing exports are named before any test runs", async () => {
    const verdict = await judge(suite, `export class TokenBucket {}`, "submit");
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toMatch(/Missing exports: SlidingWindowCounter, FixedWindow/);
  });

  test("an empty module says what to export", async () => {
    const verdict = await judge(suite, ``, "submit");
    expect(verdict.verdict).toBe("runtime_error");
    expect(verdict.diagnostics?.[0]?.message).toMatch(/This challenge needs: TokenBucket, SlidingWindowCounter, FixedWindow/);
  });

  test("the wrong shape fails tests with messages, never crashes", async () => {
    const verdict = await judge(suite, `export const TokenBucket = 1, SlidingWindowCounter = 2, FixedWindow = 3;`, "run");
    expect(verdict.verdict).toBe("failed");
    expect(verdict.failed).toBe(verdict.total);
    expect(verdict.tests[0]?.message).toMatch(/TypeError/);
  });

  test("run shows the examples and submit the hidden suite, console output captured", async () => {
    const code = `console.log("hello from the learner");\n${challenge.solution}`;
    const run = await judge(suite, code, "run");
    const submit = await judge(suite, code, "submit");
    expect(run.total).toBe(5);
    expect(submit.total).toBeGreaterThan(run.total);
    expect(run.logs).toBe("hello from the learner\n");
    expect(submit.tests.every((t) => t.status === "passed")).toBe(true);
  });

  test("errors subclassing Error may set name by assignment (builtins stay frozen)", async () => {
    const code = `${challenge.solution}\nclass MyError extends Error { constructor(m: string) { super(m); this.name = "MyError"; } }\nexport const probe = new MyError("x").name;`;
    const verdict = await judge(suite, code, "run");
    expect(verdict.verdict).toBe("passed");
  });
});

describe("the host accepts only well-formed reports", () => {
  async function runWithHarness(patch: (harness: string) => string) {
    const compiled = await compileLearner(challenge.solution);
    if (!compiled.ok) throw new Error("solution does not compile");
    return runInSandbox({
      harness: patch(await harnessScript()),
      tests: [],
      learner: compiled.compiled.script,
      requiredExports: suite.requiredExports,
      limits: DEFAULT_LIMITS,
    });
  }

  test("a report with the wrong nonce breaks the run", async () => {
    const outcome = await runWithHarness((h) => h.replace("nonce: config.nonce", 'nonce: "forged"'));
    expect(outcome.kind).toBe("broken");
  });

  test("a run without a final done is not a pass", async () => {
    const outcome = await runWithHarness((h) => h.replace(/emit\d*\(\{ type: "done" \}\);/g, ""));
    expect(outcome.kind).toBe("broken");
  });
});
