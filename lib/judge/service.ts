// The judge as an HTTP service on loopback: one process of its own (isolated-vm
// must not run inside Next.js), a shared secret, a bounded queue, 503 when full.
// A job lives only as long as its caller: when the caller disconnects, or the budget
// it sent in x-judge-timeout-ms runs out, a queued job is dropped and a running one's
// isolate is disposed (504 if the caller is still there to hear it).
// Runs happen in the judge pool's child processes (lib/judge/pool.ts, decision 020): a
// program that kills its child is run once more, and a second death answers runtime_error;
// the service itself never runs learner code, so nothing a program does takes it down.
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import os from "node:os";
import { JudgeCancelledError, JudgeInputError, type ChallengeSuite } from "./index";
import { createJudgePool, JudgePoolClosedError, runWithCrashRetry, UnknownChallengeError, type JudgePool, type JudgePoolEvent } from "./pool";
import { DEFAULT_LIMITS, JUDGE_MODES, type JudgeLimits, type JudgeMode } from "./verdict";

/** What happened to a job, for logs and tests. */
export type JudgeServiceEvent =
  | { type: "queued" | "started" | "finished"; challengeId: string }
  | { type: "cancelled"; challengeId: string; while: "queued" | "running"; reason: "disconnected" | "deadline" }
  | { type: "crashed"; challengeId: string; attempt: 1 | 2; signal: NodeJS.Signals | null; exitCode: number | null };

export interface JudgeServiceOptions {
  secret: string;
  /**
   * Answers 404 for an unknown challenge before anything is queued. The judge child loads
   * the suite itself, from the same content/, so only the id and the code cross its pipe.
   */
  loadSuite(challengeId: string): ChallengeSuite | undefined;
  concurrency?: number;
  maxQueue?: number;
  limits?: JudgeLimits;
  onEvent?: (event: JudgeServiceEvent) => void;
  /**
   * The pool to run in (scripts/judge-server.ts makes one and waits for it to start). Without
   * one the service makes its own of `concurrency` children and closes it when it closes.
   */
  pool?: JudgePool;
  /** The own pool's events (children started, died, recycled over their memory bound). */
  onPoolEvent?: (event: JudgePoolEvent) => void;
}

export const MAX_BODY_BYTES = 256 * 1024;
/** The header a caller sends its remaining patience in; the service never waits longer. */
export const TIMEOUT_HEADER = "x-judge-timeout-ms";
export const MAX_TIMEOUT_MS = 120_000;

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function secretMatches(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createJudgeService(options: JudgeServiceOptions): http.Server {
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism());
  const maxQueue = options.maxQueue ?? concurrency * 8;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const onEvent = options.onEvent ?? (() => {});
  const pool = options.pool ?? createJudgePool({ size: concurrency, limits, ...(options.onPoolEvent ? { onEvent: options.onPoolEvent } : {}) });
  let running = 0;
  const waiting: Array<() => void> = [];

  /** Resolves when a slot is free; rejects (and leaves the queue) if the job is cancelled first. */
  const acquire = (signal: AbortSignal, challengeId: string) =>
    new Promise<void>((resolve, reject) => {
      if (running < concurrency) {
        running++;
        resolve();
        return;
      }
      const start = () => {
        signal.removeEventListener("abort", drop);
        resolve();
      };
      const drop = () => {
        const index = waiting.indexOf(start);
        if (index >= 0) waiting.splice(index, 1);
        reject(new JudgeCancelledError("dropped from the queue"));
      };
      signal.addEventListener("abort", drop, { once: true });
      waiting.push(start);
      onEvent({ type: "queued", challengeId });
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      send(res, 200, { ok: true, running, queued: waiting.length, children: pool.stats().ready });
      return;
    }
    if (req.method !== "POST" || req.url !== "/judge") {
      send(res, 404, { error: "not found" });
      return;
    }
    if (!secretMatches(req.headers["x-judge-secret"] as string | undefined, options.secret)) {
      send(res, 401, { error: "bad judge secret" });
      return;
    }
    const timeoutHeader = req.headers[TIMEOUT_HEADER];
    const timeoutMs = timeoutHeader === undefined ? MAX_TIMEOUT_MS : Number(timeoutHeader);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      send(res, 400, { error: `${TIMEOUT_HEADER} must be a positive whole number of milliseconds` });
      return;
    }
    // The job's lifetime: the caller hanging up or its budget running out ends it.
    const job = new AbortController();
    let reason: "disconnected" | "deadline" = "disconnected";
    const deadline = setTimeout(() => {
      reason = "deadline";
      job.abort();
    }, Math.min(timeoutMs, MAX_TIMEOUT_MS));
    res.on("close", () => {
      clearTimeout(deadline);
      if (!res.writableFinished) job.abort();
    });

    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        send(res, 413, { error: "request body too large" });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", async () => {
      if (res.headersSent) return;
      let body: { challengeId?: unknown; mode?: unknown; code?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
      } catch {
        send(res, 400, { error: "body is not valid JSON" });
        return;
      }
      if (typeof body.code !== "string") return send(res, 400, { error: "code must be a string" });
      if (typeof body.challengeId !== "string") return send(res, 400, { error: "challengeId must be a string" });
      if (!JUDGE_MODES.includes(body.mode as JudgeMode)) return send(res, 400, { error: 'mode must be "run" or "submit"' });
      const suite = options.loadSuite(body.challengeId);
      if (!suite) return send(res, 404, { error: `unknown challenge "${body.challengeId}"` });
      if (running >= concurrency && waiting.length >= maxQueue) {
        send(res, 503, { error: "the judge is busy; try again in a moment" }, { "retry-after": "2" });
        return;
      }
      const challengeId = body.challengeId;
      const cancelled = (phase: "queued" | "running") => {
        onEvent({ type: "cancelled", challengeId, while: phase, reason });
        if (!res.writableEnded && !res.destroyed) send(res, 504, { error: "the run's deadline passed before it finished" });
      };
      try {
        await acquire(job.signal, challengeId);
      } catch {
        cancelled("queued");
        return;
      }
      try {
        onEvent({ type: "started", challengeId });
        const verdict = await runWithCrashRetry(
          pool,
          { challengeId, mode: body.mode as JudgeMode, code: body.code },
          {
            signal: job.signal,
            limits,
            onCrash: (error, attempt) => onEvent({ type: "crashed", challengeId, attempt, signal: error.signal, exitCode: error.exitCode }),
          },
        );
        onEvent({ type: "finished", challengeId });
        send(res, 200, verdict);
      } catch (error) {
        if (error instanceof JudgeCancelledError) cancelled("running");
        else if (error instanceof JudgeInputError) send(res, 413, { error: error.message });
        else if (error instanceof UnknownChallengeError) send(res, 404, { error: error.message });
        else if (error instanceof JudgePoolClosedError) send(res, 503, { error: "the judge is shutting down; try again in a moment" }, { "retry-after": "2" });
        else send(res, 500, { error: "the judge failed unexpectedly" });
      } finally {
        clearTimeout(deadline);
        release();
      }
    });
  });
  if (!options.pool) server.on("close", () => void pool.close());
  return server;
}
