// A judge worker process's queue side: graphile-worker takes jobs (LISTEN/NOTIFY on insert, a
// 1 s poll as a backstop), this file claims each job in our JudgeJob row, counts its starts,
// has it judged, and stores the verdict with its NOTIFY in one statement. Judging itself is
// given (scripts/judge-worker.ts passes the judge pool), so this file runs no learner code.
import { EventEmitter } from "node:events";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { run, type Runner, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import type { JudgeMode, Verdict } from "../judge/verdict";
import { BEAT_MS, MAX_ATTEMPTS } from "./config";
import { JUDGE_TASK } from "./enqueue";
import { beat, retire, sweep } from "./lease";
import { DONE_CHANNEL, INLINE_VERDICT_BYTES } from "./messages";
import { quietLogger } from "./worker-logger";

export interface ClaimedJob {
  jobId: string;
  requestId: string | null;
  challengeId: string;
  mode: JudgeMode;
  code: string;
  /** 1 for the first start; 2 when a worker (or a judge child) died on the first. */
  attempt: number;
}

/** Thrown by `judge` when the process running the program died: the job is started again, at most MAX_ATTEMPTS times in all. */
export type IsCrash = (error: unknown) => boolean;

export interface JudgeWorkerOptions {
  databaseUrl: string;
  concurrency: number;
  leaseMs: number;
  judge(job: ClaimedJob): Promise<Verdict>;
  isCrash: IsCrash;
  /** The verdict for a job started MAX_ATTEMPTS times whose every start died. */
  crashedTwice(job: ClaimedJob, lastError: unknown): Verdict;
  /** One call per job handled (a JSON log line in the worker script). */
  onJob?(fields: JobLog): void;
  onError?(error: unknown, during: string): void;
}

export interface JobLog {
  requestId: string | null;
  jobId: string;
  challengeId: string;
  mode: JudgeMode;
  verdict: string;
  queueWaitMs: number;
  judgeMs: number;
  attempt: number;
  /** false: the caller had given up (not judged) or another worker stored the verdict first. */
  stored: boolean;
  workerId: string;
}

export interface RunningWorker {
  id: string;
  /** Graceful: stop taking jobs, finish the ones running, then leave (graphile-worker releases any past its abort timeout). */
  stop(): Promise<void>;
}

export async function startJudgeWorker(options: JudgeWorkerOptions): Promise<RunningWorker> {
  const id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.concurrency + 3 });
  pool.on("error", (error) => options.onError?.(error, "idle connection"));
  pool.on("connect", (client) => client.on("error", (error) => options.onError?.(error, "connection")));
  const slotIds: string[] = [];
  const row = () => ({ id, slotIds: [...slotIds], concurrency: options.concurrency, leaseMs: options.leaseMs });
  // Beat before taking any job, and again once graphile-worker names its pool (before it takes one).
  await beat(pool, row());
  const events: WorkerEvents = new EventEmitter();
  // graphile-worker 0.17 locks jobs in its pool's name (locked_by = the pool id), so that id is
  // what the row must name for the sweeper to know these locks are alive.
  events.on("pool:create", ({ workerPool }) => {
    slotIds.push(workerPool.id);
    beat(pool, row()).catch((error: unknown) => options.onError?.(error, "beat"));
  });

  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: BEAT_MS,
    logger: quietLogger,
    events,
    taskList: {
      [JUDGE_TASK]: async (payload, helpers) => {
        const jobId = (payload as { jobId?: unknown }).jobId;
        if (typeof jobId !== "string") return;
        await handle(jobId, helpers.job.locked_by ?? id);
      },
    },
  });

  const timer = setInterval(() => {
    beat(pool, row())
      .then(() => sweep(pool, options.leaseMs))
      .catch((error: unknown) => options.onError?.(error, "beat"));
  }, BEAT_MS);

  async function claim(jobId: string, slot: string) {
    const { rows } = await pool.query<{ attempts: number; challengeId: string; mode: JudgeMode; code: string; requestId: string | null }>(
      `UPDATE "JudgeJob" SET "status" = 'running', "attempts" = "attempts" + 1, "workerId" = $2, "startedAt" = now()
       WHERE "id" = $1 AND "status" IN ('queued', 'running')
       RETURNING "attempts", "challengeId", "mode"::text AS mode, "code", "requestId"`,
      [jobId, slot],
    );
    const found = rows[0];
    return found ? { jobId, requestId: found.requestId, challengeId: found.challengeId, mode: found.mode, code: found.code, attempt: found.attempts } : undefined;
  }

  async function handle(jobId: string, slot: string): Promise<void> {
    let job = await claim(jobId, slot);
    // Already judged, or its caller gave up: nothing to do.
    if (!job) return;
    let verdict: Verdict | undefined;
    let lastError: unknown;
    const started = performance.now();
    while (!verdict) {
      if (job.attempt > MAX_ATTEMPTS) {
        verdict = options.crashedTwice(job, lastError);
        break;
      }
      try {
        verdict = await options.judge(job);
      } catch (error) {
        if (!options.isCrash(error)) throw error;
        lastError = error;
        // The judge child died; this worker lives. Count a start as a dead worker's would count.
        const again = await claim(jobId, slot);
        if (!again) return;
        job = again;
      }
    }
    const judgeMs = performance.now() - started;
    const text = JSON.stringify(verdict);
    const inline = Buffer.byteLength(text) < INLINE_VERDICT_BYTES;
    // UPDATE and NOTIFY in one statement (one transaction): the app hears only of stored verdicts.
    // "workerId" = slot fences a worker presumed dead whose job went to another.
    const { rows } = await pool.query<{ q: number }>(
      `WITH done AS (
         UPDATE "JudgeJob" SET "status" = 'done', "verdict" = $3::jsonb, "finishedAt" = now()
         WHERE "id" = $1 AND "status" = 'running' AND "workerId" = $2
         RETURNING "id", "attempts", (extract(epoch FROM "startedAt" - "createdAt") * 1000)::float8 AS q,
                   (extract(epoch FROM now() - "startedAt") * 1000)::float8 AS j
       )
       SELECT q, pg_notify($4, json_build_object('id', "id", 'q', q, 'j', j, 'a', "attempts", 'v', CASE WHEN $5 THEN $3::jsonb END)::text)
       FROM done`,
      [jobId, slot, text, DONE_CHANNEL, inline],
    );
    const queueWaitMs = rows[0]?.q ?? -1;
    options.onJob?.({
      requestId: job.requestId,
      jobId,
      challengeId: job.challengeId,
      mode: job.mode,
      verdict: verdict.verdict,
      queueWaitMs: Math.round(queueWaitMs),
      judgeMs: Math.round(judgeMs),
      attempt: job.attempt,
      stored: rows.length === 1,
      workerId: id,
    });
  }

  return {
    id,
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await retire(pool, id).catch(() => {});
      await pool.end();
    },
  };
}
