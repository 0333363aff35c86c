import { describe, expect, test } from "vitest";
import { ACQUIRE_TIMEOUT_MS, CORES, LOADS, RUN_MS, arrivals, bestRun, databaseRate, describe as describeRun, runPool, sweep } from "./connection-pool";

describe("connection pool model logic", () => {
  test("arrivals are seeded, sorted and about the requested rate", () => {
    const a = arrivals(150);
    expect(a).toEqual(arrivals(150));
    expect([...a].sort((x, y) => x - y)).toEqual(a);
    expect(a.length).toBeGreaterThan(1300);
    expect(a.length).toBeLessThan(1700);
    expect(Math.max(...a)).toBeLessThan(RUN_MS);
  });

  test("the database is fastest at CORES active queries and slows past them", () => {
    expect(databaseRate(0)).toBe(0);
    expect(databaseRate(CORES)).toBe(CORES);
    expect(databaseRate(2)).toBe(2);
    expect(databaseRate(CORES * 4)).toBeLessThan(databaseRate(CORES));
  });

  test("every request either completes, times out or is still in flight at the end", () => {
    const times = arrivals(190);
    for (const size of [1, 4, 12]) {
      const run = runPool(size, times);
      expect(run.completed + run.timedOut).toBeLessThanOrEqual(run.arrived);
      expect(run.arrived - run.completed - run.timedOut).toBeLessThanOrEqual(size + 80); // in flight plus up to 250 ms of queued arrivals
      expect(run.meanBusy).toBeLessThanOrEqual(size);
    }
  });

  test("a pool of 1 cannot keep up and its waiters time out", () => {
    const run = runPool(1, arrivals(150));
    expect(run.timedOut).toBeGreaterThan(0);
    expect(run.throughput).toBeLessThanOrEqual(1000 / 20 + 1);
    expect(run.p95LatencyMs).toBeGreaterThanOrEqual(ACQUIRE_TIMEOUT_MS);
  });

  test("under peak load a huge pool is worse than a small one", () => {
    const runs = sweep(190);
    const small = runs[CORES - 1]!;
    const huge = runs[runs.length - 1]!;
    expect(huge.throughput).toBeLessThan(small.throughput);
    expect(huge.p95LatencyMs).toBeGreaterThan(small.p95LatencyMs);
    expect(bestRun(runs).timedOut).toBe(0);
  });

  test("the description states size, throughput and latency", () => {
    const runs = sweep(LOADS[1]!.perSecond);
    const text = describeRun(runs[5]!, LOADS[1]!, bestRun(runs));
    expect(text).toContain("Pool of 6");
    expect(text).toContain("p95 latency");
  });
});
