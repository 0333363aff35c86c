// The queue's settings, read from the environment by the app and by the worker alike (the
// worker is a plain Node process, so this cannot go through lib/env.ts, which is server-only).
import os from "node:os";
import { z } from "zod";

const schema = z.object({
  /** A worker whose last beat is older than this is dead: its jobs go to another worker. */
  JUDGE_LEASE_MS: z.coerce.number().int().min(500).max(60_000).default(5000),
  /** Jobs waiting or running past which the app answers 503 before enqueueing; unset: 16 per live worker. */
  JUDGE_MAX_QUEUE_DEPTH: z.coerce.number().int().min(1).max(100_000).optional(),
  /** Jobs one worker process judges at once (default: one per core). */
  JUDGE_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
});

export interface QueueConfig {
  leaseMs: number;
  /** Fixed depth bound, or null for DEPTH_PER_WORKER per live worker. */
  maxDepth: number | null;
  concurrency: number;
}

/** The default depth bound per live worker: about 16 × 40 ms of waiting on a 2-core worker. */
export const DEPTH_PER_WORKER = 16;
/** How often a worker beats and the sweeper looks for dead workers. */
export const BEAT_MS = 1000;
/** A job is started at most this many times; a third start records runtime_error instead. */
export const MAX_ATTEMPTS = 2;

export function queueConfig(source: Record<string, string | undefined> = process.env): QueueConfig {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    throw new Error(`Invalid judge queue settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const { JUDGE_LEASE_MS, JUDGE_MAX_QUEUE_DEPTH, JUDGE_CONCURRENCY } = parsed.data;
  return {
    leaseMs: JUDGE_LEASE_MS,
    maxDepth: JUDGE_MAX_QUEUE_DEPTH ?? null,
    concurrency: JUDGE_CONCURRENCY ?? Math.max(1, os.availableParallelism()),
  };
}
