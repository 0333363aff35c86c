// How full the queue is and who is there to drain it: one query, used by the health
// report (stats.ts) and, inside the enqueue statement, by backpressure.
import type pg from "pg";

/** A worker row is live while its last beat is younger than its own lease. */
export const LIVE_WORKER = `"lastBeat" + "leaseMs" * interval '1 millisecond' > now()`;
/** A job counts toward the depth while it waits or runs. */
export const UNFINISHED = `status IN ('queued', 'running')`;

export interface QueueState {
  depth: number;
  oldestJobAgeMs: number | null;
  liveWorkers: number;
}

export async function readQueueState(client: pg.Pool | pg.PoolClient | pg.Client): Promise<QueueState> {
  const { rows } = await client.query<{ depth: number; oldest: number | null; live: number }>(`
    SELECT (SELECT count(*)::int FROM "JudgeJob" WHERE ${UNFINISHED}) AS depth,
           (SELECT (extract(epoch FROM now() - min("createdAt")) * 1000)::float8 FROM "JudgeJob" WHERE ${UNFINISHED}) AS oldest,
           (SELECT count(*)::int FROM "JudgeWorker" WHERE ${LIVE_WORKER}) AS live`);
  const row = rows[0]!;
  return { depth: row.depth, oldestJobAgeMs: row.oldest === null ? null : Math.max(0, Math.round(row.oldest)), liveWorkers: row.live };
}
