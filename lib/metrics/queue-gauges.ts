import "server-only";
import { judgeQueueStats } from "../judge-queue/stats";
import { recordQueueState } from "./registry";

/**
 * Reads the queue for this scrape's gauges. A scrape must answer while the database is away
 * (that is when its counters matter most), so a failure or a slow read only marks the queue
 * unreadable.
 */
export async function refreshQueueGauges(timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const stats = await Promise.race([
      judgeQueueStats(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
      }),
    ]);
    recordQueueState(stats);
  } catch {
    recordQueueState(null);
  } finally {
    clearTimeout(timer);
  }
}
