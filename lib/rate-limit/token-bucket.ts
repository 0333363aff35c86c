// The token bucket from the rate-limiting lesson: a bucket holds up to `capacity`
// tokens, refills at `refillPerSecond`, and each request takes one. Pure, so the
// arithmetic is unit-tested here; lib/db/rate-limits.ts runs the same steps in one
// SQL statement so that every app server shares one bucket per learner.

export interface BucketState {
  tokens: number;
  updatedAtMs: number;
}

export interface TakeResult {
  allowed: boolean;
  state: BucketState;
  /** Seconds until one token is back, 0 when allowed. */
  retryAfterSeconds: number;
}

export function refill(state: BucketState, nowMs: number, capacity: number, refillPerSecond: number): number {
  const elapsed = Math.max(0, nowMs - state.updatedAtMs) / 1000;
  return Math.min(capacity, state.tokens + elapsed * refillPerSecond);
}

export function take(state: BucketState | null, nowMs: number, capacity: number, refillPerSecond: number): TakeResult {
  const available = state ? refill(state, nowMs, capacity, refillPerSecond) : capacity;
  const allowed = available >= 1;
  const tokens = allowed ? available - 1 : available;
  return { allowed, state: { tokens, updatedAtMs: nowMs }, retryAfterSeconds: allowed ? 0 : retryAfter(tokens, refillPerSecond) };
}

/** Whole seconds until the bucket holds one token again (at least 1). */
export function retryAfter(tokens: number, refillPerSecond: number): number {
  return Math.max(1, Math.ceil((1 - tokens) / refillPerSecond));
}
