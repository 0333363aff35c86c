// Anonymous learners nobody has used for 30 days are deleted, with everything they own
// (cascades): a client that drops its cookie leaves a learner behind on every visit.
// Finished judge jobs and dead workers' heartbeat rows go after a day (the verdict lives on in Submission).
// Accounts' learners are never touched. Run by scripts/start-stack.ts on start and
// daily, so it uses plain pg (no "server-only", no Next.js) like lib/db-tooling.
import pg from "pg";

export const INACTIVE_ANONYMOUS_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Buckets of these limits are full again long before a day has passed: an idle row means nothing. */
const IDLE_BUCKET_PREFIXES = ["judge:", "write:", "anonymous:", "design-check:"];

export interface CleanupResult {
  learners: number;
  buckets: number;
  /** Finished judge jobs over a day old: the verdict is in its Submission row; the job kept a copy of the code. */
  judgeJobs: number;
  /** Rows of judge workers whose last beat is over a day old (a worker's row is its heartbeat). */
  judgeWorkers: number;
}

/** Deletes, in batches (short transactions, no long locks), what a day's idleness makes obsolete. */
export async function cleanUpInactiveLearners(
  databaseUrl: string,
  { now = new Date(), inactiveDays = INACTIVE_ANONYMOUS_DAYS, batchSize = 500 } = {},
): Promise<CleanupResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  // A server that goes away mid-run (npm run dev stopped by Ctrl+C while this runs) fails the
  // query in hand, which the caller logs; without a listener the same event would also be
  // thrown as an uncaught 'error' and end the whole start with exit code 1.
  client.on("error", () => {});
  await client.connect();
  try {
    // Learner timestamps are UTC without a zone (Prisma's DateTime).
    const cutoff = new Date(now.getTime() - inactiveDays * DAY_MS).toISOString();
    let learners = 0;
    for (;;) {
      const { rowCount } = await client.query(
        `DELETE FROM "Learner" WHERE "id" IN (
           SELECT "id" FROM "Learner" WHERE "userId" IS NULL AND "lastSeenAt" < ($1::timestamptz AT TIME ZONE 'UTC') LIMIT $2)`,
        [cutoff, batchSize],
      );
      learners += rowCount ?? 0;
      if ((rowCount ?? 0) < batchSize) break;
    }
    const idleSince = new Date(now.getTime() - DAY_MS).toISOString();
    const { rowCount: buckets } = await client.query(
      `DELETE FROM "RateLimitBucket" WHERE "updatedAt" < $1::timestamptz AND ("key" LIKE ANY($2::text[]))`,
      [idleSince, IDLE_BUCKET_PREFIXES.map((prefix) => `${prefix}%`)],
    );
    // Only finished jobs: a queued or running one is the queue's to settle (its caller may still wait).
    const { rowCount: judgeJobs } = await client.query(
      `DELETE FROM "JudgeJob" WHERE "status" IN ('done', 'not_judged') AND "createdAt" < $1::timestamptz`,
      [idleSince],
    );
    const { rowCount: judgeWorkers } = await client.query(`DELETE FROM "JudgeWorker" WHERE "lastBeat" < $1::timestamptz`, [idleSince]);
    return { learners, buckets: buckets ?? 0, judgeJobs: judgeJobs ?? 0, judgeWorkers: judgeWorkers ?? 0 };
  } finally {
    await client.end();
  }
}

/** Runs the clean-up now and then every `intervalMs` (a day); the timer never keeps the process alive. */
export function scheduleLearnerCleanup(databaseUrl: string, log: (message: string) => void, intervalMs = DAY_MS): () => void {
  const run = () =>
    cleanUpInactiveLearners(databaseUrl).then(
      ({ learners, buckets, judgeJobs, judgeWorkers }) =>
        log(
          `clean-up: deleted ${learners} anonymous learners inactive for ${INACTIVE_ANONYMOUS_DAYS} days, ${buckets} idle rate-limit buckets, ${judgeJobs} finished judge jobs and ${judgeWorkers} dead workers' rows over a day old`,
        ),
      (error: unknown) => log(`clean-up failed (will retry in a day): ${(error as Error).message}`),
    );
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
