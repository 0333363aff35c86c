// One run = one fresh V8 isolate (isolated-vm) with a memory limit, a CPU budget
// and a host wall-clock timer that disposes the isolate. Only strings cross the
// boundary: the harness reports JSON messages carrying this run's nonce, and the
// host accepts them only in order, only as many as planned, and only with a final
// "done"; anything else is a runtime error, never a pass.
import { randomBytes } from "node:crypto";
import type { HarnessEvent } from "./harness/runner";
import { loadIsolatedVm } from "./isolated-vm";
import type { JudgeLimits, TestOutcome } from "./verdict";

export interface SandboxInput {
  harness: string;
  tests: string[];
  learner: string;
  requiredExports: string[];
  limits: JudgeLimits;
}

export type SandboxOutcome =
  | { kind: "completed"; tests: TestOutcome[]; logs: string }
  | { kind: "load_error"; message: string; line?: number; column?: number; logs: string }
  | { kind: "timeout"; tests: TestOutcome[]; planned: string[]; logs: string; message: string }
  | { kind: "memory_limit"; tests: TestOutcome[]; planned: string[]; logs: string; message: string }
  | { kind: "broken"; tests: TestOutcome[]; planned: string[]; logs: string; message: string };

type Message = HarnessEvent & { nonce: string; seq: number };

export async function runInSandbox(input: SandboxInput): Promise<SandboxOutcome> {
  const ivm = loadIsolatedVm();
  const { limits } = input;
  const nonce = randomBytes(16).toString("hex");
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });

  let logs = "";
  let planned: string[] | null = null;
  const tests: TestOutcome[] = [];
  let done = false;
  let protocolError: string | null = null;
  let loadError: { message: string; line?: number; column?: number } | null = null;
  let expectedSeq = 0;
  let stopReason: "timeout" | null = null;

  const onReport = (raw: unknown) => {
    if (protocolError) return;
    let message: Message;
    try {
      message = JSON.parse(String(raw)) as Message;
    } catch {
      protocolError = "the harness sent an unreadable message";
      return;
    }
    if (message.nonce !== nonce || message.seq !== expectedSeq || done) {
      protocolError = "the harness's messages arrived out of order";
      return;
    }
    expectedSeq++;
    switch (message.type) {
      case "plan":
        if (planned) protocolError = "the test plan was sent twice";
        else planned = message.names.map(String);
        return;
      case "result": {
        const name = planned?.[tests.length];
        if (name === undefined || message.index !== tests.length || message.name !== name) {
          protocolError = "a test result did not match the plan";
          return;
        }
        tests.push({
          name,
          status: message.status === "passed" ? "passed" : "failed",
          ...(message.message === undefined ? {} : { message: String(message.message).slice(0, 2000) }),
          durationMs: Number(message.durationMs) || 0,
        });
        return;
      }
      case "load-error":
        loadError = { message: String(message.message), line: message.line, column: message.column };
        return;
      case "done":
        if (!loadError && (!planned || tests.length !== planned.length)) protocolError = "the run ended before every test reported";
        done = true;
        return;
      default:
        protocolError = "the harness sent an unknown message";
    }
  };
  const onLog = (text: unknown) => {
    if (logs.length >= limits.logBytes) return;
    logs += String(text).slice(0, limits.logBytes - logs.length);
  };

  // The host's own clock: disposing the isolate stops anything, including microtask loops.
  const wallTimer = setTimeout(() => {
    stopReason = "timeout";
    if (!isolate.isDisposed) isolate.dispose();
  }, limits.wallMs);
  const cpuWatch = setInterval(() => {
    if (!isolate.isDisposed && isolate.cpuTime > BigInt(limits.cpuMs) * 1_000_000n) {
      stopReason = "timeout";
      isolate.dispose();
    }
  }, 25);

  try {
    const context = await isolate.createContext();
    const jail = context.global;
    await jail.set("__bpReport", new ivm.Callback(onReport));
    await jail.set("__bpLog", new ivm.Callback(onLog));
    await jail.set(
      "__bpConfig",
      JSON.stringify({ nonce, requiredExports: input.requiredExports, logLimitBytes: limits.logBytes }),
    );
    const runOptions = { timeout: limits.cpuMs };
    await (await isolate.compileScript(input.harness, { filename: "harness.js" })).run(context, runOptions);
    for (const [index, testScript] of input.tests.entries()) {
      await (await isolate.compileScript(testScript, { filename: `tests-${index}.js` })).run(context, runOptions);
    }
    const seal = await jail.get("__bpSeal", { reference: true });
    const start = await seal.apply(undefined, [], { timeout: limits.cpuMs, result: { reference: true } });
    await (await isolate.compileScript(input.learner, { filename: "learner.js" })).run(context, runOptions);
    await start.apply(undefined, [], { timeout: limits.cpuMs, result: { promise: true } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const memory = /memory limit|out of memory|allocation failed/i.test(message);
    if (memory) {
      return { kind: "memory_limit", tests, planned: planned ?? [], logs, message: "The run used more than the memory limit." };
    }
    if (stopReason === "timeout" || /timed out|timeout/i.test(message)) {
      return { kind: "timeout", tests, planned: planned ?? [], logs, message: timeoutMessage(planned, tests) };
    }
    if (isolate.isDisposed) {
      return { kind: "broken", tests, planned: planned ?? [], logs, message: "The sandbox stopped unexpectedly." };
    }
    // A syntax or runtime error in the learner's top-level script lands here too.
    return { kind: "broken", tests, planned: planned ?? [], logs, message };
  } finally {
    clearTimeout(wallTimer);
    clearInterval(cpuWatch);
    if (!isolate.isDisposed) isolate.dispose();
  }

  if (stopReason === "timeout") return { kind: "timeout", tests, planned: planned ?? [], logs, message: timeoutMessage(planned, tests) };
  if (protocolError || !done) {
    return {
      kind: "broken",
      tests,
      planned: planned ?? [],
      logs,
      message: protocolError ?? "The run finished without reporting every test (a test never settled).",
    };
  }
  const finalLoadError = loadError as { message: string; line?: number; column?: number } | null;
  if (finalLoadError) return { kind: "load_error", ...finalLoadError, logs };
  return { kind: "completed", tests, logs };
}

function timeoutMessage(planned: string[] | null, tests: TestOutcome[]): string {
  const running = planned?.[tests.length];
  return running
    ? `Time limit exceeded while running "${running}" (an infinite loop, or a promise that never settles?).`
    : "Time limit exceeded while loading your module (an infinite loop at the top level?).";
}
