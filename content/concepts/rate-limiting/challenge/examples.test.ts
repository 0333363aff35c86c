import { createClock, expect, test } from "@blueprint/test";
import { FixedWindow, SlidingWindowCounter, TokenBucket } from "./solution";

test("a token bucket starts full and denies once empty", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 1, now: clock.now });
  expect(bucket.take("alice")).toEqual({ allowed: true, remaining: 2, retryAfterMs: 0 });
  expect(bucket.take("alice").allowed).toBe(true);
  expect(bucket.take("alice").allowed).toBe(true);
  expect(bucket.take("alice")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 1000 });
});

test("a token bucket refills continuously, with fractional tokens", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 4, now: clock.now });
  bucket.take("k", 2);
  clock.advance(125); // half a token
  expect(bucket.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 125 });
  clock.advance(125);
  expect(bucket.take("k").allowed).toBe(true);
});

test("a fixed window resets at multiples of windowMs", () => {
  const clock = createClock(900);
  const limiter = new FixedWindow({ limit: 2, windowMs: 1000, now: clock.now });
  expect(limiter.take("k").allowed).toBe(true);
  expect(limiter.take("k").allowed).toBe(true);
  expect(limiter.take("k")).toEqual({ allowed: false, remaining: 0, retryAfterMs: 100 });
  clock.set(1000);
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
});

test("a sliding window counter weights the previous window", () => {
  const clock = createClock(0);
  const limiter = new SlidingWindowCounter({ limit: 4, windowMs: 1000, now: clock.now });
  for (let i = 0; i < 4; i++) expect(limiter.take("k").allowed).toBe(true);
  clock.set(1250); // estimate = 0 + 4 * 0.75 = 3
  expect(limiter.take("k")).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
  expect(limiter.take("k").allowed).toBe(false);
});

test("keys are limited independently", () => {
  const clock = createClock();
  const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1, now: clock.now });
  expect(bucket.take("a").allowed).toBe(true);
  expect(bucket.take("a").allowed).toBe(false);
  expect(bucket.take("b").allowed).toBe(true);
});
