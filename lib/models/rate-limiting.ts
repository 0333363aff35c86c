import { seededRandom } from "@/lib/random/seeded-random";
// The simulation behind the rate-limiting model: pure functions, no React, no clock of
// its own. Time is simulated milliseconds that only move when a caller says so, which
// keeps the model deterministic: the same actions give the same picture.

// ---- token bucket -----------------------------------------------------------------

export interface BucketConfig {
  capacity: number;
  refillPerSecond: number;
}

export interface BucketRequest {
  id: number;
  /** Simulated time of the request, ms. */
  at: number;
  cost: number;
  allowed: boolean;
  /** Tokens left right after the decision (fractional). */
  tokensAfter: number;
  /** 0 when allowed; the whole-ms wait until `cost` tokens exist when denied (Infinity if never). */
  retryAfterMs: number;
}

export interface BucketSim {
  config: BucketConfig;
  /** Simulated now, ms. */
  now: number;
  /** Tokens as of `updatedAt`. */
  tokens: number;
  updatedAt: number;
  /** Newest last; trimmed to LOG_LIMIT entries. */
  log: BucketRequest[];
  nextId: number;
  allowedCount: number;
  deniedCount: number;
}

export const LOG_LIMIT = 12;

export const CAPACITY_RANGE = { min: 1, max: 20 } as const;
export const REFILL_RANGE = { min: 0.5, max: 10, step: 0.5 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Keeps user-entered numbers inside the ranges the model draws well. */
export function normalizeConfig(config: BucketConfig): BucketConfig {
  const capacity = Number.isFinite(config.capacity) ? Math.round(config.capacity) : CAPACITY_RANGE.min;
  const refill = Number.isFinite(config.refillPerSecond) ? config.refillPerSecond : REFILL_RANGE.min;
  return {
    capacity: clamp(capacity, CAPACITY_RANGE.min, CAPACITY_RANGE.max),
    refillPerSecond: clamp(refill, REFILL_RANGE.min, REFILL_RANGE.max),
  };
}

/** A bucket at t = 0, full, as every new key's bucket starts. */
export function createBucketSim(config: BucketConfig): BucketSim {
  const normalized = normalizeConfig(config);
  return {
    config: normalized,
    now: 0,
    tokens: normalized.capacity,
    updatedAt: 0,
    log: [],
    nextId: 1,
    allowedCount: 0,
    deniedCount: 0,
  };
}

/** Tokens in the bucket at the simulated now: continuous refill, fractions kept, capped at capacity. */
export function tokensAt(sim: BucketSim, at: number = sim.now): number {
  const elapsedMs = Math.max(0, at - sim.updatedAt);
  return Math.min(sim.config.capacity, sim.tokens + (elapsedMs * sim.config.refillPerSecond) / 1000);
}

/** Moves simulated time forward by `ms` (negative or non-finite values are ignored). */
export function advance(sim: BucketSim, ms: number): BucketSim {
  if (!Number.isFinite(ms) || ms <= 0) return sim;
  return { ...sim, now: sim.now + ms };
}

/** Whole-ms wait until `cost` tokens exist, at least 1; Infinity if the bucket can never hold them. */
export function waitForTokens(tokens: number, cost: number, config: BucketConfig): number {
  if (tokens >= cost) return 0;
  if (cost > config.capacity || config.refillPerSecond <= 0) return Infinity;
  return Math.max(1, Math.ceil(((cost - tokens) * 1000) / config.refillPerSecond));
}

/** One request of `cost` tokens at the simulated now. A denied request takes nothing. */
export function fire(sim: BucketSim, cost = 1): BucketSim {
  const tokens = tokensAt(sim);
  const allowed = tokens >= cost;
  const tokensAfter = allowed ? tokens - cost : tokens;
  const entry: BucketRequest = {
    id: sim.nextId,
    at: sim.now,
    cost,
    allowed,
    tokensAfter,
    retryAfterMs: allowed ? 0 : waitForTokens(tokens, cost, sim.config),
  };
  return {
    ...sim,
    tokens: tokensAfter,
    updatedAt: sim.now,
    log: [...sim.log, entry].slice(-LOG_LIMIT),
    nextId: sim.nextId + 1,
    allowedCount: sim.allowedCount + (allowed ? 1 : 0),
    deniedCount: sim.deniedCount + (allowed ? 0 : 1),
  };
}

/** `count` requests in the same simulated millisecond. */
export function burst(sim: BucketSim, count: number, cost = 1): BucketSim {
  let next = sim;
  for (let i = 0; i < count; i++) next = fire(next, cost);
  return next;
}

/**
 * Changes capacity or rate. The bucket is first brought up to date at the old rate
 * (tokens already earned stay earned), then clipped to the new capacity.
 */
export function reconfigure(sim: BucketSim, config: BucketConfig): BucketSim {
  const normalized = normalizeConfig(config);
  const tokens = Math.min(normalized.capacity, tokensAt(sim));
  return { ...sim, config: normalized, tokens, updatedAt: sim.now };
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** What a denied request is told: its retry-after, or that it can never pass. */
export function describeWait(ms: number): string {
  if (ms === Infinity) return "can never pass, cost above capacity";
  return `retry after ${ms} ms`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The sentence a screen reader hears: what the picture shows right now. */
export function describeBucket(sim: BucketSim): string {
  const { capacity, refillPerSecond } = sim.config;
  const level = tokensAt(sim);
  const parts = [
    `At ${formatSeconds(sim.now)} the bucket holds ${level.toFixed(1)} of ${capacity} tokens, refilling ${refillPerSecond} per second.`,
  ];
  const last = sim.log[sim.log.length - 1];
  if (last) {
    parts.push(
      last.allowed
        ? `Last request allowed, ${Math.floor(last.tokensAfter)} whole tokens left.`
        : `Last request denied, ${describeWait(last.retryAfterMs)}.`,
    );
  }
  parts.push(`${plural(sim.allowedCount, "request", "requests")} allowed and ${sim.deniedCount} denied so far.`);
  return parts.join(" ");
}

// ---- fixed window vs sliding window counter ---------------------------------------

export interface WindowConfig {
  limit: number;
  windowMs: number;
}

export interface WindowDecision {
  at: number;
  allowed: boolean;
}

/** Windows start at multiples of windowMs; only allowed requests count. */
export function runFixedWindow(times: readonly number[], config: WindowConfig): WindowDecision[] {
  let window = Number.NEGATIVE_INFINITY;
  let count = 0;
  return times.map((at) => {
    const current = Math.floor(at / config.windowMs);
    if (current !== window) {
      window = current;
      count = 0;
    }
    const allowed = count + 1 <= config.limit;
    if (allowed) count++;
    return { at, allowed };
  });
}

/** The sliding window counter's estimate: current + previous x (1 - elapsed fraction). */
export function slidingEstimate(at: number, windowMs: number, current: number, previous: number): number {
  const start = Math.floor(at / windowMs) * windowMs;
  return current + previous * (1 - (at - start) / windowMs);
}

/** Allowed when estimate + 1 <= limit; only allowed requests count. */
export function runSlidingWindowCounter(times: readonly number[], config: WindowConfig): WindowDecision[] {
  let window = Number.NEGATIVE_INFINITY;
  let current = 0;
  let previous = 0;
  return times.map((at) => {
    const index = Math.floor(at / config.windowMs);
    if (index !== window) {
      previous = index === window + 1 ? current : 0;
      current = 0;
      window = index;
    }
    const allowed = slidingEstimate(at, config.windowMs, current, previous) + 1 <= config.limit;
    if (allowed) current++;
    return { at, allowed };
  });
}

export interface RollingPeak {
  count: number;
  /** Start of the busiest span [start, start + windowMs). */
  start: number;
}

/** The most allowed requests inside any span of windowMs, and where that span starts. */
export function peakInRollingWindow(decisions: readonly WindowDecision[], windowMs: number): RollingPeak {
  const allowed = decisions.filter((d) => d.allowed).map((d) => d.at).sort((a, b) => a - b);
  let best: RollingPeak = { count: 0, start: 0 };
  let tail = 0;
  for (let head = 0; head < allowed.length; head++) {
    const headAt = allowed[head] ?? 0;
    while ((allowed[tail] ?? 0) <= headAt - windowMs) tail++;
    const count = head - tail + 1;
    if (count > best.count) best = { count, start: allowed[tail] ?? 0 };
  }
  return best;
}

export type StreamKind = "boundary" | "steady" | "random";

export const STREAM_SPAN_MS = 3000;

/** A small deterministic PRNG (mulberry32) so the "random" stream is the same every time. */
export { seededRandom };

/** Request times (ms, sorted) for one of the model's streams. */
export function requestStream(kind: StreamKind, config: WindowConfig, seed = 7): number[] {
  const { limit, windowMs } = config;
  const times: number[] = [];
  if (kind === "boundary") {
    // `limit` requests in the last tenth of window 0, `limit` more in the first tenth of window 1,
    // then one every quarter window from window 2 on, to show that both limiters recover.
    const step = windowMs / 10 / limit;
    for (let i = 0; i < limit; i++) times.push(Math.round(windowMs * 0.9 + i * step));
    for (let i = 0; i < limit; i++) times.push(Math.round(windowMs + i * step));
    for (let at = windowMs * 2; at < STREAM_SPAN_MS; at += windowMs / 4) times.push(Math.round(at));
  } else if (kind === "steady") {
    // Half again the allowed rate, evenly spaced.
    const gap = windowMs / (limit * 1.5);
    for (let at = gap / 2; at < STREAM_SPAN_MS; at += gap) times.push(Math.round(at));
  } else {
    const random = seededRandom(seed);
    const count = limit * 5;
    for (let i = 0; i < count; i++) times.push(Math.floor(random() * STREAM_SPAN_MS));
  }
  return times.sort((a, b) => a - b);
}

export interface Comparison {
  times: number[];
  fixed: WindowDecision[];
  sliding: WindowDecision[];
  fixedPeak: RollingPeak;
  slidingPeak: RollingPeak;
}

export function compareWindows(kind: StreamKind, config: WindowConfig, seed = 7): Comparison {
  const times = requestStream(kind, config, seed);
  const fixed = runFixedWindow(times, config);
  const sliding = runSlidingWindowCounter(times, config);
  return {
    times,
    fixed,
    sliding,
    fixedPeak: peakInRollingWindow(fixed, config.windowMs),
    slidingPeak: peakInRollingWindow(sliding, config.windowMs),
  };
}

export function describeComparison(comparison: Comparison, config: WindowConfig): string {
  const allowedFixed = comparison.fixed.filter((d) => d.allowed).length;
  const allowedSliding = comparison.sliding.filter((d) => d.allowed).length;
  const total = comparison.times.length;
  const seconds = formatSeconds(config.windowMs);
  return (
    `${total} requests over ${formatSeconds(STREAM_SPAN_MS)}, limit ${config.limit} per ${seconds}. ` +
    `Fixed window allowed ${allowedFixed}, at most ${comparison.fixedPeak.count} within one ${seconds} span starting at ${formatSeconds(comparison.fixedPeak.start)}. ` +
    `Sliding window counter allowed ${allowedSliding}, at most ${comparison.slidingPeak.count} within one ${seconds} span.`
  );
}
