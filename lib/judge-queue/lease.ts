// The short lease (decision 019). graphile-worker leaves a crashed worker's jobs locked for
// 4 hours; a learner waits 30 s at most. So every worker process beats once a second in a
// JudgeWorker row that names its graphile-worker slots and its own lease, and a sweeper (each
// worker, and the app while a learner waits) unlocks jobs locked by any slot that no live row
// names once the lock is older than the lease, with graphile-worker's force_unlock_workers,
// then nudges the workers (graphile-worker's own jobs:insert channel) to take them at once.
import os from "node:os";
import type pg from "pg";
import { LIVE_WORKER } from "./state";

export interface WorkerRow {
  id: string;
  slotIds: string[];
  concurrency: number;
  leaseMs: number;
}

/** Inserts or refreshes this process's row; the database's clock decides, so workers' clocks may differ. */
export async function beat(client: pg.Pool | pg.Client, row: WorkerRow): Promise<void> {
  await client.query(
    `INSERT INTO "JudgeWorker" ("id", "slotIds", "concurrency", "leaseMs", "host", "pid", "lastBeat")
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT ("id") DO UPDATE SET "slotIds" = EXCLUDED."slotIds", "lastBeat" = now()`,
    [row.id, row.slotIds, row.concurrency, row.leaseMs, os.hostname(), process.pid],
  );
}

/** A worker that stops cleanly says so at once instead of waiting out its lease. */
export async function retire(client: pg.Pool | pg.Client, id: string): Promise<void> {
  await client.query(`DELETE FROM "JudgeWorker" WHERE "id" = $1`, [id]);
}

/**
 * Unlocks the jobs of dead workers (and of slots no row names, e.g. a process that died before
 * its first beat) and forgets long-dead rows. Returns the slot ids it unlocked.
 */
export async function sweep(client: pg.Pool | pg.Client, leaseMs: number): Promise<string[]> {
  const { rows } = await client.query<{ locked_by: string }>(
    `SELECT DISTINCT locked_by FROM graphile_worker.jobs
     WHERE locked_by IS NOT NULL AND locked_at < now() - $1 * interval '1 millisecond'
       AND locked_by NOT IN (SELECT unnest("slotIds") FROM "JudgeWorker" WHERE ${LIVE_WORKER})`,
    [leaseMs],
  );
  const dead = rows.map((row) => row.locked_by);
  if (dead.length > 0) {
    await client.query(
      `SELECT graphile_worker.force_unlock_workers($1::text[]), pg_notify('jobs:insert', json_build_object('count', $2::int)::text)`,
      [dead, dead.length],
    );
  }
  // Rows dead for ten leases are only noise in the health report's history.
  await client.query(`DELETE FROM "JudgeWorker" WHERE "lastBeat" + "leaseMs" * interval '10 millisecond' < now()`);
  return dead;
}
