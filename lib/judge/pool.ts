// A pool of long-lived judge child processes (lib/judge/pool-child.ts), one job each at
// a time. Learner code can make V8 abort the whole process it runs in (an array grown
// past the isolate's heap limit aborts the host with "heap out of memory": decision 020),
// so judge() runs in children the pool can lose: a child that dies mid-job rejects that
// job with JudgeProcessDiedError and is replaced, other jobs are unaffected, and the pool
// itself never dies. Used by the judge service (lib/judge/service.ts), the queue's judge
// worker and the mutation run.
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { JudgeCancelledError, JudgeInputError, type ChallengeSuite } from "./index";
import type { ChildMessage, JobCost, ParentMessage } from "./pool-protocol";
import type { SandboxStage } from "./stages";
import { DEFAULT_LIMITS, type JudgeLimits, type JudgeMode, type Verdict } from "./verdict";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHILD_ENTRY = path.join(HERE, "pool-child.ts");
/** The project root: tsx and content/ are found from there, whatever the caller's cwd. */
const ROOT = path.resolve(HERE, "../..");
const MIB = 1024 * 1024;
const OUTPUT_TAIL_CHARS = 4096;

/**
 * The only variables a judge child gets (least privilege, decision 012): what Node and
 * content loading need. Never DATABASE_URL, JUDGE_SECRET or the app's auth secrets.
 */
export const JUDGE_CHILD_ENV_PASSES = ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "TZ", "NODE_ENV", "BLUEPRINT_CONTENT_DIR", "JUDGE_MAX_RSS_MB"] as const;

export function judgeChildEnvironment(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const picked: Record<string, string> = {};
  for (const name of JUDGE_CHILD_ENV_PASSES) {
    const value = source[name];
    if (value !== undefined) picked[name] = value;
  }
  // NODE_ENV spelled out for the type (Next.js declares it); fork drops it when undefined.
  return { ...picked, NODE_ENV: source.NODE_ENV };
}

export interface JudgeJob {
  challengeId: string;
  mode: JudgeMode;
  code: string;
  /** Judge against this suite instead of loading challengeId's from content/ (the mutation run pins the suite it checked). */
  suite?: ChallengeSuite;
}

export interface JudgeRunOptions {
  /** Abort to drop the job: a queued job never starts, a running one is cancelled in its child (or the child is killed). */
  signal?: AbortSignal;
  /** This job's limits instead of the pool's. */
  limits?: JudgeLimits;
}

export interface JudgePoolOptions {
  /** Children, one job each at a time. Default: one per core. */
  size?: number;
  /** Limits of every run (default DEFAULT_LIMITS); processRssMb is also each child's resident-memory bound. */
  limits?: JudgeLimits;
  /** A child whose resident size is above this (MiB) after a job is replaced. Default: limits.processRssMb. */
  maxRssMb?: number;
  /** How long a child has to confirm a cancellation before it is killed. 0: kill at once. Default 2000. */
  cancelGraceMs?: number;
  /** Where the allow-listed variables are read from at each spawn (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Do not copy the children's stdout and stderr to this process's (tests: V8's abort report is long). */
  quiet?: boolean;
  onEvent?: (event: JudgePoolEvent) => void;
}

/** What happened to the pool's children, for logs, metrics and tests. */
export type JudgePoolEvent =
  | { type: "spawned"; pid: number }
  | { type: "ready"; pid: number }
  | { type: "started"; pid: number; jobId: number; challengeId: string }
  | { type: "finished"; pid: number; jobId: number; challengeId: string; rssMb: number; cpuMs: number; stages: SandboxStage[] }
  | { type: "cancelled"; pid: number; jobId: number; how: "answered" | "killed" }
  | { type: "recycled"; pid: number; rssMb: number }
  | { type: "died"; pid: number; signal: NodeJS.Signals | null; exitCode: number | null; during: "job" | "idle" | "startup"; rssMb?: number };

/** The child running a job died (a signal, or an exit) before it answered. */
export class JudgeProcessDiedError extends Error {
  override name = "JudgeProcessDiedError";
  readonly pid: number;
  readonly signal: NodeJS.Signals | null;
  readonly exitCode: number | null;
  /** The child's last reported resident size, MiB (reported every 100 ms of a job). */
  readonly rssMb: number | undefined;
  /** What the child's last words say, when they say something we recognise. */
  readonly reason: string | undefined;
  readonly challengeId: string;

  constructor(details: { pid: number; signal: NodeJS.Signals | null; exitCode: number | null; rssMb?: number; cause?: string; challengeId: string }) {
    const how = details.signal ?? `exit code ${details.exitCode ?? "unknown"}`;
    const rss = details.rssMb === undefined ? "" : `, ${details.rssMb} MB resident when last seen`;
    super(`the judge process ${details.pid} died while judging ${details.challengeId} (${how}${rss})${details.cause ? `: ${details.cause}` : ""}`);
    this.pid = details.pid;
    this.signal = details.signal;
    this.exitCode = details.exitCode;
    this.rssMb = details.rssMb;
    this.reason = details.cause;
    this.challengeId = details.challengeId;
  }
}

/** The child knows no challenge by that id. */
export class UnknownChallengeError extends Error {
  override name = "UnknownChallengeError";
}

/** The pool was closed before the job got a verdict. */
export class JudgePoolClosedError extends Error {
  override name = "JudgePoolClosedError";
}

/** The learner-facing words for a program that killed its judge process twice. */
export const REPEATED_CRASH_MESSAGE =
  "The program crashed the judge process twice; out of memory? An array, string or typed array that grows without bound can make V8 abort the whole process, beyond the 64 MB heap limit.";

/**
 * The verdict for a job whose child died on it twice (the rule of the judge service and the
 * queue's worker: one retry, then this). Shaped like a module-load failure: no tests ran.
 */
export function verdictForRepeatedCrash(challengeId: string, mode: JudgeMode, error: JudgeProcessDiedError): Verdict {
  const how = error.signal ?? `exit code ${error.exitCode ?? "unknown"}`;
  return {
    challengeId,
    mode,
    verdict: "runtime_error",
    passed: 0,
    failed: 0,
    total: 0,
    tests: [],
    diagnostics: [{ line: 1, column: 1, message: `${REPEATED_CRASH_MESSAGE} (${how}${error.reason ? `: ${error.reason}` : ""})` }],
    logs: "",
    durationMs: 0,
  };
}

/**
 * pool.run with the retry rule: a job whose child died is run once more (the death may
 * have been another cause: the machine's OOM killer, a stray signal); a second death
 * becomes verdictForRepeatedCrash.
 */
export async function runWithCrashRetry(
  pool: JudgePool,
  job: JudgeJob,
  options: JudgeRunOptions & { onCrash?: (error: JudgeProcessDiedError, attempt: 1 | 2) => void } = {},
): Promise<Verdict> {
  try {
    return await pool.run(job, options);
  } catch (error) {
    if (!(error instanceof JudgeProcessDiedError)) throw error;
    options.onCrash?.(error, 1);
  }
  try {
    return await pool.run(job, options);
  } catch (error) {
    if (!(error instanceof JudgeProcessDiedError)) throw error;
    options.onCrash?.(error, 2);
    return verdictForRepeatedCrash(job.challengeId, job.mode, error);
  }
}

export interface JudgePoolStats {
  size: number;
  /** Children started and listening. */
  ready: number;
  busy: number;
  queued: number;
}

export interface JudgePool {
  run(job: JudgeJob, options?: JudgeRunOptions): Promise<Verdict>;
  /** Resolves once every child of the pool has started (the first run does not pay for a start). */
  ready(): Promise<void>;
  stats(): JudgePoolStats;
  /** Rejects queued and running jobs with JudgePoolClosedError and ends every child. */
  close(): Promise<void>;
}

interface Pending {
  job: JudgeJob;
  limits: JudgeLimits;
  signal: AbortSignal | undefined;
  resolve(verdict: Verdict): void;
  reject(error: Error): void;
  onAbort?: () => void;
}

interface Running extends Pending {
  id: number;
  /** The caller gave up; the child was asked to stop. */
  cancelling: boolean;
  graceTimer?: NodeJS.Timeout;
}

interface Slot {
  proc: ChildProcess;
  pid: number;
  ready: boolean;
  job: Running | null;
  /** Killed on purpose (recycled, cancelled too slowly, pool closed): its death is no one's job's. */
  retiring: boolean;
  rssBytes: number | undefined;
  /** The end of what the child printed (learner code cannot print here: its console is captured in the isolate). */
  outputTail: string;
}

/** The last line of V8's report that names why it aborted, if any (exported for its test). */
export function crashCauseFrom(output: string): string | undefined {
  if (/heap out of memory|is_heap_oom = 1|CALL_AND_RETRY_LAST|Allocation failed/i.test(output)) return "V8 ran out of heap memory and aborted the process";
  const fatal = /Fatal error[^\n]*|FATAL ERROR[^\n]*|Check failed[^\n]*/.exec(output);
  return fatal?.[0]?.trim();
}

export function createJudgePool(options: JudgePoolOptions = {}): JudgePool {
  const size = options.size ?? Math.max(1, os.availableParallelism());
  if (!Number.isInteger(size) || size < 1) throw new Error(`a judge pool needs at least one child (got ${size})`);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const maxRssBytes = (options.maxRssMb ?? limits.processRssMb ?? DEFAULT_LIMITS.processRssMb ?? 1024) * MIB;
  const cancelGraceMs = options.cancelGraceMs ?? 2000;
  const emit = options.onEvent ?? (() => {});

  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  const readyWaiters: Array<() => void> = [];
  const closeWaiters: Array<() => void> = [];
  let closed = false;
  let nextJobId = 1;
  /** Children in a row that died before they were ready: their restarts back off. */
  let startFailures = 0;

  const readyCount = () => [...slots].filter((slot) => slot.ready && !slot.retiring).length;

  function spawn(): void {
    const proc = fork(CHILD_ENTRY, [], {
      cwd: ROOT,
      env: judgeChildEnvironment(options.env ?? process.env),
      // isolated-vm 5 on Node 20 needs V8's startup snapshot off, as in the judge's scripts.
      execArgv: ["--no-node-snapshot", "--import", "tsx"],
      // Both piped: V8 prints its heap report on stdout and its fatal error on stderr.
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
    const slot: Slot = { proc, pid: proc.pid ?? -1, ready: false, job: null, retiring: false, rssBytes: undefined, outputTail: "" };
    slots.add(slot);
    emit({ type: "spawned", pid: slot.pid });
    for (const [stream, copyTo] of [
      [proc.stdout, process.stdout],
      [proc.stderr, process.stderr],
    ] as const) {
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        slot.outputTail = (slot.outputTail + chunk).slice(-OUTPUT_TAIL_CHARS);
        if (!options.quiet) copyTo.write(chunk);
      });
    }
    proc.on("message", (message: ChildMessage) => onMessage(slot, message));
    // A failed send or spawn ends in "close" too; nothing to do here but not throw.
    proc.on("error", () => {});
    // "close", not "exit": its output is drained by then, so V8's last words are in the tail.
    proc.on("close", (exitCode, signal) => onClose(slot, exitCode, signal));
  }

  function onMessage(slot: Slot, message: ChildMessage): void {
    if (message.type === "ready") {
      slot.ready = true;
      startFailures = 0;
      emit({ type: "ready", pid: slot.pid });
      if (readyCount() >= size) for (const wake of readyWaiters.splice(0)) wake();
      dispatch();
      return;
    }
    const job = slot.job;
    if (!job || message.id !== job.id) return;
    if (message.type === "rss") {
      slot.rssBytes = message.rssBytes;
      return;
    }
    finish(slot, job, message);
  }

  function finish(slot: Slot, job: Running, message: Extract<ChildMessage, { type: "verdict" | "failed" }>): void {
    clearTimeout(job.graceTimer);
    slot.job = null;
    slot.rssBytes = message.rssBytes;
    detach(job);
    const cost: JobCost = message;
    emit({ type: "finished", pid: slot.pid, jobId: job.id, challengeId: job.job.challengeId, rssMb: Math.round(cost.rssBytes / MIB), cpuMs: cost.cpuMs, stages: cost.stages });
    if (job.cancelling) {
      emit({ type: "cancelled", pid: slot.pid, jobId: job.id, how: "answered" });
      job.reject(new JudgeCancelledError("the caller went away before the verdict"));
    } else if (message.type === "verdict") job.resolve(message.verdict);
    else if (message.kind === "cancelled") job.reject(new JudgeCancelledError(message.message));
    else if (message.kind === "input") job.reject(new JudgeInputError(message.message));
    else if (message.kind === "unknown_challenge") job.reject(new UnknownChallengeError(message.message));
    else job.reject(new Error(`the judge failed: ${message.message}`));

    if (message.rssBytes > maxRssBytes) {
      // Idle and over its bound: every further run in it would be refused with memory_limit.
      emit({ type: "recycled", pid: slot.pid, rssMb: Math.round(message.rssBytes / MIB) });
      retire(slot);
    }
    dispatch();
  }

  function retire(slot: Slot): void {
    slot.retiring = true;
    slot.proc.kill("SIGKILL");
  }

  function onClose(slot: Slot, exitCode: number | null, signal: NodeJS.Signals | null): void {
    slots.delete(slot);
    const job = slot.job;
    slot.job = null;
    const rssMb = slot.rssBytes === undefined ? undefined : Math.round(slot.rssBytes / MIB);
    const during = job ? "job" : slot.ready ? "idle" : "startup";
    if (!slot.retiring) emit({ type: "died", pid: slot.pid, signal, exitCode, during, ...(rssMb === undefined ? {} : { rssMb }) });
    if (job) {
      clearTimeout(job.graceTimer);
      detach(job);
      if (job.cancelling) job.reject(new JudgeCancelledError("the caller went away before the verdict"));
      else {
        const cause = crashCauseFrom(slot.outputTail);
        job.reject(
          new JudgeProcessDiedError({ pid: slot.pid, signal, exitCode, challengeId: job.job.challengeId, ...(rssMb === undefined ? {} : { rssMb }), ...(cause ? { cause } : {}) }),
        );
      }
    }
    if (closed) {
      if (slots.size === 0) for (const wake of closeWaiters.splice(0)) wake();
      return;
    }
    if (!slot.ready && !slot.retiring) {
      // A child that cannot start (a broken install, say) must not be restarted in a hot loop.
      startFailures++;
      setTimeout(() => !closed && spawn(), Math.min(5000, 100 * 2 ** (startFailures - 1)));
    } else spawn();
  }

  function detach(job: Pending): void {
    if (job.onAbort) job.signal?.removeEventListener("abort", job.onAbort);
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (!slot.ready || slot.retiring || slot.job) continue;
      const pending = queue.shift()!;
      const job: Running = { ...pending, id: nextJobId++, cancelling: false };
      slot.job = job;
      slot.rssBytes = undefined;
      // The abort listener now cancels in the child instead of leaving the queue.
      detach(pending);
      job.onAbort = () => cancelRunning(slot, job);
      job.signal?.addEventListener("abort", job.onAbort, { once: true });
      const message: ParentMessage = {
        type: "job",
        id: job.id,
        mode: job.job.mode,
        code: job.job.code,
        limits: job.limits,
        ...(job.job.suite ? { suite: job.job.suite } : { challengeId: job.job.challengeId }),
      };
      slot.proc.send(message, () => {});
      emit({ type: "started", pid: slot.pid, jobId: job.id, challengeId: job.job.challengeId });
    }
  }

  function cancelRunning(slot: Slot, job: Running): void {
    if (slot.job !== job || job.cancelling) return;
    job.cancelling = true;
    const kill = () => {
      if (slot.job !== job) return;
      slot.job = null;
      emit({ type: "cancelled", pid: slot.pid, jobId: job.id, how: "killed" });
      job.reject(new JudgeCancelledError("the caller went away before the verdict"));
      retire(slot);
    };
    if (cancelGraceMs === 0) return kill();
    const message: ParentMessage = { type: "cancel", id: job.id };
    slot.proc.send(message, () => {});
    job.graceTimer = setTimeout(kill, cancelGraceMs);
  }

  for (let i = 0; i < size; i++) spawn();

  return {
    run(job, runOptions = {}) {
      return new Promise<Verdict>((resolve, reject) => {
        if (closed) return reject(new JudgePoolClosedError("the judge pool is closed"));
        const signal = runOptions.signal;
        if (signal?.aborted) return reject(new JudgeCancelledError("dropped before it was queued"));
        const pending: Pending = { job, limits: runOptions.limits ?? limits, signal, resolve, reject };
        pending.onAbort = () => {
          const index = queue.indexOf(pending);
          if (index < 0) return;
          queue.splice(index, 1);
          reject(new JudgeCancelledError("dropped from the queue"));
        };
        signal?.addEventListener("abort", pending.onAbort, { once: true });
        queue.push(pending);
        dispatch();
      });
    },
    ready() {
      if (readyCount() >= size) return Promise.resolve();
      return new Promise((resolve) => readyWaiters.push(resolve));
    },
    stats() {
      const live = [...slots].filter((slot) => !slot.retiring);
      return { size, ready: live.filter((slot) => slot.ready).length, busy: live.filter((slot) => slot.job).length, queued: queue.length };
    },
    close() {
      if (!closed) {
        closed = true;
        for (const pending of queue.splice(0)) {
          detach(pending);
          pending.reject(new JudgePoolClosedError("the judge pool closed before the job started"));
        }
        for (const slot of slots) {
          const job = slot.job;
          slot.job = null;
          if (job) {
            clearTimeout(job.graceTimer);
            detach(job);
            job.reject(new JudgePoolClosedError("the judge pool closed during the job"));
          }
          retire(slot);
        }
        for (const wake of readyWaiters.splice(0)) wake();
      }
      if (slots.size === 0) return Promise.resolve();
      return new Promise((resolve) => closeWaiters.push(resolve));
    },
  };
}
