import type { Clock } from "./support";

export interface Decision {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
}

/**
 * Token bucket. Each key's bucket starts full (`capacity` tokens) and refills
 * continuously at `refillPerSecond`, fractions included, never above capacity.
 */
export class TokenBucket {
  constructor(private readonly opts: { capacity: number; refillPerSecond: number; now: Clock }) {}

  take(key: string, cost = 1): Decision {
    // Refill the key's bucket for the time since its last update, then try to take `cost`.
    void key;
    void cost;
    return { allowed: false, remaining: 0, retryAfterMs: 0 };
  }
}

/** Sliding window counter: current count + previous count x (1 - elapsed fraction of the window). */
export class SlidingWindowCounter {
  constructor(private readonly opts: { limit: number; windowMs: number; now: Clock }) {}

  take(key: string): Decision {
    void key;
    return { allowed: false, remaining: 0, retryAfterMs: 0 };
  }
}

/** Fixed window: at most `limit` calls per key in each window [k*windowMs, (k+1)*windowMs). */
export class FixedWindow {
  constructor(private readonly opts: { limit: number; windowMs: number; now: Clock }) {}

  take(key: string): Decision {
    void key;
    return { allowed: false, remaining: 0, retryAfterMs: 0 };
  }
}
