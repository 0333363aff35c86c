// One run = one fresh V8 isolate (isolated-vm) with a memory limit, a CPU budget
// and a host wall-clock timer that disposes the isolate. Only strings cross the
// boundary: the harness reports JSON messages carrying this run's nonce, and the
// host accepts them only in order, only as many as planned, and only with a final
// "done"; anything else is a runtime error, never a pass.
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import type { HarnessEvent } from "./harness/runner";
import { loadIsolatedVm } from "./isolated-vm";
import { stageClock, type SandboxStage, type StageListener } from "./stages";
import { DEFAULT_LIMITS, type JudgeLimits, type TestOutcome } from "./verdict";

export interface SandboxInput {
  harness: string;
  tests: string[];
  learner: string;
  requiredExports: string[];
  limits: JudgeLimits;
  /** Aborted when nobody waits for the verdict any more: the isolate is disposed at once. */
  signal?: AbortSignal;
  /** Told how long each stage of the run took (bench:judge prints the medians). */
  onStage?: StageListener;
}

/** The stages of one run, in order (see lib/judge/stages.ts). */
export type { SandboxStage, StageListener } from "./stages";

export type SandboxOutcome =
  | { kind: "completed"; tests: TestOutcome[]; logs: string }
  | { kind: "load_error"; message: string; line?: number; column?: number; logs: string }
  | { kind: "timeout"; tests: TestOutcome[]; planned: string[]; logs: string; message: string }
  | { kind: "memory_limit"; tests: TestOutcome[]; planned: string[]; logs: string; message: string }
  | { kind: "broken"; tests: TestOutcome[]; planned: string[]; logs: string; message: string }
  | { kind: "cancelled" };

type Message = HarnessEvent & { nonce: string; seq: number };

/** Where the host is in a run: tells a hang in the learner's top level from one in a test. */
type Phase = "setup" | "learner-module" | "tests";

const MIB = 1024 * 1024;

export const PROTOCOL_ERRORS = {
  unreadable: "the harness sent an unreadable message",
  nonce: "a harness message carried the wrong nonce",
  order: "the harness's messages arrived out of order",
  afterDone: "the harness sent a message after done",
  planTwice: "the test plan was sent twice",
  badPlan: "the test plan was malformed",
  mismatch: "a test result did not match the plan",
  incomplete: "the run ended before every test reported",
  unknown: "the harness sent an unknown message",
} as const;

export function processMemoryMessage(boundMb: number): string {
  return `The run pushed the judge process past its memory bound (${boundMb} MB resident).`;
}

type Isolate = InstanceType<ReturnType<typeof loadIsolatedVm>["Isolate"]>;
type CachedData = NonNullable<IsolatedVmScriptInfo["cachedData"]>;
type IsolatedVmScriptInfo = NonNullable<Parameters<Isolate["compileScript"]>[1]>;

// V8's code cache for the trusted scripts (the harness, each challenge's test files):
// produced by the first run in this process, then handed to every later compile so V8
// skips parsing them. Keyed by the script's text; learner code is never cached.
const MAX_CACHED_SCRIPTS = 128;
const codeCache = new Map<string, CachedData>();

async function compileTrusted(isolate: Isolate, code: string, filename: string) {
  const cachedData = codeCache.get(code);
  const script = await isolate.compileScript(code, cachedData ? { filename, cachedData } : { filename, produceCachedData: true });
  const result = script as typeof script & { cachedData?: CachedData; cachedDataRejected?: boolean };
  if (cachedData && result.cachedDataRejected) codeCache.delete(code);
  if (!cachedData && result.cachedData) {
    if (codeCache.size >= MAX_CACHED_SCRIPTS) codeCache.delete(codeCache.keys().next().value as string);
    codeCache.set(code, result.cachedData);
  }
  return script;
}

/** Where the harness's messages go: buffered until the run that takes the isolate listens. */
interface Channel {
  report(raw: unknown): void;
  log(text: unknown): void;
}

/** A fresh isolate with its context and the harness evaluated, not yet sealed, never used by a run. */
interface Prepared {
  isolate: Isolate;
  context: Awaited<ReturnType<Isolate["createContext"]>>;
  nonce: string;
  listen(channel: Channel): void;
}

// V8 compiles a function's body only when it is first called, and its code cache holds
// only what was compiled when the cache was made: so every fresh isolate compiled the
// harness's and the suites' functions again, mid-run. Compiling eagerly makes the cache
// carry every function of the trusted scripts (learner code is compiled eagerly too; it
// is at most limits.sourceBytes). The flag is process-wide and V8 reads it at parse
// time; it is set once, before this process compiles or caches any sandbox script, so
// every cache is produced and consumed under the same flags. Measured in decision 024.
let eagerCompilation = false;
function compileEagerly(): void {
  if (eagerCompilation) return;
  setFlagsFromString("--no-lazy");
  eagerCompilation = true;
}

async function prepare(harness: string, limits: JudgeLimits, mark: (stage: SandboxStage) => void): Promise<Prepared> {
  compileEagerly();
  const ivm = loadIsolatedVm();
  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  mark("isolate-create");
  const nonce = randomBytes(16).toString("hex");
  const early: Array<["report" | "log", unknown]> = [];
  let channel: Channel | null = null;
  try {
    const context = await isolate.createContext();
    const jail = context.global;
    await jail.set("__bpReport", new ivm.Callback((raw: unknown) => (channel ? channel.report(raw) : early.push(["report", raw]))));
    await jail.set("__bpLog", new ivm.Callback((text: unknown) => (channel ? channel.log(text) : early.push(["log", text]))));
    await jail.set("__bpConfig", JSON.stringify({ nonce, logLimitBytes: limits.logBytes }));
    mark("context-create");
    const script = await compileTrusted(isolate, harness, "harness.js");
    mark("harness-compile");
    await script.run(context, { timeout: limits.cpuMs });
    mark("harness-run");
    return {
      isolate,
      context,
      nonce,
      listen(next) {
        channel = next;
        for (const [kind, value] of early.splice(0)) next[kind](value);
      },
    };
  } catch (error) {
    if (!isolate.isDisposed) isolate.dispose();
    throw error;
  }
}

// Spare isolates, prepared while the judge waits for its next run so a run starts on a
// ready one. Each is taken by exactly one run and disposed with it: nothing is reused.
const MAX_SPARES = 2;
const MAX_SPARE_KINDS = 4;
const spares = new Map<string, Array<Promise<Prepared>>>();

function spareKey(harness: string, limits: JudgeLimits): string {
  return `${limits.memoryMb}:${limits.logBytes}:${harness}`;
}

function takeSpare(key: string): Promise<Prepared> | undefined {
  return spares.get(key)?.shift();
}

function refillSpares(key: string, harness: string, limits: JudgeLimits): void {
  let list = spares.get(key);
  if (!list) {
    if (spares.size >= MAX_SPARE_KINDS) {
      const [oldestKey, oldest] = spares.entries().next().value as [string, Array<Promise<Prepared>>];
      spares.delete(oldestKey);
      for (const spare of oldest) void spare.then((prepared) => prepared.isolate.dispose(), () => {});
    }
    list = [];
    spares.set(key, list);
  }
  while (list.length < MAX_SPARES) {
    const spare = prepare(harness, limits, () => {});
    spare.catch(() => {}); // a harness that fails here fails again, visibly, in the run that prepares its own
    list.push(spare);
  }
}

/** Drops every spare isolate (tests, and a process about to exit). */
export function disposeSpares(): void {
  for (const list of spares.values()) for (const spare of list) void spare.then((prepared) => prepared.isolate.dispose(), () => {});
  spares.clear();
}

export async function runInSandbox(input: SandboxInput): Promise<SandboxOutcome> {
  const { limits } = input;
  if (input.signal?.aborted) return { kind: "cancelled" };
  const rssBoundBytes = (limits.processRssMb ?? DEFAULT_LIMITS.processRssMb ?? 1024) * MIB;
  // ru_maxrss only grows: a new peak above the bound set during this run catches a spike
  // that came and went between two samples.
  const peakRssAtStart = process.resourceUsage().maxRSS * 1024;
  // Already past the bound: refused before any work, however short the run would be (the
  // 25 ms watch below would never sample a run that finishes sooner).
  if (process.memoryUsage.rss() > rssBoundBytes) {
    return { kind: "memory_limit", tests: [], planned: [], logs: "", message: processMemoryMessage(rssBoundBytes / MIB) };
  }
  const mark = stageClock(input.onStage);
  const key = spareKey(input.harness, limits);
  let prepared: Prepared;
  const spare = takeSpare(key);
  try {
    prepared = spare ? await spare.catch(() => prepare(input.harness, limits, mark)) : await prepare(input.harness, limits, mark);
  } catch (error) {
    return { kind: "broken", tests: [], planned: [], logs: "", message: error instanceof Error ? error.message : String(error) };
  } finally {
    // The next run's isolate is made while this one runs its tests or the judge waits.
    setImmediate(() => refillSpares(key, input.harness, limits));
  }
  if (spare) mark("isolate-create");
  const { isolate, context, nonce } = prepared;

  let logs = "";
  let planned: string[] | null = null;
  const tests: TestOutcome[] = [];
  let done = false;
  let protocolError: string | null = null;
  let loadError: { message: string; line?: number; column?: number } | null = null;
  let expectedSeq = 0;
  let stopReason: "timeout" | "process_memory" | "cancelled" | null = null;
  let phase: Phase = "setup";

  const onReport = (raw: unknown) => {
    if (protocolError) return;
    let message: Message;
    try {
      message = JSON.parse(String(raw)) as Message;
    } catch {
      protocolError = PROTOCOL_ERRORS.unreadable;
      return;
    }
    if (typeof message !== "object" || message === null || message.nonce !== nonce) {
      protocolError = PROTOCOL_ERRORS.nonce;
      return;
    }
    if (done) {
      protocolError = PROTOCOL_ERRORS.afterDone;
      return;
    }
    if (message.seq !== expectedSeq) {
      protocolError = PROTOCOL_ERRORS.order;
      return;
    }
    expectedSeq++;
    switch (message.type) {
      case "plan":
        if (planned) protocolError = PROTOCOL_ERRORS.planTwice;
        else if (!Array.isArray(message.names) || !message.names.every((name) => typeof name === "string")) {
          protocolError = PROTOCOL_ERRORS.badPlan;
        } else planned = [...message.names];
        return;
      case "result": {
        const name = planned?.[tests.length];
        if (name === undefined || message.index !== tests.length || message.name !== name) {
          protocolError = PROTOCOL_ERRORS.mismatch;
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
        if (!loadError && (!planned || tests.length !== planned.length)) protocolError = PROTOCOL_ERRORS.incomplete;
        done = true;
        return;
      default:
        protocolError = PROTOCOL_ERRORS.unknown;
    }
  };
  const onLog = (text: unknown) => {
    if (logs.length >= limits.logBytes) return;
    logs += String(text).slice(0, limits.logBytes - logs.length);
  };

  const stop = (reason: NonNullable<typeof stopReason>) => {
    stopReason ??= reason;
    if (!isolate.isDisposed) isolate.dispose();
  };
  const onAbort = () => stop("cancelled");
  input.signal?.addEventListener("abort", onAbort, { once: true });
  // Aborted while the isolate was being made or taken: the listener came too late to hear it.
  if (input.signal?.aborted) stop("cancelled");
  // The host's own clock: disposing the isolate stops anything, including microtask loops.
  const wallTimer = setTimeout(() => stop("timeout"), limits.wallMs);
  const watch = setInterval(() => {
    if (isolate.isDisposed) return;
    if (isolate.cpuTime > BigInt(limits.cpuMs) * 1_000_000n) stop("timeout");
    else if (process.memoryUsage.rss() > rssBoundBytes) stop("process_memory");
  }, 25);
  const stopped = (): SandboxOutcome | null => {
    if (stopReason === "cancelled") return { kind: "cancelled" };
    if (stopReason === "process_memory" || passedRssBound()) {
      return { kind: "memory_limit", tests, planned: planned ?? [], logs, message: processMemoryMessage(rssBoundBytes / MIB) };
    }
    if (stopReason === "timeout") return { kind: "timeout", tests, planned: planned ?? [], logs, message: timeoutMessage(phase, planned, tests) };
    return null;
  };
  const passedRssBound = () => {
    const peak = process.resourceUsage().maxRSS * 1024;
    return peak > peakRssAtStart && peak > rssBoundBytes;
  };

  prepared.listen({ report: onReport, log: onLog });
  try {
    const jail = context.global;
    const runOptions = { timeout: limits.cpuMs };
    for (const [index, testScript] of input.tests.entries()) {
      const tests = await compileTrusted(isolate, testScript, `tests-${index}.js`);
      mark("tests-compile");
      await tests.run(context, runOptions);
      mark("tests-run");
    }
    const seal = await jail.get("__bpSeal", { reference: true });
    const start = await seal.apply(undefined, [JSON.stringify(input.requiredExports)], {
      timeout: limits.cpuMs,
      result: { reference: true },
    });
    mark("seal");
    phase = "learner-module";
    await (await isolate.compileScript(input.learner, { filename: "learner.js" })).run(context, runOptions);
    mark("learner-load");
    phase = "tests";
    await start.apply(undefined, [], { timeout: limits.cpuMs, result: { promise: true } });
    mark("suite-run");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The isolate's own out-of-memory wins over a CPU watch that fired while V8 was thrashing.
    const memory = /memory limit|out of memory|allocation failed/i.test(message);
    if (memory && stopReason !== "cancelled" && stopReason !== "process_memory" && !passedRssBound()) {
      return { kind: "memory_limit", tests, planned: planned ?? [], logs, message: "The run used more than the memory limit." };
    }
    const early = stopped();
    if (early) return early;
    if (/timed out|timeout/i.test(message)) {
      return { kind: "timeout", tests, planned: planned ?? [], logs, message: timeoutMessage(phase, planned, tests) };
    }
    if (isolate.isDisposed) {
      return { kind: "broken", tests, planned: planned ?? [], logs, message: "The sandbox stopped unexpectedly." };
    }
    // A syntax or runtime error in the learner's top-level script lands here too.
    return { kind: "broken", tests, planned: planned ?? [], logs, message };
  } finally {
    clearTimeout(wallTimer);
    clearInterval(watch);
    input.signal?.removeEventListener("abort", onAbort);
    if (!isolate.isDisposed) isolate.dispose();
    mark("dispose");
  }

  const late = stopped();
  if (late) return late;
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

export const TOP_LEVEL_TIMEOUT = "Time limit exceeded while loading your module (an infinite loop at the top level?).";

function timeoutMessage(phase: Phase, planned: string[] | null, tests: TestOutcome[]): string {
  const running = phase === "tests" ? planned?.[tests.length] : undefined;
  if (running) return `Time limit exceeded while running "${running}" (an infinite loop, or a promise that never settles?).`;
  if (phase === "tests") return "Time limit exceeded after the tests ran.";
  return TOP_LEVEL_TIMEOUT;
}
