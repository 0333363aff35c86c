// The app's one call into the queue: listen, enqueue (or be refused at once), wait for the
// verdict or give up and mark the job not judged. No Next.js or Prisma here.
import { queueConfig } from "./config";
import { queuePool } from "./connection";
import { enqueueJob, type EnqueueOutcome, type NewJob } from "./enqueue";
import { verdictListener, type WaitOutcome } from "./waiter";

/** The queue would not take the job: no live worker, or too many waiting. Nothing was stored. */
export class QueueRefusedError extends Error {
  override name = "QueueRefusedError";
  constructor(readonly outcome: Extract<EnqueueOutcome, { queued: false }>) {
    super(outcome.reason === "no_worker" ? "no judge worker is running" : `the judge queue is full (${outcome.depth} of ${outcome.maxDepth})`);
  }
}

export async function judgeThroughQueue(databaseUrl: string, job: NewJob, options: { timeoutMs: number; signal?: AbortSignal }): Promise<WaitOutcome> {
  const config = queueConfig();
  const listener = verdictListener(databaseUrl, config.leaseMs);
  await listener.ready();
  // Expect before enqueueing: a worker can answer before the INSERT's round trip returns.
  const wait = listener.expect(job.id, options);
  let enqueued: EnqueueOutcome;
  try {
    enqueued = await enqueueJob(queuePool(databaseUrl), job, config);
  } catch (error) {
    wait.cancel();
    throw error;
  }
  if (!enqueued.queued) {
    wait.cancel();
    throw new QueueRefusedError(enqueued);
  }
  return wait.outcome();
}
