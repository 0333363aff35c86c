import { describe, expect, test } from "vitest";
import { advance, createCache, describeCache, describeStampede, get, hitRatio, resize, set, stampede } from "./caching";

describe("the LRU cache", () => {
  test("get and set move a key to the front; the back is evicted when full", () => {
    let sim = createCache(2);
    sim = set(sim, "A", null);
    sim = set(sim, "B", null);
    sim = get(sim, "A");
    expect(sim.entries.map((entry) => entry.key)).toEqual(["A", "B"]);
    sim = set(sim, "C", null);
    expect(sim.entries.map((entry) => entry.key)).toEqual(["C", "A"]);
    expect(sim.evicted).toEqual(["B"]);
    expect(sim.evictions).toBe(1);
  });

  test("hits and misses are counted", () => {
    let sim = createCache(2);
    sim = get(sim, "A");
    sim = set(sim, "A", null);
    sim = get(sim, "A");
    expect([sim.hits, sim.misses]).toEqual([1, 1]);
    expect(hitRatio(sim)).toBe(0.5);
    expect(hitRatio(createCache())).toBeNull();
  });

  test("an entry expires at set time + ttl, and expiry is not an eviction", () => {
    let sim = set(createCache(2), "A", 5_000);
    sim = advance(sim, 4_999);
    expect(get(sim, "A").last).toBe("hit");
    sim = advance(sim, 1);
    expect(sim.expired).toEqual(["A"]);
    expect(sim.entries).toEqual([]);
    expect(sim.expirations).toBe(1);
    expect(sim.evictions).toBe(0);
  });

  test("expired entries go before a live one is evicted", () => {
    let sim = createCache(2);
    sim = set(sim, "A", 5_000);
    sim = set(sim, "B", null);
    sim = get(sim, "A");
    sim = advance(sim, 5_000);
    sim = set(sim, "C", null);
    expect(sim.entries.map((entry) => entry.key)).toEqual(["C", "B"]);
    expect(sim.evictions).toBe(0);
  });

  test("setting a key again replaces its value and restarts its ttl", () => {
    let sim = set(createCache(3), "A", 5_000);
    sim = advance(sim, 4_000);
    sim = set(sim, "A", 5_000);
    expect(sim.entries).toEqual([{ key: "A", value: 2, expiresAt: 9_000 }]);
  });

  test("shrinking the capacity evicts from the back", () => {
    let sim = createCache(4);
    for (const key of ["A", "B", "C", "D"]) sim = set(sim, key, null);
    sim = resize(sim, 2);
    expect(sim.entries.map((entry) => entry.key)).toEqual(["D", "C"]);
    expect(sim.evictions).toBe(2);
  });

  test("the description lists the order, ttl and counters", () => {
    let sim = set(createCache(3), "A", 10_000);
    sim = set(sim, "B", null);
    expect(describeCache(sim)).toContain("From most to least recently used: B=2, A=1 (10 s left).");
    expect(describeCache(sim)).toContain("0 hits, 0 misses, 0 evictions, 0 expired. Clock 0 s.");
  });

  test("the same clicks give the same state", () => {
    const run = () => get(advance(set(set(createCache(2), "A", 5_000), "B", null), 5_000), "A");
    expect(run()).toEqual(run());
  });
});

describe("the stampede", () => {
  test("without single flight every request during the reload queries the database", () => {
    expect(stampede(5_000, 200, 10, false)).toEqual({ missesDuringReload: 1_000, databaseQueries: 1_000 });
  });

  test("with single flight each server sends one query, never more than the misses", () => {
    expect(stampede(5_000, 200, 10, true).databaseQueries).toBe(10);
    expect(stampede(100, 50, 50, true)).toEqual({ missesDuringReload: 5, databaseQueries: 5 });
  });

  test("the description states the numbers", () => {
    expect(describeStampede(5_000, 200, 10, true)).toBe(
      "A key read 5,000 times a second expires and takes 200 ms to reload: 1,000 requests miss meanwhile. With single flight on 10 servers, the database gets 10 queries.",
    );
  });
});
