// The verdict rules: what each kind of learner mistake is reported as.
import { describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { compileLearner, harnessScript } from "../../lib/judge/compile";
import { PROTOCOL_ERRORS, runInSandbox, type SandboxOutcome } from "../../lib/judge/sandbox";
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

// A stand-in harness that reports exactly the messages given (nonce filled in unless
// set), so each of the host's rejection rules is tested on its own.
type Scripted = Record<string, unknown> | string;
async function runScripted(messages: Scripted[]): Promise<SandboxOutcome> {
  const harness = `
    const report = globalThis.__bpReport;
    const config = JSON.parse(globalThis.__bpConfig);
    const script = ${JSON.stringify(messages)};
    globalThis.__bpSeal = () => {
      globalThis.__bpLearner = () => {};
      return async () => {
        for (const message of script) {
          report(typeof message === "string" ? message : JSON.stringify({ nonce: config.nonce, ...message }));
        }
      };
    };`;
  return runInSandbox({ harness, tests: [], learner: "__bpLearner(function () {});", requiredExports: [], limits: DEFAULT_LIMITS });
}

const plan = (seq: number, names = ["a", "b"]) => ({ type: "plan", seq, names });
const result = (seq: number, index: number, name: string) => ({ type: "result", seq, index, name, status: "passed", durationMs: 1 });
const done = (seq: number) => ({ type: "done", seq });

describe("every rejection path of the sandbox protocol", () => {
  test("a well-formed report completes (the control for the cases below)", async () => {
    const outcome = await runScripted([plan(0), result(1, 0, "a"), result(2, 1, "b"), done(3)]);
    expect(outcome).toEqual({
      kind: "completed",
      logs: "",
      tests: [
        { name: "a", status: "passed", durationMs: 1 },
        { name: "b", status: "passed", durationMs: 1 },
      ],
    });
  });

  test.each<[string, Scripted[], string]>([
    ["an unreadable message", ["{not json", plan(0), result(1, 0, "a"), result(2, 1, "b"), done(3)], PROTOCOL_ERRORS.unreadable],
    ["a wrong nonce", [{ ...plan(0), nonce: "forged" }, result(1, 0, "a"), result(2, 1, "b"), done(3)], PROTOCOL_ERRORS.nonce],
    ["an out-of-order seq", [plan(0), result(2, 0, "a"), result(1, 1, "b"), done(3)], PROTOCOL_ERRORS.order],
    ["a repeated seq", [plan(0), result(1, 0, "a"), result(1, 1, "b"), done(2)], PROTOCOL_ERRORS.order],
    ["the plan sent twice", [plan(0), plan(1), result(2, 0, "a"), result(3, 1, "b"), done(4)], PROTOCOL_ERRORS.planTwice],
    ["a plan that is not a list of names", [{ type: "plan", seq: 0, names: [1, 2] }, done(1)], PROTOCOL_ERRORS.badPlan],
    ["a result before the plan", [result(0, 0, "a"), plan(1), result(2, 1, "b"), done(3)], PROTOCOL_ERRORS.mismatch],
    ["a result whose index is not the plan's next", [plan(0), result(1, 1, "b"), result(2, 0, "a"), done(3)], PROTOCOL_ERRORS.mismatch],
    ["a result whose name is not the plan's", [plan(0), result(1, 0, "a"), result(2, 1, "c"), done(3)], PROTOCOL_ERRORS.mismatch],
    ["a result beyond the plan", [plan(0, ["a"]), result(1, 0, "a"), result(2, 1, "b"), done(3)], PROTOCOL_ERRORS.mismatch],
    ["done before every test reported", [plan(0), result(1, 0, "a"), done(2)], PROTOCOL_ERRORS.incomplete],
    ["a message after done", [plan(0), result(1, 0, "a"), result(2, 1, "b"), done(3), result(4, 1, "b")], PROTOCOL_ERRORS.afterDone],
    ["a second done", [plan(0), result(1, 0, "a"), result(2, 1, "b"), done(3), done(4)], PROTOCOL_ERRORS.afterDone],
    ["an unknown type", [plan(0), result(1, 0, "a"), { type: "verdict", seq: 2, verdict: "passed" }, result(3, 1, "b"), done(4)], PROTOCOL_ERRORS.unknown],
  ])("%s breaks the run", async (_name, messages, message) => {
    const outcome = await runScripted(messages);
    expect(outcome.kind).toBe("broken");
    expect(outcome).toMatchObject({ message });
  });

  test("no done at all is not a pass", async () => {
    const outcome = await runScripted([plan(0), result(1, 0, "a"), result(2, 1, "b")]);
    expect(outcome).toMatchObject({ kind: "broken", message: "The run finished without reporting every test (a test never settled)." });
  });
});
