// The judge: learner TypeScript + a challenge's tests -> a verdict. Imports nothing
// from Next.js or Prisma, so it runs in its own process (scripts/judge-server.ts),
// in the CLI, and in the content tests alike.
import { compileLearner, compileTestFile, harnessScript } from "./compile";
import { runInSandbox } from "./sandbox";
import { stageClock, type StageListener } from "./stages";
import { DEFAULT_LIMITS, type JudgeLimits, type JudgeMode, type Verdict } from "./verdict";

export * from "./verdict";

/** What the judge needs to know about a challenge (lib/content builds it from content/). */
export interface ChallengeSuite {
  id: string;
  requiredExports: string[];
  examplesSource: string;
  hiddenSource: string;
  contentHash: string;
}

export class JudgeInputError extends Error {
  override name = "JudgeInputError";
}

/** The caller went away (or its deadline passed) before the verdict: the run was dropped. */
export class JudgeCancelledError extends Error {
  override name = "JudgeCancelledError";
}

export interface JudgeOptions {
  /** Abort to drop the run: a queued run never starts, a running one is disposed. */
  signal?: AbortSignal;
  /** Told how long each stage took (bench:judge's breakdown); costs nothing when absent. */
  onStage?: StageListener;
}

const compiledTests = new Map<string, Promise<string>>();

function testScriptFor(suite: ChallengeSuite, mode: JudgeMode): Promise<string> {
  const key = `${suite.id}@${suite.contentHash}:${mode}`;
  let compiled = compiledTests.get(key);
  if (!compiled) {
    compiled =
      mode === "run"
        ? compileTestFile(suite.examplesSource, `${suite.id}/examples.test.ts`)
        : compileTestFile(suite.hiddenSource, `${suite.id}/hidden.test.ts`);
    compiledTests.set(key, compiled);
  }
  return compiled;
}

export async function judge(
  suite: ChallengeSuite,
  source: string,
  mode: JudgeMode,
  limits: JudgeLimits = DEFAULT_LIMITS,
  options: JudgeOptions = {},
): Promise<Verdict> {
  const started = performance.now();
  if (Buffer.byteLength(source, "utf8") > limits.sourceBytes) {
    throw new JudgeInputError(`code is larger than ${limits.sourceBytes / 1024} KiB`);
  }
  const base = { challengeId: suite.id, mode } as const;
  const elapsed = () => Math.round(performance.now() - started);

  const mark = stageClock(options.onStage);
  const compiled = await compileLearner(source);
  mark("transpile");
  if (!compiled.ok) {
    return { ...base, verdict: "compile_error", passed: 0, failed: 0, total: 0, tests: [], diagnostics: compiled.diagnostics, logs: "", durationMs: elapsed() };
  }
  const [harness, tests] = await Promise.all([harnessScript(), testScriptFor(suite, mode)]);
  const outcome = await runInSandbox({
    harness,
    tests: [tests],
    learner: compiled.compiled.script,
    requiredExports: suite.requiredExports,
    limits,
    signal: options.signal,
    onStage: options.onStage,
  });
  if (outcome.kind === "cancelled") throw new JudgeCancelledError("the caller went away before the verdict");

  switch (outcome.kind) {
    case "completed": {
      const passed = outcome.tests.filter((test) => test.status === "passed").length;
      const failed = outcome.tests.length - passed;
      return {
        ...base,
        verdict: failed === 0 && passed > 0 ? "passed" : "failed",
        passed,
        failed,
        total: outcome.tests.length,
        tests: outcome.tests,
        logs: outcome.logs,
        durationMs: elapsed(),
      };
    }
    case "load_error": {
      const position =
        outcome.line !== undefined && outcome.column !== undefined
          ? compiled.compiled.originalPosition(outcome.line, outcome.column)
          : null;
      return {
        ...base,
        verdict: "runtime_error",
        passed: 0,
        failed: 0,
        total: 0,
        tests: [],
        diagnostics: [{ line: position?.line ?? 1, column: position?.column ?? 1, message: outcome.message }],
        logs: outcome.logs,
        durationMs: elapsed(),
      };
    }
    default: {
      // Tests that never reported count as failed, so a verdict never shows fewer tests than exist.
      const unreported = outcome.planned.slice(outcome.tests.length).map((name, index) => ({
        name,
        status: "failed" as const,
        message: index === 0 ? outcome.message : "not run",
        durationMs: 0,
      }));
      const all = [...outcome.tests, ...unreported];
      const passed = all.filter((test) => test.status === "passed").length;
      return {
        ...base,
        verdict: outcome.kind === "broken" ? "runtime_error" : outcome.kind,
        passed,
        failed: all.length - passed,
        total: all.length,
        tests: all,
        diagnostics: [{ line: 1, column: 1, message: outcome.message }],
        logs: outcome.logs,
        durationMs: elapsed(),
      };
    }
  }
}
export type { SandboxStage, StageListener } from "./stages";
