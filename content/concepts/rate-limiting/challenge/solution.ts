// solution-canary:rate-limiting (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import type { Clock } from "./support";

export interface Decision {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
}

interface BucketState {
  tokens: number;
  updatedAt: number;
}

/** Token bucket: starts full, refills continuously, never above capacity. */
export class TokenBucket {
  private readonly buckets = new Map<string, BucketState>();
  private readonly capacity: number;
  private readonly refillPerSecond: number;
  private readonly now: Clock;

  constructor(opts: { capacity: number; refillPerSecond: number; now: Clock }) {
    this.capacity = opts.capacity;
    this.refillPerSecond = opts.refillPerSecond;
    this.now = opts.now;
  }

  take(key: string, cost = 1): Decision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    const elapsedMs = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (elapsedMs * this.refillPerSecond) / 1000);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);

    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    if (cost > this.capacity || this.refillPerSecond <= 0) {
      return { allowed: false, remaining: Math.floor(bucket.tokens), retryAfterMs: Infinity };
    }
    const waitMs = Math.ceil(((cost - bucket.tokens) * 1000) / this.refillPerSecond);
    return { allowed: false, remaining: Math.floor(bucket.tokens), retryAfterMs: Math.max(1, waitMs) };
  }
}

/** Fixed window: a counter per key per window [k*windowMs, (k+1)*windowMs). */
export class FixedWindow {
  private readonly counts = new Map<string, { window: number; count: number }>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: Clock;

  constructor(opts: { limit: number; windowMs: number; now: Clock }) {
    this.limit = opts.limit;
    this.windowMs = opts.windowMs;
    this.now = opts.now;
  }

  take(key: string): Decision {
    const now = this.now();
    const window = Math.floor(now / this.windowMs);
    let state = this.counts.get(key);
    if (!state || state.window !== window) {
      state = { window, count: 0 };
      this.counts.set(key, state);
    }
    if (state.count + 1 <= this.limit) {
      state.count++;
      return { allowed: true, remaining: this.limit - state.count, retryAfterMs: 0 };
    }
    if (this.limit < 1) return { allowed: false, remaining: 0, retryAfterMs: Infinity };
    const nextWindowAt = (window + 1) * this.windowMs;
    return { allowed: false, remaining: Math.max(0, this.limit - state.count), retryAfterMs: Math.max(1, nextWindowAt - now) };
  }
}

/** Sliding window counter: the previous window's count, weighted by how much of it still overlaps. */
export class SlidingWindowCounter {
  private readonly counts = new Map<string, { window: number; current: number; previous: number }>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: Clock;

  constructor(opts: { limit: number; windowMs: number; now: Clock }) {
    this.limit = opts.limit;
    this.windowMs = opts.windowMs;
    this.now = opts.now;
  }

  /** Counts as they would be at `at`, with no new requests in between. */
  private countsAt(key: string, at: number): { window: number; current: number; previous: number } {
    const window = Math.floor(at / this.windowMs);
    const state = this.counts.get(key);
    if (!state) return { window, current: 0, previous: 0 };
    if (state.window === window) return { ...state };
    if (state.window === window - 1) return { window, current: 0, previous: state.current };
    return { window, current: 0, previous: 0 };
  }

  private estimateAt(key: string, at: number): number {
    const counts = this.countsAt(key, at);
    const elapsedFraction = (at - counts.window * this.windowMs) / this.windowMs;
    return counts.current + counts.previous * (1 - elapsedFraction);
  }

  take(key: string): Decision {
    const now = this.now();
    const estimate = this.estimateAt(key, now);
    if (estimate + 1 <= this.limit) {
      const counts = this.countsAt(key, now);
      counts.current++;
      this.counts.set(key, counts);
      return { allowed: true, remaining: Math.floor(this.limit - estimate - 1), retryAfterMs: 0 };
    }
    return { allowed: false, remaining: Math.max(0, Math.floor(this.limit - estimate)), retryAfterMs: this.waitMs(key, now) };
  }

  /** The smallest whole-ms wait after which a request would be allowed. */
  private waitMs(key: string, now: number): number {
    if (this.limit < 1) return Infinity;
    const allowedAt = (at: number) => this.estimateAt(key, at) + 1 <= this.limit;
    // The estimate only falls as time passes, and after two windows it is 0: binary search.
    let low = 1;
    let high = 2 * this.windowMs;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (allowedAt(now + middle)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
