import "server-only";
import { judgeQueueStats } from "../judge-queue/stats";
import { databaseHealth, describeDatabaseProblem, withTimeout, type DatabaseHealth } from "./health";

/** The judge queue as the health report sees it: how full, how stale, and who drains it. */
export interface QueueHealth {
  up: boolean;
  depth?: number;
  /** Age of the oldest job waiting or running, in ms; null when there is none. */
  oldestJobAgeMs?: number | null;
  /** Workers whose heartbeat lease holds. */
  liveWorkers?: number;
  problem?: string;
}

export interface HealthReport {
  status: "ok" | "down";
  /** One sentence for people: what is up, or every problem. */
  message: string;
  /** Each problem in words, empty when ok. */
  problems: string[];
  database: DatabaseHealth;
  queue: QueueHealth;
}

export const NO_WORKER_PROBLEM =
  "no judge worker is live: runs and submits wait until one starts (npm run judge:worker; npm run dev and npm start start one)";

/**
 * Readiness: ok when the database answers and at least one judge worker holds its lease
 * (a submit would be judged), with the queue's depth and oldest job for whoever watches.
 * Liveness (this process answers at all) is GET /api/health/live, which reads nothing.
 */
export async function healthReport(timeoutMs: number): Promise<HealthReport> {
  const [database, queue] = await Promise.all([databaseHealth(timeoutMs), queueHealth(timeoutMs)]);
  const problems = [
    ...(database.up ? [] : [`the database is down: ${database.problem}`]),
    // With the database down, the queue (which lives in it) cannot be read: one problem, not two.
    ...(queue.up || !database.up ? [] : [queue.problem!]),
  ];
  const message = problems.length === 0 ? `the database and the judge queue are up (${queue.liveWorkers} live worker${queue.liveWorkers === 1 ? "" : "s"})` : problems.join("; ");
  return { status: problems.length === 0 ? "ok" : "down", message, problems, database, queue };
}

async function queueHealth(timeoutMs: number): Promise<QueueHealth> {
  try {
    const stats = await withTimeout(judgeQueueStats(), timeoutMs);
    return stats.liveWorkers > 0 ? { up: true, ...stats } : { up: false, ...stats, problem: NO_WORKER_PROBLEM };
  } catch (error) {
    return { up: false, problem: `the judge queue could not be read: ${describeDatabaseProblem(error)}` };
  }
}
