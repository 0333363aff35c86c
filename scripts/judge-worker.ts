// A judge worker: `npm run judge:worker` (node --no-node-snapshot --import tsx). Takes run and
// submit jobs from the PostgreSQL queue (lib/judge-queue) and judges them in a pool of child
// processes (lib/judge/pool.ts) that get no DATABASE_URL. Any number of these, on any machine
// that reaches the database. Env: DATABASE_URL, JUDGE_CONCURRENCY (default: cores),
// JUDGE_LEASE_MS (default 5000). SIGTERM/SIGINT: finish the running jobs, then exit.
import { createJudgePool, JudgeProcessDiedError, REPEATED_CRASH_MESSAGE, UnknownChallengeError } from "../lib/judge/pool";
import { JudgeInputError, type Verdict } from "../lib/judge";
import { queueConfig } from "../lib/judge-queue/config";
import { migrateQueue } from "../lib/judge-queue/schema";
import { startJudgeWorker, type ClaimedJob } from "../lib/judge-queue/worker";
import { logLine } from "../lib/log/log-line";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write("DATABASE_URL must be set (postgresql://...)\n");
  process.exit(2);
}
let config;
try {
  config = queueConfig();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

/** A verdict for a job the judge refused outright (no tests ran); shaped like a module-load failure. */
function refusedVerdict(job: ClaimedJob, message: string): Verdict {
  return { challengeId: job.challengeId, mode: job.mode, verdict: "runtime_error", passed: 0, failed: 0, total: 0, tests: [], diagnostics: [{ line: 1, column: 1, message }], logs: "", durationMs: 0 };
}

const pool = createJudgePool({ size: config.concurrency });
await Promise.all([pool.ready(), migrateQueue(databaseUrl)]);

const worker = await startJudgeWorker({
  databaseUrl,
  concurrency: config.concurrency,
  leaseMs: config.leaseMs,
  judge: async (job) => {
    try {
      return await pool.run({ challengeId: job.challengeId, mode: job.mode, code: job.code });
    } catch (error) {
      if (error instanceof UnknownChallengeError) return refusedVerdict(job, `This judge worker does not know the challenge ${job.challengeId}.`);
      if (error instanceof JudgeInputError) return refusedVerdict(job, error.message);
      throw error;
    }
  },
  isCrash: (error) => error instanceof JudgeProcessDiedError,
  crashedTwice: (job, lastError) =>
    refusedVerdict(
      job,
      lastError instanceof JudgeProcessDiedError
        ? `${REPEATED_CRASH_MESSAGE} (${lastError.signal ?? `exit code ${lastError.exitCode ?? "unknown"}`})`
        : `${REPEATED_CRASH_MESSAGE} (the judge worker running it died)`,
    ),
  onJob: (fields) => logLine({ msg: "judge job", ...fields }),
  onError: (error, during) => logLine({ level: "error", msg: `judge worker: ${during} failed`, error: String(error) }),
});
logLine({ msg: "judge worker ready", workerId: worker.id, concurrency: config.concurrency, leaseMs: config.leaseMs, pid: process.pid });

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logLine({ msg: "judge worker stopping", workerId: worker.id, signal });
  await worker.stop();
  await pool.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
