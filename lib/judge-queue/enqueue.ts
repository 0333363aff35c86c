// The app's half of putting a job on the queue: one statement that checks there is a live
// worker and room in the queue, and only then inserts our JudgeJob row and graphile-worker's job
// (graphile_worker.add_job, which NOTIFYs the workers). Refused jobs leave no row behind.
import type pg from "pg";
import { DEPTH_PER_WORKER, type QueueConfig } from "./config";
import { LIVE_WORKER, UNFINISHED } from "./state";
import type { JudgeMode } from "../judge/verdict";

/** graphile-worker's task name for a judge job. */
export const JUDGE_TASK = "judge";

export interface NewJob {
  id: string;
  learnerId: string;
  requestId: string | undefined;
  challengeId: string;
  mode: JudgeMode;
  code: string;
}

export type EnqueueOutcome =
  | { queued: true; depth: number; liveWorkers: number }
  | { queued: false; reason: "no_worker" | "full"; depth: number; liveWorkers: number; maxDepth: number };

export async function enqueueJob(client: pg.Pool | pg.Client, job: NewJob, config: Pick<QueueConfig, "maxDepth">): Promise<EnqueueOutcome> {
  let result;
  try {
    result = await client.query<{ live: number; depth: number; added: number }>(
    `WITH live AS (SELECT count(*)::int AS n FROM "JudgeWorker" WHERE ${LIVE_WORKER}),
          depth AS (SELECT count(*)::int AS n FROM "JudgeJob" WHERE ${UNFINISHED}),
          ins AS (
            INSERT INTO "JudgeJob" ("id", "learnerId", "requestId", "challengeId", "mode", "code")
            SELECT $1::uuid, $2::uuid, $3, $4, $5::"JudgeMode", $6 FROM live, depth
            WHERE live.n > 0 AND depth.n < COALESCE($7::int, $8::int * live.n)
            RETURNING "id"
          ),
          job AS (SELECT graphile_worker.add_job($9, json_build_object('jobId', "id"), max_attempts := 5) AS added FROM ins)
     SELECT live.n AS live, depth.n AS depth, (SELECT count(*)::int FROM job) AS added FROM live, depth`,
    [job.id, job.learnerId, job.requestId ?? null, job.challengeId, job.mode, job.code, config.maxDepth, DEPTH_PER_WORKER, JUDGE_TASK],
    );
  } catch (error) {
    // graphile-worker's schema is made by its migrations, which every worker runs as it starts:
    // without it no worker has ever run against this database.
    const code = (error as { code?: string }).code;
    if (code === "3F000" || code === "42883") return { queued: false, reason: "no_worker", depth: 0, liveWorkers: 0, maxDepth: config.maxDepth ?? 0 };
    throw error;
  }
  const row = result.rows[0]!;
  if (row.added === 1) return { queued: true, depth: row.depth, liveWorkers: row.live };
  const maxDepth = config.maxDepth ?? DEPTH_PER_WORKER * row.live;
  return { queued: false, reason: row.live === 0 ? "no_worker" : "full", depth: row.depth, liveWorkers: row.live, maxDepth };
}
