import { describe, expect, test } from "vitest";
import {
  advance,
  burst,
  compareWindows,
  createBucketSim,
  describeBucket,
  describeComparison,
  describeWait,
  fire,
  LOG_LIMIT,
  normalizeConfig,
  peakInRollingWindow,
  reconfigure,
  requestStream,
  runFixedWindow,
  runSlidingWindowCounter,
  seededRandom,
  slidingEstimate,
  tokensAt,
  waitForTokens,
} from "./rate-limiting";

describe("token bucket simulation", () => {
  test("starts full at t = 0", () => {
    const sim = createBucketSim({ capacity: 5, refillPerSecond: 1 });
    expect(sim.now).toBe(0);
    expect(tokensAt(sim)).toBe(5);
    expect(sim.log).toEqual([]);
  });

  test("a burst empties the bucket, then denies with the exact wait", () => {
    const sim = burst(createBucketSim({ capacity: 3, refillPerSecond: 1 }), 4);
    expect(sim.log.map((entry) => entry.allowed)).toEqual([true, true, true, false]);
    expect(sim.log[3]?.retryAfterMs).toBe(1000);
    expect(sim.allowedCount).toBe(3);
    expect(sim.deniedCount).toBe(1);
  });

  test("refill is continuous and keeps fractions", () => {
    let sim = burst(createBucketSim({ capacity: 2, refillPerSecond: 4 }), 2);
    sim = advance(sim, 125);
    expect(tokensAt(sim)).toBe(0.5);
    sim = fire(sim);
    expect(sim.log.at(-1)).toMatchObject({ allowed: false, retryAfterMs: 125 });
    sim = fire(advance(sim, 125));
    expect(sim.log.at(-1)?.allowed).toBe(true);
  });

  test("a denied request takes nothing", () => {
    let sim = fire(createBucketSim({ capacity: 3, refillPerSecond: 1 }), 2);
    sim = fire(sim, 2);
    expect(sim.log.at(-1)?.allowed).toBe(false);
    expect(tokensAt(sim)).toBe(1);
  });

  test("never refills above capacity", () => {
    const sim = advance(fire(createBucketSim({ capacity: 4, refillPerSecond: 10 })), 60_000);
    expect(tokensAt(sim)).toBe(4);
  });

  test("the wait rounds up to a whole ms, is at least 1, and is Infinity above capacity", () => {
    const config = { capacity: 1, refillPerSecond: 3 };
    expect(waitForTokens(0, 1, config)).toBe(334);
    expect(waitForTokens(0.9999999, 1, config)).toBe(1);
    expect(waitForTokens(0, 2, config)).toBe(Infinity);
    expect(waitForTokens(1, 1, config)).toBe(0);
    expect(describeWait(334)).toBe("retry after 334 ms");
    expect(describeWait(Infinity)).toBe("can never pass, cost above capacity");
  });

  test("advancing time ignores negative and non-finite steps", () => {
    const sim = createBucketSim({ capacity: 1, refillPerSecond: 1 });
    expect(advance(sim, -5)).toBe(sim);
    expect(advance(sim, Number.NaN)).toBe(sim);
    expect(advance(sim, 250).now).toBe(250);
  });

  test("reconfiguring keeps earned tokens and clips to the new capacity", () => {
    let sim = burst(createBucketSim({ capacity: 10, refillPerSecond: 2 }), 10);
    sim = advance(sim, 1000); // 2 tokens earned at the old rate
    sim = reconfigure(sim, { capacity: 10, refillPerSecond: 10 });
    expect(tokensAt(sim)).toBe(2);
    sim = advance(sim, 500); // 5 more at the new rate
    expect(tokensAt(sim)).toBe(7);
    sim = reconfigure(sim, { capacity: 3, refillPerSecond: 10 });
    expect(tokensAt(sim)).toBe(3);
  });

  test("out-of-range settings are clamped", () => {
    expect(normalizeConfig({ capacity: 0, refillPerSecond: 100 })).toEqual({ capacity: 1, refillPerSecond: 10 });
    expect(normalizeConfig({ capacity: Number.NaN, refillPerSecond: Number.NaN })).toEqual({ capacity: 1, refillPerSecond: 0.5 });
  });

  test("the log keeps only the newest entries, with increasing ids", () => {
    const sim = burst(createBucketSim({ capacity: 2, refillPerSecond: 1 }), LOG_LIMIT + 5);
    expect(sim.log).toHaveLength(LOG_LIMIT);
    expect(sim.log[0]?.id).toBe(6);
    expect(sim.log.at(-1)?.id).toBe(LOG_LIMIT + 5);
  });

  test("the same actions give the same state", () => {
    const run = () => fire(advance(burst(createBucketSim({ capacity: 5, refillPerSecond: 1.5 }), 7), 333), 2);
    expect(run()).toEqual(run());
  });

  test("the description states the level, the last decision and the totals", () => {
    const sim = burst(createBucketSim({ capacity: 2, refillPerSecond: 1 }), 3);
    expect(describeBucket(sim)).toBe(
      "At 0.0 s the bucket holds 0.0 of 2 tokens, refilling 1 per second. Last request denied, retry after 1000 ms. 2 requests allowed and 1 denied so far.",
    );
  });
});

describe("fixed window vs sliding window counter", () => {
  const config = { limit: 5, windowMs: 1000 };

  test("the fixed window resets at multiples of windowMs and lets 2x through at the boundary", () => {
    const times = [900, 920, 940, 960, 980, 1000, 1020, 1040, 1060, 1080, 1100];
    const decisions = runFixedWindow(times, config);
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.at(-1)?.allowed).toBe(false);
    expect(peakInRollingWindow(decisions, 1000)).toEqual({ count: 10, start: 900 });
  });

  test("the sliding window counter weights the previous window", () => {
    expect(slidingEstimate(1250, 1000, 0, 4)).toBe(3);
    const times = [900, 920, 940, 960, 980, 1000, 1100, 1199, 1200, 1201];
    const allowed = runSlidingWindowCounter(times, config).map((d) => d.allowed);
    // At 1200 the previous 5 weigh 4, so exactly one more fits; at 1201 the estimate is 4.995 + 1.
    expect(allowed).toEqual([true, true, true, true, true, false, false, false, true, false]);
  });

  test("a window two or more back no longer counts", () => {
    const allowed = runSlidingWindowCounter([0, 1, 2, 3, 4, 2000], config).map((d) => d.allowed);
    expect(allowed).toEqual([true, true, true, true, true, true]);
  });

  test("the boundary stream shows the burst in the fixed window only", () => {
    const comparison = compareWindows("boundary", config);
    expect(comparison.fixedPeak.count).toBe(2 * config.limit);
    expect(comparison.slidingPeak.count).toBe(config.limit);
    expect(describeComparison(comparison, config)).toContain(`at most ${2 * config.limit} within one 1.0 s span`);
  });

  test("streams are sorted, inside the span, and deterministic", () => {
    for (const kind of ["boundary", "steady", "random"] as const) {
      const times = requestStream(kind, config);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((t) => t >= 0 && t < 3000)).toBe(true);
      expect(requestStream(kind, config)).toEqual(times);
    }
    const a = seededRandom(1);
    const b = seededRandom(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
