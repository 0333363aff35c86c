import { describe, expect, test } from "vitest";
import { murmur3_32 } from "@/lib/hash/hashes";
import {
  addShard,
  createSharding,
  describe as describeState,
  evenBounds,
  hashShard,
  HOT_WEIGHT,
  KEYS,
  MAX_SHARDS,
  rangeShard,
  setHotKey,
  setScheme,
  shardOf,
  shards,
} from "./sharding";

describe("placement", () => {
  test("keys are listed in JS string order", () => {
    expect([...KEYS].sort()).toEqual([...KEYS]);
  });

  test("hash placement is murmur3 modulo the shard count", () => {
    for (const key of KEYS) expect(hashShard(key, 5)).toBe(murmur3_32(key) % 5);
  });

  test("range placement treats bounds as exclusive upper bounds", () => {
    expect(rangeShard(["g", "p"], "a")).toBe(0);
    expect(rangeShard(["g", "p"], "g")).toBe(1);
    expect(rangeShard(["g", "p"], "p")).toBe(2);
    expect(rangeShard([], "anything")).toBe(0);
  });

  test("even bounds split the keys into nearly equal runs", () => {
    const state = { ...createSharding("range"), bounds: evenBounds(4), shardCount: 4 };
    const sizes = shards(state).map((view) => view.keys.length);
    expect(sizes).toEqual([6, 6, 6, 6]);
  });

  test("every scheme places every key on exactly one shard", () => {
    for (const scheme of ["hash", "range", "directory"] as const) {
      const views = shards(createSharding(scheme));
      expect(views.reduce((sum, view) => sum + view.keys.length, 0)).toBe(KEYS.length);
      expect(views.reduce((sum, view) => sum + view.load, 0)).toBeCloseTo(1);
    }
  });
});

describe("adding a shard", () => {
  test("hash: changing the modulus moves exactly the keys whose remainder changed", () => {
    const before = createSharding("hash");
    const after = addShard(before);
    expect(after.shardCount).toBe(4);
    const expected = KEYS.filter((key) => murmur3_32(key) % 3 !== murmur3_32(key) % 4);
    expect(after.moved).toEqual(expected);
    expect(after.moved.length).toBeGreaterThan(KEYS.length / 2);
  });

  test("range: splits the busiest shard at its median and moves only its upper half", () => {
    const before = createSharding("range");
    const after = addShard(before);
    expect(after.shardCount).toBe(4);
    expect(after.bounds).toHaveLength(3);
    expect(after.moved.length).toBe(4);
    for (const key of after.moved) expect(shardOf(after, key)).toBe(1);
    for (const key of KEYS.filter((k) => !after.moved.includes(k))) {
      const old = shardOf(before, key);
      expect(shardOf(after, key)).toBe(old === 0 ? 0 : old + 1);
    }
  });

  test("range: a hot key makes its shard the one that splits", () => {
    const before = setHotKey(createSharding("range"), "zoe");
    const after = addShard(before);
    expect(shardOf(after, "zoe")).toBe(3);
    expect(after.moved).toContain("zoe");
  });

  test("range: a shard with a single hot key cannot be split further", () => {
    let state = setHotKey(createSharding("range"), "ada");
    for (let i = 0; i < 10; i++) state = addShard(state);
    expect(state.shardCount).toBeLessThanOrEqual(MAX_SHARDS);
    const hot = shards(state).find((view) => view.keys.includes("ada"));
    expect(hot?.keys.length).toBeGreaterThanOrEqual(1);
  });

  test("directory: moves only as many keys as the new shard should hold", () => {
    const after = addShard(createSharding("directory"));
    expect(after.moved).toHaveLength(6);
    const sizes = shards(after).map((view) => view.keys.length);
    expect(sizes).toEqual([6, 6, 6, 6]);
  });

  test("stops at the maximum shard count", () => {
    let state = createSharding("hash");
    for (let i = 0; i < 20; i++) state = addShard(state);
    expect(state.shardCount).toBe(MAX_SHARDS);
    expect(state.moved).toEqual([]);
  });
});

describe("hot keys and text", () => {
  test("a hot key carries HOT_WEIGHT of the total weight", () => {
    const state = setHotKey(createSharding("hash"), "max");
    const hot = shards(state).find((view) => view.keys.includes("max"));
    expect(hot?.load).toBeGreaterThanOrEqual(HOT_WEIGHT / (HOT_WEIGHT + KEYS.length - 1));
    expect(describeState(state)).toContain("The hot key max");
  });

  test("an unknown hot key clears it", () => {
    expect(setHotKey(createSharding("hash"), "nobody").hotKey).toBeNull();
  });

  test("switching scheme starts over and keeps the hot key", () => {
    const state = setScheme(addShard(setHotKey(createSharding("hash"), "ivy")), "directory");
    expect(state.scheme).toBe("directory");
    expect(state.shardCount).toBe(3);
    expect(state.hotKey).toBe("ivy");
  });

  test("the same actions give the same state", () => {
    const run = () => addShard(addShard(setHotKey(createSharding("range"), "kai")));
    expect(run()).toEqual(run());
    expect(describeState(run())).toBe(describeState(run()));
  });
});
