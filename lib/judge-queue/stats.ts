import "server-only";
import { env } from "../env";
import { queuePool } from "./connection";
import { readQueueState } from "./state";

/** For /api/health and /metrics: jobs waiting or running, the oldest one's age, and workers whose lease holds. */
export async function judgeQueueStats(): Promise<{ depth: number; oldestJobAgeMs: number | null; liveWorkers: number }> {
  return readQueueState(queuePool(env().DATABASE_URL));
}
