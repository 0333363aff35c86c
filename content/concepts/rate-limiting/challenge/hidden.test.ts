import { createClock, expect, randomInt, seededRandom, test } from "@blueprint/test";
import { FixedWindow, SlidingWindowCounter, TokenBucket } from "./solution";

// ---- token bucket ---------------------------------------------------------------

test("token bucket: a new key starts with a full bucket", () => {
  const clock = createClock(5_000);
  const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1, now: clock.now });
  // The key doubles as the canary the build test looks for in client bundles.
  expect(bucket.take("hidden-canary:rate-limiting")).toEqual({ allowed: true, remaining: 4, retryAfterMs: 0 });
});

test("token bucket: cost takes several tokens at once", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1, now: clock.now });
  expect(bucket.take("k", 7)).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
  expect(bucket.take("k", 4)).toEqual({ allowed: false, remaining: 3, retryAfterMs: 1000 });
  expect(bucket.take("k", 3)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
});

test("token bucket: a denied call takes nothing", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 1, now: clock.now });
  bucket.take("k", 2);
  expect(bucket.take("k", 2).allowed).toBe(false);
  expect(bucket.take("k", 2).allowed).toBe(false);
  expect(bucket.take("k", 1)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
});

test("token bucket: never refills above capacity", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 10, now: clock.now });
  bucket.take("k");
  clock.advance(60_000);
  expect(bucket.take("k")).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  expect(bucket.take("k", 3)).toEqual({ allowed: false, remaining: 2, retryAfterMs: 100 });
});

test("token bucket: refill is continuous, not in whole tokens", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 4, refillPerSecond: 2, now: clock.now });
  bucket.take("k", 4);
  clock.advance(250); // 0.5 tokens
  expect(bucket.take("k").retryAfterMs).toBe(250);
  clock.advance(250); // 1 token
  expect(bucket.take("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  clock.advance(750); // 1.5 tokens
  expect(bucket.take("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  clock.advance(250); // 0.5 + 0.5 = 1 token
  expect(bucket.take("k").allowed).toBe(true);
});

test("token bucket: retryAfterMs rounds a fractional wait up", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 3, now: clock.now });
  bucket.take("k");
  expect(bucket.take("k").retryAfterMs).toBe(334); // 1 token at 3/s = 333.33 ms
  clock.advance(333);
  expect(bucket.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1 });
  clock.advance(1);
  expect(bucket.take("k").allowed).toBe(true);
});

test("token bucket: retryAfterMs is at least 1 when denied", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1000, now: clock.now });
  bucket.take("k");
  clock.advance(0.5);
  const decision = bucket.take("k");
  expect(decision.allowed).toBe(false);
  expect(decision.retryAfterMs).toBe(1);
});

test("token bucket: a cost above capacity waits forever", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 1, now: clock.now });
  expect(bucket.take("k", 6)).toEqual({ allowed: false, remaining: 5, retryAfterMs: Infinity });
});

test("token bucket: remaining is floored", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 1, now: clock.now });
  bucket.take("k", 10);
  clock.advance(2_700);
  expect(bucket.take("k")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
});

test("token bucket: keys do not share tokens", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 1, now: clock.now });
  bucket.take("a", 2);
  expect(bucket.take("b", 2).allowed).toBe(true);
  expect(bucket.take("a").allowed).toBe(false);
  clock.advance(1_000);
  expect(bucket.take("a")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
});

test("token bucket: retryAfterMs is the exact wait, rounded up", () => {
  // Rates with a power-of-two number of tokens per ms keep every refill exact in floating point.
  const random = seededRandom(11);
  for (let round = 0; round < 80; round++) {
    const capacity = randomInt(random, 1, 20);
    const refill = [31.25, 62.5, 125, 250, 500][randomInt(random, 0, 4)] ?? 125;
    const clock = createClock(randomInt(random, 0, 10_000));
    const bucket = new TokenBucket({ capacity, refillPerSecond: refill, now: clock.now });
    const cost = randomInt(random, 1, capacity);
    bucket.take("k", capacity);
    const idle = randomInt(random, 0, 300);
    clock.advance(idle);
    const decision = bucket.take("k", cost);
    const tokensTimes1000 = Math.min(capacity * 1000, idle * refill);
    expect(decision.allowed).toBe(tokensTimes1000 >= cost * 1000);
    if (decision.allowed) continue;
    const exactWait = Math.max(1, Math.ceil((cost * 1000 - tokensTimes1000) / refill));
    // One ms of slack for floating-point noise in how the wait is computed.
    expect(decision.retryAfterMs).toBeGreaterThanOrEqual(exactWait);
    expect(decision.retryAfterMs).toBeLessThanOrEqual(exactWait + 1);
    const start = clock.now();
    if (exactWait > 1) {
      clock.set(start + exactWait - 1);
      expect(bucket.take("k", cost).allowed).toBe(false);
    }
    clock.set(start + decision.retryAfterMs);
    expect(bucket.take("k", cost).allowed).toBe(true);
  }
});

// ---- fixed window ---------------------------------------------------------------

test("fixed window: allows `limit` per window and counts down remaining", () => {
  const clock = createClock(0);
  const limiter = new FixedWindow({ limit: 3, windowMs: 1000, now: clock.now });
  expect(limiter.take("k").remaining).toBe(2);
  expect(limiter.take("k").remaining).toBe(1);
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 });
});

test("fixed window: windows start at multiples of windowMs, not at the first request", () => {
  const clock = createClock(1_999);
  const limiter = new FixedWindow({ limit: 1, windowMs: 1000, now: clock.now });
  expect(limiter.take("k").allowed).toBe(true);
  expect(limiter.take("k").retryAfterMs).toBe(1);
  clock.set(2_000);
  expect(limiter.take("k").allowed).toBe(true);
});

test("fixed window: the boundary burst lets 2x limit through in a short span", () => {
  const clock = createClock(59_000);
  const limiter = new FixedWindow({ limit: 100, windowMs: 60_000, now: clock.now });
  let allowed = 0;
  for (let i = 0; i < 100; i++) if (limiter.take("k").allowed) allowed++;
  clock.set(60_000);
  for (let i = 0; i < 100; i++) if (limiter.take("k").allowed) allowed++;
  expect(allowed).toBe(200);
  expect(limiter.take("k").allowed).toBe(false);
});

test("fixed window: keys are independent", () => {
  const clock = createClock(0);
  const limiter = new FixedWindow({ limit: 1, windowMs: 500, now: clock.now });
  expect(limiter.take("a").allowed).toBe(true);
  expect(limiter.take("b").allowed).toBe(true);
  expect(limiter.take("a").allowed).toBe(false);
});

test("fixed window: a long idle gap starts a fresh window", () => {
  const clock = createClock(0);
  const limiter = new FixedWindow({ limit: 2, windowMs: 1000, now: clock.now });
  limiter.take("k");
  limiter.take("k");
  clock.set(10_500);
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
});

test("fixed window: a limit of 0 allows nothing and no wait helps", () => {
  // No wait ever makes the call allowed, so the smallest such wait is Infinity (as for a cost above capacity).
  const clock = createClock(2_500);
  const limiter = new FixedWindow({ limit: 0, windowMs: 1000, now: clock.now });
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: Infinity });
  clock.advance(5_000);
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: Infinity });
});

// ---- sliding window counter -----------------------------------------------------

test("sliding window: within the first window it behaves like a counter", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 3, windowMs: 1000, now: clock.now });
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  expect(limiter.take("k").remaining).toBe(1);
  expect(limiter.take("k").remaining).toBe(0);
  expect(limiter.take("k").allowed).toBe(false);
});

test("sliding window: the previous window's weight decays linearly", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 10, windowMs: 1000, now: clock.now });
  for (let i = 0; i < 10; i++) limiter.take("k");
  clock.set(1_000); // estimate 10
  expect(limiter.take("k").allowed).toBe(false);
  clock.set(1_100); // estimate 9
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  clock.set(1_500); // estimate 1 + 10 x 0.5 = 6, so 10 - 6 - 1 = 3 remain
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 3, retryAfterMs: 0 });
});

test("sliding window: retryAfterMs waits for the previous window to decay", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 10, windowMs: 1000, now: clock.now });
  for (let i = 0; i < 10; i++) limiter.take("k");
  clock.set(1_000);
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100 });
});

test("sliding window: retryAfterMs waits into the next window when the current one is full", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 4, windowMs: 1000, now: clock.now });
  clock.set(1_000);
  for (let i = 0; i < 4; i++) expect(limiter.take("k").allowed).toBe(true);
  clock.set(1_600);
  // current 4 alone fills the limit; at 2000 + f*1000 the estimate is 4 * (1 - f): need f >= 0.25
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 650 });
});

test("sliding window: denied requests are not counted", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 2, windowMs: 1000, now: clock.now });
  limiter.take("k");
  limiter.take("k");
  // Five denials are plenty: counted, they would make the estimate at 1500 (2 + 5) * 0.5 > 1.
  for (let i = 0; i < 5; i++) limiter.take("k");
  clock.set(1_500); // estimate 2 * 0.5 = 1
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
});

test("sliding window: a window two or more back no longer counts", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 2, windowMs: 1000, now: clock.now });
  limiter.take("k");
  limiter.take("k");
  clock.set(2_000);
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
});

test("sliding window: windows start at multiples of windowMs", () => {
  const clock = createClock(900);
  const limiter = new SlidingWindowCounter({ limit: 2, windowMs: 1000, now: clock.now });
  limiter.take("k");
  limiter.take("k");
  clock.set(1_500); // previous window [0,1000) had 2, half of it still weighs: 1
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  expect(limiter.take("k").allowed).toBe(false);
});

test("sliding window: keys are independent", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 1, windowMs: 1000, now: clock.now });
  expect(limiter.take("a").allowed).toBe(true);
  expect(limiter.take("b").allowed).toBe(true);
  expect(limiter.take("a").allowed).toBe(false);
});

test("sliding window: matches the estimate formula over a random stream", () => {
  const random = seededRandom(2024);
  const windowMs = 1024; // a power of two keeps every fraction exact in floating point
  const limit = 7;
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit, windowMs, now: clock.now });
  const windows = new Map<number, number>();
  // 150 requests over ~9 windows reach every mix of current and previous counts (more cost, not coverage).
  for (let i = 0; i < 150; i++) {
    clock.advance(randomInt(random, 0, 128));
    const now = clock.now();
    const window = Math.floor(now / windowMs);
    const fraction = (now - window * windowMs) / windowMs;
    const estimate = (windows.get(window) ?? 0) + (windows.get(window - 1) ?? 0) * (1 - fraction);
    const expected = estimate + 1 <= limit;
    const decision = limiter.take("k");
    expect(decision.allowed).toBe(expected);
    if (expected) {
      windows.set(window, (windows.get(window) ?? 0) + 1);
      expect(decision.remaining).toBe(Math.floor(limit - estimate - 1));
    }
  }
});

test("sliding window: waiting exactly retryAfterMs is enough and 1 ms less is not", () => {
  const random = seededRandom(77);
  // Each denied take runs the learner's wait search, so the history before the checked
  // take is short: limit + 3 requests in steps of up to a third of a window, which end
  // anywhere from inside the first window to two windows on.
  for (let round = 0; round < 30; round++) {
    const windowMs = [128, 1024, 65_536][randomInt(random, 0, 2)] ?? 1024;
    const limit = randomInt(random, 1, 12);
    const clock = createClock(randomInt(random, 0, 5) * windowMs);
    const limiter = new SlidingWindowCounter({ limit, windowMs, now: clock.now });
    for (let i = 0; i < limit + 3; i++) {
      clock.advance(randomInt(random, 0, Math.floor(windowMs / 3)));
      limiter.take("k");
    }
    const decision = limiter.take("k");
    if (decision.allowed) continue;
    const start = clock.now();
    const wait = decision.retryAfterMs;
    expect(wait).toBeGreaterThanOrEqual(1);
    if (wait > 1) {
      clock.set(start + wait - 1);
      expect(limiter.take("k").allowed).toBe(false);
    }
    clock.set(start + wait);
    expect(limiter.take("k").allowed).toBe(true);
  }
});

test("sliding window: a limit of 0 allows nothing and no wait helps", () => {
  const clock = createClock(2_500);
  const limiter = new SlidingWindowCounter({ limit: 0, windowMs: 1000, now: clock.now });
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: Infinity });
  clock.advance(5_000);
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: Infinity });
});
